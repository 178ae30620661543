/**
 * JSON for doors that cannot carry Dates or bytes (HTTP, WebSocket): a Date travels as
 * {"$date": ISO} and a Uint8Array (an AWS blob, e.g. ModifyInstanceAttribute's UserData.Value) as
 * {"$bytes": base64}; both come back as they left, so AWS shapes arrive as the SDK types them. IPC
 * needs none of this: structured clone carries both.
 */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Uint8Array) return { $bytes: bytesToBase64(raw) };
    return encoded;
  });
}

/**
 * Parses wire JSON; throws on malformed JSON or a $bytes value that is not base64. Parsed plainly,
 * then walked once for the tagged values: a reviver costs a call into script for every value, six
 * times the parse itself (415 ms against 71 for the 13 MiB of 5,000 described instances).
 */
export function decodeWire(text: string): unknown {
  return revive(JSON.parse(text));
}

/** `value` with every {"$date"} and {"$bytes"} object (of that one key) in it made a Date or bytes again, in place. */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item !== null && typeof item === 'object') value[index] = revive(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  const tagged = taggedValue(record);
  if (tagged !== undefined) return tagged;
  for (const key in record) {
    const member = record[key];
    if (member === null || typeof member !== 'object') continue;
    const revived = revive(member);
    // Defined, not assigned: a "__proto__" member stays a member, as JSON.parse made it.
    if (revived !== member)
      Object.defineProperty(record, key, { value: revived, writable: true, enumerable: true, configurable: true });
  }
  return record;
}

/** The Date or bytes an object of the one key $date or $bytes (a string) stands for. */
function taggedValue(record: Record<string, unknown>): Date | Uint8Array | undefined {
  const { $date, $bytes } = record;
  if (typeof $date !== 'string' && typeof $bytes !== 'string') return undefined;
  let keys = 0;
  for (const _key in record) if (++keys > 1) return undefined;
  return typeof $date === 'string' ? new Date($date) : base64ToBytes($bytes as string);
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, so a large blob never passes more arguments than a call takes.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
