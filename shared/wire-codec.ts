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

/** Parses wire JSON; throws on malformed JSON or a $bytes value that is not base64. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length !== 1) return value;
      const { $date, $bytes } = value as { $date?: unknown; $bytes?: unknown };
      if (typeof $date === 'string') return new Date($date);
      if (typeof $bytes === 'string') return base64ToBytes($bytes);
    }
    return value;
  });
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
