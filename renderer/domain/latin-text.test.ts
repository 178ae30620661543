import { describe, expect, it } from 'vitest';
import { fontClassOf, isLatinText, KOREAN_FONT_BLOCKS } from './latin-text';

describe('isLatinText', () => {
  it('is true for ids, addresses, English dates and dashes, false for Hangul, Hanja and CJK punctuation', () => {
    expect(isLatinText('i-0123456789abcdef0')).toBe(true);
    expect(isLatinText('Dec 1, 2026, 3:00:00\u202fAM')).toBe(true);
    expect(isLatinText('–')).toBe(true);
    expect(isLatinText('실행 중')).toBe(false);
    expect(isLatinText('2026. 12. 1. 오후 3:00:00')).toBe(false);
    expect(isLatinText('漢字')).toBe(false);
    expect(isLatinText('「x」')).toBe(false);
    expect(isLatinText('ｗｅｂ')).toBe(false);
    expect(fontClassOf('t3.micro')).toBe('text-latin');
    expect(fontClassOf('웹 서버')).toBeUndefined();
  });

  it('holds for the bundled font: every range of its faces lies in the blocks it checks', () => {
    const css = Object.values(
      import.meta.glob('../../resources/fonts/noto-sans-kr.css', { query: '?raw', import: 'default', eager: true }),
    )[0] as string;
    const ranges = [...css.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)].map((match) => {
      const first = parseInt(match[1]!, 16);
      return [first, match[2] ? parseInt(match[2], 16) : first] as const;
    });
    expect(ranges.length).toBeGreaterThan(100);
    const outside = ranges.filter(
      ([first, last]) => !KOREAN_FONT_BLOCKS.some(([from, to]) => first >= from && last <= to),
    );
    expect(outside).toEqual([]);
  });
});
