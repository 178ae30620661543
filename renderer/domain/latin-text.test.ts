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

  it('checks the blocks the bundled font is cut to (scripts/build-korean-font.mjs)', () => {
    const script = Object.values(
      import.meta.glob('/scripts/build-korean-font.mjs', { query: '?raw', import: 'default', eager: true }),
    )[0] as string;
    const table = /const KOREAN_BLOCKS = \[([^;]*)\];/.exec(script)?.[1] ?? '';
    const blocks = [...table.matchAll(/\[(0x[0-9a-f]+), (0x[0-9a-f]+)\]/gi)].map((match) => [
      Number(match[1]),
      Number(match[2]),
    ]);
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks).toEqual(KOREAN_FONT_BLOCKS);
  });
});
