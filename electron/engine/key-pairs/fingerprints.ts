/**
 * Key fingerprints exactly as EC2 computes them (EC2 User Guide: verify-keys; API_CreateKeyPair and
 * API_ImportKeyPair, keyFingerprint): a key pair EC2 created, RSA — the SHA-1 of its DER PKCS#8
 * private key; an imported RSA key — the MD5 of its DER public key (SubjectPublicKeyInfo); both as
 * colon-separated hex. ED25519, created or imported — the SHA-256 of the OpenSSH key blob, in base64
 * with its `=` padding (what `ssh-keygen -l -E sha256` prints, without `SHA256:` and the padding).
 */
import { colonHex, toBase64 } from './bytes';
import type { KeyMaker } from './key-maker';
import { rsaSubjectPublicKeyInfo, sshBlob, type PublicKey } from './public-keys';

export function createdRsaFingerprint(keyMaker: KeyMaker, pkcs8: Uint8Array): string {
  return colonHex(keyMaker.digest('sha1', pkcs8));
}

export function importedRsaFingerprint(keyMaker: KeyMaker, n: Uint8Array, e: Uint8Array): string {
  return colonHex(keyMaker.digest('md5', rsaSubjectPublicKeyInfo(n, e)));
}

export function ed25519Fingerprint(keyMaker: KeyMaker, key: PublicKey & { type: 'ed25519' }): string {
  return toBase64(keyMaker.digest('sha256', sshBlob(key)));
}
