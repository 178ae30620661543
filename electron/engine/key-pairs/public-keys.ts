/**
 * A public key in the forms the lab keeps and hashes: SSH's key blob (RFC 4253 §6.6 for ssh-rsa,
 * RFC 8709 for ssh-ed25519), its OpenSSH line (`ssh-rsa AAAA… comment`, as DescribeKeyPairs'
 * PublicKey shows it) and, for RSA, its DER SubjectPublicKeyInfo (RFC 5280), which AWS hashes for an
 * imported key's fingerprint.
 */
import { toBase64 } from './bytes';
import { OID, bitString, derNull, integer, oid, sequence } from './der';
import type { KeyType } from './key-maker';
import { concat } from './bytes';
import { mpint, sshString } from './ssh-wire';

export type PublicKey = { type: 'rsa'; n: Uint8Array; e: Uint8Array } | { type: 'ed25519'; publicKey: Uint8Array };

export const SSH_KEY_TYPE: Record<KeyType, string> = { rsa: 'ssh-rsa', ed25519: 'ssh-ed25519' };

export function sshBlob(key: PublicKey): Uint8Array {
  return key.type === 'rsa'
    ? concat(sshString(SSH_KEY_TYPE.rsa), mpint(key.e), mpint(key.n))
    : concat(sshString(SSH_KEY_TYPE.ed25519), sshString(key.publicKey));
}

export function openSshLine(key: PublicKey, comment?: string): string {
  const line = `${SSH_KEY_TYPE[key.type]} ${toBase64(sshBlob(key))}`;
  return comment ? `${line} ${comment}` : line;
}

/** RSAPublicKey (RFC 8017 A.1.1) inside a SubjectPublicKeyInfo. */
export function rsaSubjectPublicKeyInfo(n: Uint8Array, e: Uint8Array): Uint8Array {
  return sequence(sequence(oid(OID.rsaEncryption), derNull()), bitString(sequence(integer(n), integer(e))));
}

/** The size of an RSA modulus in bits. */
export function modulusBits(n: Uint8Array): number {
  let start = 0;
  while (start < n.length && n[start] === 0) start++;
  if (start === n.length) return 0;
  return (n.length - start - 1) * 8 + (32 - Math.clz32(n[start]!));
}
