/**
 * The little of ASN.1 DER the key formats need: building and reading SEQUENCE, INTEGER, NULL,
 * OBJECT IDENTIFIER, BIT STRING and OCTET STRING (ITU-T X.690), for RSA's PKCS#1 and PKCS#8 keys
 * (RFC 8017, RFC 5208) and SubjectPublicKeyInfo (RFC 5280, RFC 8410).
 */
import { concat } from './bytes';

export const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, null: 0x05, oid: 0x06, sequence: 0x30 };

/** rsaEncryption (1.2.840.113549.1.1.1) and Ed25519 (1.3.101.112), as DER content bytes. */
export const OID = {
  rsaEncryption: Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01),
  ed25519: Uint8Array.of(0x2b, 0x65, 0x70),
};

function length(size: number): Uint8Array {
  if (size < 0x80) return Uint8Array.of(size);
  const bytes: number[] = [];
  for (let rest = size; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function element(tag: number, content: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(tag), length(content.length), content);
}

export const sequence = (...items: Uint8Array[]) => element(TAG.sequence, concat(...items));
export const derNull = () => element(TAG.null, new Uint8Array(0));
export const oid = (content: Uint8Array) => element(TAG.oid, content);
export const octetString = (content: Uint8Array) => element(TAG.octetString, content);
export const bitString = (content: Uint8Array) => element(TAG.bitString, concat(Uint8Array.of(0), content));

/** A non-negative INTEGER from its big-endian magnitude: no extra leading zeros, one where the top bit is set. */
export function integer(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  return element(TAG.integer, trimmed[0]! & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed);
}

export interface DerElement {
  tag: number;
  content: Uint8Array;
}

/** Reads the elements of `bytes` one after another; undefined if any is cut short or its length is not DER's. */
export function readElements(bytes: Uint8Array): DerElement[] | undefined {
  const out: DerElement[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tag = bytes[offset++]!;
    let size = bytes[offset++];
    if (size === undefined) return undefined;
    if (size & 0x80) {
      const count = size & 0x7f;
      if (count === 0 || count > 4 || offset + count > bytes.length) return undefined;
      size = 0;
      for (let i = 0; i < count; i++) size = size * 256 + bytes[offset++]!;
    }
    if (offset + size > bytes.length) return undefined;
    out.push({ tag, content: bytes.subarray(offset, offset + size) });
    offset += size;
  }
  return out;
}

/** The items of a SEQUENCE that is the whole of `bytes`. */
export function readSequence(bytes: Uint8Array): DerElement[] | undefined {
  const [only, ...rest] = readElements(bytes) ?? [];
  if (!only || rest.length || only.tag !== TAG.sequence) return undefined;
  return readElements(only.content);
}

/** A non-negative INTEGER's magnitude, without its sign byte. */
export function unsignedInteger(item: DerElement | undefined): Uint8Array | undefined {
  if (!item || item.tag !== TAG.integer || !item.content.length || item.content[0]! & 0x80) return undefined;
  let start = 0;
  while (start < item.content.length - 1 && item.content[start] === 0) start++;
  return item.content.subarray(start);
}

export const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
