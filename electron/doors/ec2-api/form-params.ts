/**
 * `application/x-www-form-urlencoded` text (a POST body or a GET query string) as a map of names to
 * values. Strictly: malformed percent-escapes, bytes that are not UTF-8 and a name given twice are
 * refused with EC2's InvalidQueryParameter rather than guessed at.
 */
import { apiErrors } from './ec2-api-errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw apiErrors.invalidQuery('The request is not valid UTF-8.');
  }
}

/** Adds the pairs of `text` to `into` (so query and body make one parameter set). */
export function parseFormParams(text: string, into = new Map<string, string>()): Map<string, string> {
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodeComponent(pair.slice(equals + 1));
    if (into.has(name)) throw apiErrors.invalidQuery(`The parameter ${name.slice(0, 200)} appears more than once.`);
    into.set(name, value);
  }
  return into;
}

function decodeComponent(text: string): string {
  // Most names and many values need no decoding at all.
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw apiErrors.invalidQuery(`'${text.slice(0, 200)}' is not valid percent-encoded UTF-8.`);
  }
}
