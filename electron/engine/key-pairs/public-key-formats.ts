/**
 * Reads the public key ImportKeyPair is given, in the formats EC2 takes (EC2 User Guide:
 * create-key-pairs, "import the public key"): an OpenSSH line (`ssh-rsa …`, `ssh-ed25519 …`,
 * RFC 4253 §6.6 and RFC 8709), an RFC 4716 SSH2 public key file, a PEM `PUBLIC KEY`
 * (SubjectPublicKeyInfo, RFC 5280 / RFC 8410) or `RSA PUBLIC KEY` (PKCS#1, RFC 8017 A.1.1), and
 * base64 DER of either. Anything else is not a key: undefined, which EC2 answers `InvalidKey.Format`.
 */
import { fromBase64 } from './bytes';
import { OID, TAG, readElements, readSequence, sameBytes, unsignedInteger, type DerElement } from './der';
import { SSH_KEY_TYPE, type PublicKey } from './public-keys';
import { SshReader } from './ssh-wire';

export interface ImportedPublicKey {
  key: PublicKey;
  /** The comment of an OpenSSH line, kept with the public key as EC2 keeps it. */
  comment?: string;
}

/** Far more than the longest public key (an RSA 16384-bit OpenSSH line is under 3 KiB). */
const MAX_MATERIAL_BYTES = 16 * 1024;

export function readPublicKey(material: Uint8Array): ImportedPublicKey | undefined {
  if (material.length > MAX_MATERIAL_BYTES) return undefined;
  let text = '';
  for (const byte of material) text += String.fromCharCode(byte);
  text = text.trim();
  if (/[^\x20-\x7e\r\n\t]/.test(text)) return undefined;
  if (/^ssh-(rsa|ed25519)\s/.test(text)) return readOpenSshLine(text);
  if (text.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) return readRfc4716(text);
  const pem = /^-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----$/.exec(text);
  if (pem) {
    const der = fromBase64(pem[2]!);
    const key = der && (pem[1] === 'PUBLIC KEY' ? readSubjectPublicKeyInfo(der) : readPkcs1(der));
    return key && { key };
  }
  const der = fromBase64(text);
  const key = der && (readSubjectPublicKeyInfo(der) ?? readPkcs1(der));
  return key && { key };
}

function readOpenSshLine(text: string): ImportedPublicKey | undefined {
  const [type, data, ...comment] = text.split(/\s+/);
  const blob = data && fromBase64(data);
  const key = blob && readSshBlob(blob);
  if (!key || SSH_KEY_TYPE[key.type] !== type) return undefined;
  return comment.length ? { key, comment: comment.join(' ') } : { key };
}

/** RFC 4716 §3: header lines (`Tag: value`, continued by a trailing backslash), then the base64 body. */
function readRfc4716(text: string): ImportedPublicKey | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  if (lines.at(-1) !== '---- END SSH2 PUBLIC KEY ----') return undefined;
  const inner = lines.slice(1, -1);
  let index = 0;
  while (index < inner.length && inner[index]!.includes(':')) {
    while (index < inner.length - 1 && inner[index]!.endsWith('\\')) index++;
    index++;
  }
  const blob = fromBase64(inner.slice(index).join(''));
  const key = blob && readSshBlob(blob);
  return key && { key };
}

function readSshBlob(blob: Uint8Array): PublicKey | undefined {
  const reader = new SshReader(blob);
  const type = reader.text();
  if (type === SSH_KEY_TYPE.rsa) {
    const e = reader.string();
    const n = reader.string();
    if (!e || !n || !reader.done || !isPositive(n) || !isPositive(e)) return undefined;
    return { type: 'rsa', n: stripZeros(n), e: stripZeros(e) };
  }
  if (type === SSH_KEY_TYPE.ed25519) {
    const publicKey = reader.string();
    if (!publicKey || publicKey.length !== 32 || !reader.done) return undefined;
    return { type: 'ed25519', publicKey };
  }
  return undefined;
}

function readSubjectPublicKeyInfo(der: Uint8Array): PublicKey | undefined {
  const [algorithm, bits, extra] = readSequence(der) ?? [];
  if (!algorithm || !bits || extra || algorithm.tag !== TAG.sequence || bits.tag !== TAG.bitString) return undefined;
  const [identifier] = readElements(algorithm.content) ?? [];
  if (!identifier || identifier.tag !== TAG.oid || bits.content[0] !== 0) return undefined;
  const content = bits.content.subarray(1);
  if (sameBytes(identifier.content, OID.rsaEncryption)) return readPkcs1(content);
  if (sameBytes(identifier.content, OID.ed25519) && content.length === 32) {
    return { type: 'ed25519', publicKey: content };
  }
  return undefined;
}

function readPkcs1(der: Uint8Array): PublicKey | undefined {
  const items: (DerElement | undefined)[] = readSequence(der) ?? [];
  if (items.length !== 2) return undefined;
  const n = unsignedInteger(items[0]);
  const e = unsignedInteger(items[1]);
  // unsignedInteger has refused negative numbers and dropped the sign byte; zero is no key either.
  if (!n || !e || isZero(n) || isZero(e)) return undefined;
  return { type: 'rsa', n, e };
}

/** An mpint or DER magnitude that is a positive number (its sign bit clear and not all zeros). */
function isPositive(bytes: Uint8Array): boolean {
  return bytes.length > 0 && (bytes[0]! & 0x80) === 0 && bytes.some((byte) => byte !== 0);
}

const isZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

function stripZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}
