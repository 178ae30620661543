/**
 * Whether a text can skip the bundled Korean font: its @font-face rules (resources/fonts/
 * noto-sans-kr.css) cover only the blocks scripts/build-korean-font.mjs keeps (KOREAN_BLOCKS:
 * Hangul, Hanja, CJK punctuation and forms), so a text with no code point in them never selects it.
 */
export const KOREAN_FONT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x2e80, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

const MAY_NEED_KOREAN_FONT = new RegExp(
  `[${KOREAN_FONT_BLOCKS.map(([first, last]) => `\\u${hex(first)}-\\u${hex(last)}`).join('')}]`,
);

function hex(codePoint: number): string {
  return codePoint.toString(16).padStart(4, '0');
}

export function isLatinText(text: string): boolean {
  return !MAY_NEED_KOREAN_FONT.test(text);
}

/** The class a cell of `text` takes: `text-latin` (base.css) when the Korean font can draw none of it. */
export function fontClassOf(text: string | undefined): string | undefined {
  return text === undefined || isLatinText(text) ? 'text-latin' : undefined;
}
