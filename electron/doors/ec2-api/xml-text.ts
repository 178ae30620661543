/** Text as XML 1.0 character data, so any string (a tag value, an error message) keeps the reply well-formed. */

// Characters XML 1.0 cannot carry at all, not even as references: C0 controls other than tab, LF
// and CR, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD, the replacement character.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalised to LF by the reader; as a reference it survives.
  '\r': '&#13;',
};

// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  // Most text (ids, states, names) needs nothing: one test is cheaper than two replaces.
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r]/g, (c) => ESCAPES[c]!);
}
