/**
 * Private key files as `ssh -i` reads them (OpenSSH sshkey.c sshkey_parse_private_fileblob_type):
 * the OpenSSH format (`-----BEGIN OPENSSH PRIVATE KEY-----`, OpenSSH PROTOCOL.key) holding an
 * Ed25519 or RSA key, and PEM (`RSA PRIVATE KEY`, PKCS#1; `PRIVATE KEY`, PKCS#8) read through
 * node:crypto. A key is only taken when its private half really makes its public half (Ed25519: the
 * seed derives the public key; RSA: p·q = n), so a file with a pasted-in public key is no key. The
 * answer is the SSH public key blob (RFC 4253 §6.6, RFC 8709) authorized_keys lines are compared
 * with, and its SHA256 fingerprint as `ssh -v` prints it. Encrypted keys and PuTTY `.ppk` files
 * are an "invalid format" here, as OpenSSH says of a `.ppk`.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

export interface IdentityKey {
  /** `ED25519` or `RSA`, as `ssh -v` names the type. */
  type: 'ED25519' | 'RSA';
  blob: Uint8Array;
  fingerprint: string;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function sshString(data: Uint8Array | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** RFC 4251 §5 mpint of a non-negative magnitude: no leading zeros, one 0x00 if the top bit is set. */
function mpint(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  const trimmed = Buffer.from(magnitude.subarray(start));
  return sshString(trimmed.length && trimmed[0]! & 0x80 ? Buffer.concat([Buffer.of(0), trimmed]) : trimmed);
}

function fingerprintOf(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function ed25519Key(publicKey: Uint8Array): IdentityKey {
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicKey)]);
  return { type: 'ED25519', blob, fingerprint: fingerprintOf(blob) };
}

function rsaKey(n: Uint8Array, e: Uint8Array): IdentityKey {
  const blob = Buffer.concat([sshString('ssh-rsa'), mpint(e), mpint(n)]);
  return { type: 'RSA', blob, fingerprint: fingerprintOf(blob) };
}

class Reader {
  private at = 0;
  constructor(private readonly data: Buffer) {}
  uint32(): number {
    if (this.at + 4 > this.data.length) throw new Error('short');
    const value = this.data.readUInt32BE(this.at);
    this.at += 4;
    return value;
  }
  bytes(): Buffer {
    const length = this.uint32();
    if (this.at + length > this.data.length) throw new Error('short');
    const value = this.data.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }
  text(): string {
    return this.bytes().toString('latin1');
  }
}

const toBigInt = (bytes: Uint8Array) => (bytes.length ? BigInt(`0x${Buffer.from(bytes).toString('hex')}`) : 0n);

function ed25519PublicOf(seed: Uint8Array): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

function readOpenSsh(body: Buffer): IdentityKey | undefined {
  const magic = 'openssh-key-v1\0';
  if (body.subarray(0, magic.length).toString('latin1') !== magic) return undefined;
  const reader = new Reader(body.subarray(magic.length));
  const cipher = reader.text();
  reader.text(); // kdf name
  reader.bytes(); // kdf options
  if (cipher !== 'none' || reader.uint32() !== 1) return undefined;
  reader.bytes(); // the public key blob, checked below against the private section
  const section = new Reader(reader.bytes());
  if (section.uint32() !== section.uint32()) return undefined;
  const type = section.text();
  if (type === 'ssh-ed25519') {
    const publicKey = section.bytes();
    const secret = section.bytes();
    if (publicKey.length !== 32 || secret.length !== 64) return undefined;
    if (!ed25519PublicOf(secret.subarray(0, 32)).equals(publicKey)) return undefined;
    return ed25519Key(publicKey);
  }
  if (type === 'ssh-rsa') {
    const n = section.bytes();
    const e = section.bytes();
    section.bytes(); // d
    section.bytes(); // iqmp
    const p = section.bytes();
    const q = section.bytes();
    if (toBigInt(p) * toBigInt(q) !== toBigInt(n) || toBigInt(n) === 0n) return undefined;
    return rsaKey(n, e);
  }
  return undefined;
}

/** The key a private key file holds, or undefined if it holds none this lab reads ("invalid format"). */
export function readIdentityKey(text: string): IdentityKey | undefined {
  const trimmed = text.trim();
  const openSsh = /^-----BEGIN OPENSSH PRIVATE KEY-----\r?\n([\s\S]*?)\r?\n-----END OPENSSH PRIVATE KEY-----$/.exec(
    trimmed,
  );
  try {
    if (openSsh) return readOpenSsh(Buffer.from(openSsh[1]!.replace(/\s+/g, ''), 'base64'));
    if (!/^-----BEGIN (RSA )?PRIVATE KEY-----/.test(trimmed)) return undefined;
    const jwk = createPrivateKey(trimmed).export({ format: 'jwk' });
    const bytes = (value: string | undefined) => Buffer.from(value ?? '', 'base64url');
    if (jwk.kty === 'RSA') {
      if (toBigInt(bytes(jwk.p)) * toBigInt(bytes(jwk.q)) !== toBigInt(bytes(jwk.n))) return undefined;
      return rsaKey(bytes(jwk.n), bytes(jwk.e));
    }
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
      const publicKey = ed25519PublicOf(bytes(jwk.d));
      return publicKey.equals(bytes(jwk.x)) ? ed25519Key(publicKey) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The key blobs of authorized_keys lines (options before the key type are skipped; comments ignored). */
export function authorizedBlobs(text: string): Buffer[] {
  const blobs: Buffer[] = [];
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    const at = words.findIndex((word) => /^ssh-(rsa|ed25519)$/.test(word));
    if (line.trim().startsWith('#') || at < 0 || !words[at + 1]) continue;
    blobs.push(Buffer.from(words[at + 1]!, 'base64'));
  }
  return blobs;
}
