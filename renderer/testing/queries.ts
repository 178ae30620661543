/**
 * Finds elements by ARIA role and accessible name, the way Playwright's getByRole does (a subset
 * of the ARIA name computation that covers this app), so tests also prove controls are named.
 */
const IMPLICIT_ROLES: [string, string][] = [
  ['button', 'button'],
  ['a[href]', 'link'],
  ['input[type="checkbox"]', 'checkbox'],
  ['input[type="radio"]', 'radio'],
  ['input[type="number"]', 'spinbutton'],
  ['input[type="search"]', 'searchbox'],
  ['input[type="file"]', 'button'],
  // A text field with suggestions (a list attribute naming a datalist) is a combobox (HTML-AAM).
  ['input[list]:not([type]), input[list][type="text"], input[list][type="search"]', 'combobox'],
  ['input:not([type]), input[type="text"]', 'textbox'],
  ['textarea', 'textbox'],
  ['select', 'combobox'],
  ['th', 'columnheader'],
  ['td', 'cell'],
  ['tr', 'row'],
  ['table', 'table'],
  ['h1, h2, h3', 'heading'],
  ['nav', 'navigation'],
  ['section[aria-label], section[aria-labelledby]', 'region'],
  ['aside', 'complementary'],
  ['dialog', 'dialog'],
  ['option', 'option'],
];

export function roleOf(element: Element): string | undefined {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  return IMPLICIT_ROLES.find(([selector]) => element.matches(selector))?.[1];
}

function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return true;
    if ((node as HTMLElement).style?.display === 'none') return true;
  }
  return false;
}

/** Roles whose name may come from their content (WAI-ARIA "name from: contents"). */
const NAMED_FROM_CONTENT = new Set([
  'button',
  'link',
  'menuitem',
  'tab',
  'columnheader',
  'cell',
  'row',
  'heading',
  'option',
  'checkbox',
  'radio',
]);

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
  const label = node.getAttribute('aria-label');
  if (label) return ` ${label} `;
  if (node instanceof HTMLSelectElement) return node.selectedOptions[0]?.textContent ?? '';
  if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) return node.value;
  return [...node.childNodes].map(textOf).join('');
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    return normalize(
      labelledBy
        .split(/\s+/)
        .map((id) => textOf(doc.getElementById(id) ?? doc.createElement('span')))
        .join(' '),
    );
  }
  const label = element.getAttribute('aria-label');
  if (label) return normalize(label);
  if (element.matches('input, select, textarea')) {
    const id = element.getAttribute('id');
    const byFor = id ? element.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
    const wrapping = element.closest('label');
    const labelElement = byFor ?? wrapping;
    if (labelElement) {
      return normalize(
        [...labelElement.childNodes]
          .filter((child) => child !== element)
          .map(textOf)
          .join(''),
      );
    }
    return normalize(element.getAttribute('placeholder') ?? '');
  }
  if (element.matches('table'))
    return normalize(textOf(element.querySelector('caption') ?? element.ownerDocument.createElement('span')));
  const role = roleOf(element);
  return role && NAMED_FROM_CONTENT.has(role) ? normalize([...element.childNodes].map(textOf).join('')) : '';
}

export function queryAllByRole(root: Element | Document, role: string, name?: string | RegExp): HTMLElement[] {
  const all = [root instanceof Document ? root.documentElement : root, ...root.querySelectorAll('*')];
  return all.filter((element): element is HTMLElement => {
    if (roleOf(element) !== role || isHidden(element)) return false;
    if (name === undefined) return true;
    const actual = accessibleName(element);
    return typeof name === 'string' ? actual === name : name.test(actual);
  });
}

/** Elements of `role` whose text matches, like Playwright's getByRole(role).filter({ hasText }). */
export function queryAllByText(root: Element | Document, role: string, text: RegExp): HTMLElement[] {
  return queryAllByRole(root, role).filter((element) => text.test(normalize(element.textContent ?? '')));
}

export function getByText(root: Element | Document, role: string, text: RegExp): HTMLElement {
  const found = queryAllByText(root, role, text);
  if (found.length === 1) return found[0]!;
  const texts = queryAllByRole(root, role).map((element) => JSON.stringify(normalize(element.textContent ?? '')));
  throw new Error(
    `Expected one ${role} with text ${String(text)}, found ${found.length}. Present: ${texts.join(', ') || 'none'}`,
  );
}

export function getByRole(root: Element | Document, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(root, role, name);
  if (found.length === 1) return found[0]!;
  const names = queryAllByRole(root, role).map((element) => JSON.stringify(accessibleName(element)));
  throw new Error(
    `Expected one ${role} named ${String(name)}, found ${found.length}. ${role}s present: ${names.join(', ') || 'none'}`,
  );
}
