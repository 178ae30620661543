/**
 * JSON for doors that cannot carry Dates or bytes (HTTP, WebSocket): a Date travels as
 * {"$date": ISO} and a Uint8Array (an AWS blob, e.g. ModifyInstanceAttribute's UserData.Value) as
 * {"$bytes": base64}; both come back as they left, so AWS shapes arrive as the SDK types them. IPC
 * needs none of this: structured clone carries both.
 */
export function encodeWire(value: unknown): string {
  const restore = tagWhileEncoding();
  if (!restore) return JSON.stringify(value, tagInReplacer);
  try {
    return JSON.stringify(value);
  } finally {
    restore();
  }
}

/** The tagged form of a Date or bytes; JSON.stringify asks each value's toJSON. */
function dateToJSON(this: Date): unknown {
  return { $date: this.toISOString() };
}
function bytesToJSON(this: Uint8Array): unknown {
  return { $bytes: bytesToBase64(this) };
}

/**
 * Gives Date and Uint8Array (and Node's Buffer, which has a toJSON of its own) the tagged toJSON for
 * the one synchronous JSON.stringify of an encoding, and answers how to put theirs back. A replacer
 * does the same but costs a call into script for every value: 139 ms against 59 for the 13 MiB of
 * 5,000 described instances. Undefined where a prototype cannot take it (frozen): the replacer then.
 */
function tagWhileEncoding(): (() => void) | undefined {
  const buffer = (globalThis as { Buffer?: { prototype: object } }).Buffer?.prototype;
  const targets: [object, (this: never) => unknown][] = [
    [Date.prototype, dateToJSON],
    [Uint8Array.prototype, bytesToJSON],
    ...(buffer ? [[buffer, bytesToJSON] as [object, (this: never) => unknown]] : []),
  ];
  const saved = targets.map(([prototype]) => Object.getOwnPropertyDescriptor(prototype, 'toJSON'));
  const restore = () =>
    targets.forEach(([prototype], index) => {
      const descriptor = saved[index];
      if (descriptor) Object.defineProperty(prototype, 'toJSON', descriptor);
      else delete (prototype as { toJSON?: unknown }).toJSON;
    });
  try {
    for (const [prototype, toJSON] of targets) {
      Object.defineProperty(prototype, 'toJSON', { value: toJSON, writable: true, configurable: true });
    }
  } catch {
    try {
      restore();
    } catch {
      // A prototype that refused the change still has its own toJSON.
    }
    return undefined;
  }
  return restore;
}

function tagInReplacer(this: Record<string, unknown>, key: string, encoded: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return dateToJSON.call(raw);
  if (raw instanceof Uint8Array) return bytesToJSON.call(raw);
  return encoded;
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
