/**
 * The AWS CLI command equivalent to an EC2 call, for the activity log and the console's banners:
 * `aws ec2 stop-instances --region ap-northeast-2 --instance-ids i-0abc…`. Parameter names are the
 * request's member names in the CLI's kebab case; lists of strings are space-separated, booleans
 * (and EC2's `{ Value: boolean }` attributes) are `--flag` / `--no-flag`, structures are JSON (the CLI accepts JSON for any parameter).
 * RunInstances' user data is given to the CLI as text: it base64-encodes it itself. A blob (bytes,
 * e.g. ModifyInstanceAttribute's UserData.Value) is written base64-encoded, as AWS CLI v2 reads one.
 */

/** Names already converted: the API's member names are a few hundred, and every logged call converts several. */
const kebabNames = new Map<string, string>();
const MAX_KEPT_NAMES = 4096;

export function kebabCase(name: string): string {
  let kebab = kebabNames.get(name);
  if (kebab === undefined) {
    kebab = name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
      .toLowerCase();
    if (kebabNames.size < MAX_KEPT_NAMES) kebabNames.set(name, kebab);
  }
  return kebab;
}

export function toCliCommand(operation: string, input: unknown, region: string): string {
  const parts = ['aws', 'ec2', kebabCase(operation), '--region', region];
  const params = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const flag = `--${kebabCase(name)}`;
    // The CLI flattens EC2's AttributeBooleanValue ({ Value: true }) to a plain flag
    // (`aws ec2 modify-instance-attribute --disable-api-termination`).
    const flagValue = isBooleanAttribute(value) ? value.Value : value;
    if (typeof flagValue === 'boolean') {
      parts.push(flagValue ? flag : `--no-${kebabCase(name)}`);
    } else if (operation === 'RunInstances' && name === 'UserData' && typeof value === 'string') {
      parts.push(flag, shellQuote(decodeBase64Text(value)));
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      parts.push(flag, ...value.map((v) => shellQuote(String(v))));
    } else if (typeof value === 'object') {
      // A replacer puts JSON.stringify on its slow path: only for the rare value that holds bytes.
      parts.push(flag, shellQuote(JSON.stringify(value, holdsBytes(value) ? blobsAsBase64 : undefined)));
    } else {
      parts.push(flag, shellQuote(String(value)));
    }
  }
  return parts.join(' ');
}

function isBooleanAttribute(value: unknown): value is { Value: boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { Value?: unknown }).Value === 'boolean'
  );
}

function holdsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (typeof value !== 'object' || value === null) return false;
  for (const member of Object.values(value)) if (holdsBytes(member)) return true;
  return false;
}

function blobsAsBase64(_key: string, value: unknown): unknown {
  if (!(value instanceof Uint8Array)) return value;
  let binary = '';
  for (const byte of value) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:=,@+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function decodeBase64Text(value: string): string {
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}
