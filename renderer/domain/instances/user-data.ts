/** Instance user data as the console edits it: UTF-8 text, base64 on the wire. */
/**
 * User data as DescribeInstanceAttribute answers it: base64 text, decoded (UTF-8) for editing. A value
 * that is not base64 is shown as it came rather than not at all.
 */
export function decodeUserData(base64: string | undefined): string {
  if (!base64) return '';
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return base64;
  }
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** User data as RunInstances takes it: base64 text of the UTF-8 script (EC2 API Reference: RunInstances, UserData). */
export function encodeUserData(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
