/**
 * happy-dom lays nothing out, so xterm.js would measure its cells as 0 × 0 and draw nothing. In a
 * test that shows terminals, useXtermLayout() gives xterm's measuring span the size a 14px
 * monospace font has in a browser (32 "W"s of 8px, 17px high) for the test file's duration.
 */
import { afterAll, beforeAll } from 'vitest';

const MEASURED: Record<'offsetWidth' | 'offsetHeight', number> = { offsetWidth: 32 * 8, offsetHeight: 17 };

export function useXtermLayout(): void {
  const originals = new Map<string, PropertyDescriptor | undefined>();
  beforeAll(() => {
    for (const [property, value] of Object.entries(MEASURED)) {
      const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property);
      originals.set(property, original);
      Object.defineProperty(HTMLElement.prototype, property, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('xterm-char-measure-element') ? value : (original?.get?.call(this) ?? 0);
        },
      });
    }
  });
  afterAll(() => {
    for (const [property, original] of originals) {
      if (original) Object.defineProperty(HTMLElement.prototype, property, original);
    }
  });
}

/**
 * The text of a terminal's screen under `root`, one line a row, trailing blanks dropped: the DOM
 * renderer's rows (happy-dom does not run xterm's screen-reader refresh reliably; the e2e tests read
 * the screen-reader rows in Chromium).
 */
export function terminalScreen(root: Element): string {
  return [...root.querySelectorAll('.xterm-rows > div')]
    .map((row) => row.textContent?.replace(/\s+$/, '') ?? '')
    .join('\n')
    .trimEnd();
}

/** Types `text` into the terminal under `root` as keys: keydown, then keypress for a printable key. */
export function typeKeys(root: Element, text: string): void {
  const textarea = root.querySelector('textarea')!;
  for (const key of text) {
    const code = key === '\r' ? 13 : key.charCodeAt(0);
    const init = { key: key === '\r' ? 'Enter' : key, keyCode: code, charCode: code, which: code, bubbles: true };
    textarea.dispatchEvent(new KeyboardEvent('keydown', init));
    if (key !== '\r') textarea.dispatchEvent(new KeyboardEvent('keypress', init));
  }
}
