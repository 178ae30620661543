/**
 * xterm.js under the console's Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline'):
 * xterm's DOM renderer writes its theme, cell size and scrollbar rules into `<style>` elements it
 * puts inside the terminal, and the policy refuses to apply inline style elements. Rather than
 * weaken the policy, the terminal view opens xterm in a container not yet in the page, and this
 * module takes those elements out of it and applies their text as a constructed stylesheet
 * (document.adoptedStyleSheets): the CSSOM, which style-src does not govern, as Vue's `element.style`
 * is not. xterm keeps its references to the detached elements and rewrites their text on resize or
 * theme change; a MutationObserver copies each rewrite into the stylesheet, and takes out any style
 * element xterm adds later the same way. What stays refused is the style *attribute* xterm's row
 * factory sets on a cell for a 24-bit colour or a selected cell's contrast background: such text
 * shows in the palette's colours, and xterm's own selection layer still shows the selection.
 */

export interface AdoptedStyles {
  /** Removes the stylesheet from the page and stops following xterm's elements. */
  dispose(): void;
}

/** Whether this browser can adopt constructed stylesheets (every Chromium; not every test DOM). */
function canAdopt(root: Document): boolean {
  return (
    typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in root
  );
}

/** Moves xterm's `<style>` elements under `terminalElement` into one adopted stylesheet, and keeps it current. */
export function adoptTerminalStyles(terminalElement: HTMLElement): AdoptedStyles {
  const root = terminalElement.ownerDocument;
  const view = root.defaultView;
  if (!view || !canAdopt(root)) return { dispose: () => undefined };
  const sheet = new view.CSSStyleSheet();
  const elements: HTMLStyleElement[] = [];
  const copy = () => sheet.replaceSync(elements.map((element) => element.textContent ?? '').join('\n'));
  const textObserver = new MutationObserver(copy);
  function adopt(element: HTMLStyleElement): void {
    element.remove();
    elements.push(element);
    textObserver.observe(element, { childList: true, characterData: true, subtree: true });
  }
  terminalElement.querySelectorAll('style').forEach(adopt);
  // A style element xterm makes later (a renderer made again) is taken out the same way.
  const addedObserver = new MutationObserver((records) => {
    const added = records.flatMap((record) => [...record.addedNodes]);
    const styles = added.filter((node): node is HTMLStyleElement => node instanceof view.HTMLStyleElement);
    styles.forEach(adopt);
    if (styles.length) copy();
  });
  addedObserver.observe(terminalElement, { childList: true, subtree: true });
  copy();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return {
    dispose() {
      addedObserver.disconnect();
      textObserver.disconnect();
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}
