/**
 * A strict well-formedness check for the XML the door writes (prolog, one root, balanced
 * elements, the root's xmlns as the only attribute, text made of XML characters and the five
 * entities or character references). Enough to catch a reply an XML reader would choke on.
 */
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const TOKEN = /<(\/?)([A-Za-z_][A-Za-z0-9_.-]*)(\s+xmlns="[^"<&]*")?(\/?)>|([^<]+)/y;
const TEXT =
  // eslint-disable-next-line no-control-regex
  /^(?:[^&<\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|&(?:amp|lt|gt|quot|apos|#[0-9]+);)*$/;

export function isWellFormedXml(xml: string): boolean {
  if (!xml.startsWith(PROLOG)) return false;
  const stack: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = PROLOG.length;
  while (TOKEN.lastIndex < xml.length) {
    const match = TOKEN.exec(xml);
    if (!match) return false;
    const [, closing, name, attribute, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length === 0 || !TEXT.test(text)) return false;
      continue;
    }
    if (closing) {
      if (attribute || selfClosing || stack.pop() !== name) return false;
      continue;
    }
    if (attribute && (stack.length > 0 || roots > 0)) return false;
    if (stack.length === 0 && roots++ > 0) return false;
    if (!selfClosing) stack.push(name!);
  }
  return stack.length === 0 && roots === 1;
}
