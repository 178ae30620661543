/**
 * The bundled Korean font as scripts/build-korean-font.mjs leaves it in resources/fonts/: every
 * @font-face rule names a WOFF2 file that is there (and no file is left unused), Hangul is wholly
 * covered in both weights the console uses, no rule claims a Latin code point (so Latin text stays
 * on the system UI font), the OFL licence travels with the files, and the renderer's base CSS puts
 * the family first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const fontsDirectory = new URL('../resources/fonts/', import.meta.url);
const css = readFileSync(new URL('noto-sans-kr.css', fontsDirectory), 'utf8');

interface Face {
  family: string;
  weight: number;
  display: string;
  file: string;
  ranges: Array<[number, number]>;
}

function parseFaces(text: string): Face[] {
  return [...text.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const value = (property: string) => new RegExp(`${property}:\\s*([^;]+);`).exec(body!)?.[1]?.trim() ?? '';
    return {
      family: value('font-family').replace(/'/g, ''),
      weight: Number(value('font-weight')),
      display: value('font-display'),
      file: /url\('\.\/([^']+)'\) format\('woff2'\)/.exec(value('src'))?.[1] ?? '',
      ranges: value('unicode-range')
        .split(',')
        .map((part) => {
          const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
          return [parseInt(start!, 16), parseInt(end ?? start!, 16)] as [number, number];
        }),
    };
  });
}

const faces = parseFaces(css);

function covered(weight: number, codePoint: number): boolean {
  return faces.some(
    (face) => face.weight === weight && face.ranges.some(([start, end]) => start <= codePoint && codePoint <= end),
  );
}

describe('the bundled Korean font', () => {
  it('has one swap rule per WOFF2 slice, in weights 400 and 700 of Noto Sans KR', () => {
    expect(faces.length).toBeGreaterThan(100);
    for (const face of faces) {
      expect(face.family).toBe('Noto Sans KR');
      expect([400, 700]).toContain(face.weight);
      expect(face.display).toBe('swap');
      expect(face.file).toMatch(/^noto-sans-kr-\d+-(400|700)-normal\.woff2$/);
      expect(existsSync(new URL(face.file, fontsDirectory)), face.file).toBe(true);
    }
    const referenced = new Set(faces.map((face) => face.file));
    const shipped = readdirSync(fontsDirectory).filter((name) => name.endsWith('.woff2'));
    expect(shipped.filter((name) => !referenced.has(name))).toEqual([]);
  });

  it('covers every Hangul syllable and compatibility jamo in both weights', () => {
    const missing: string[] = [];
    for (const weight of [400, 700]) {
      for (let codePoint = 0xac00; codePoint <= 0xd7a3; codePoint++) {
        if (!covered(weight, codePoint)) missing.push(`${weight} U+${codePoint.toString(16)}`);
      }
      for (let codePoint = 0x3131; codePoint <= 0x318e; codePoint++) {
        if (!covered(weight, codePoint)) missing.push(`${weight} U+${codePoint.toString(16)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('claims no Latin code point, so Latin text falls through to the system UI font', () => {
    const latin = faces.filter((face) => face.ranges.some(([start]) => start < 0x1100));
    expect(latin.map((face) => face.file)).toEqual([]);
    expect(covered(400, 'A'.codePointAt(0)!)).toBe(false);
    expect(covered(400, '1'.codePointAt(0)!)).toBe(false);
  });

  it('ships the SIL Open Font License beside the files', () => {
    const licence = readFileSync(new URL('LICENSE-Noto-Sans-KR-OFL-1.1.txt', fontsDirectory), 'utf8');
    expect(licence).toContain('SIL Open Font License, Version 1.1');
    expect(css).toContain('LICENSE-Noto-Sans-KR-OFL-1.1.txt');
  });

  it('is imported by the base CSS and comes first in the page font stack', () => {
    const base = readFileSync(new URL('../renderer/styles/base.css', import.meta.url), 'utf8');
    expect(base).toContain("@import '../../resources/fonts/noto-sans-kr.css';");
    expect(base).toMatch(/:root\s*{[^}]*font-family: 'Noto Sans KR', /);
  });
});
