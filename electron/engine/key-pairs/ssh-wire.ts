/**
 * SSH's wire encoding of keys (RFC 4251 §5: uint32, string, mpint), which OpenSSH public keys
 * (RFC 4253 §6.6, RFC 8709), OpenSSH private key files and PuTTY's key files are built from.
 */
import { concat, utf8 } from './bytes';

export function uint32(value: number): Uint8Array {
  return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

export function sshString(content: Uint8Array | string): Uint8Array {
  const bytes = typeof content === 'string' ? utf8(content) : content;
  return concat(uint32(bytes.length), bytes);
}

/** A non-negative mpint from its big-endian magnitude: no leading zeros, one where the top bit is set. */
export function mpint(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  return sshString(trimmed.length && trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed);
}

/** Reads strings one after another; `done` says whether every byte was read. */
export class SshReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  string(): Uint8Array | undefined {
    if (this.offset + 4 > this.bytes.length) return undefined;
    const [a, b, c, d] = this.bytes.subarray(this.offset, this.offset + 4);
    const size = ((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0;
    const start = this.offset + 4;
    if (start + size > this.bytes.length) return undefined;
    this.offset = start + size;
    return this.bytes.subarray(start, start + size);
  }

  text(): string | undefined {
    const bytes = this.string();
    return bytes && String.fromCharCode(...bytes);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}
