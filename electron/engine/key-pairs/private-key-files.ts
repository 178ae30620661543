/**
 * The private key file CreateKeyPair hands over once (EC2 API Reference: API_CreateKeyPair,
 * KeyMaterial): `pem` — RSA as an unencrypted PKCS#1 `RSA PRIVATE KEY` (RFC 8017 A.1.2), ED25519 as
 * an unencrypted OpenSSH private key (OpenSSH's PROTOCOL.key), as EC2 gives them; `ppk` — PuTTY's
 * unencrypted key file, version 2 (PuTTY manual, appendix C "PPK file format"). Also the DER PKCS#8
 * form (RFC 5208) of an RSA key, which its fingerprint hashes.
 */
import { concat, hex, toBase64, utf8, wrap } from './bytes';
import { OID, derNull, integer, octetString, oid, sequence } from './der';
import type { KeyMaker, NewKey } from './key-maker';
import { SSH_KEY_TYPE, sshBlob, type PublicKey } from './public-keys';
import { mpint, sshString, uint32 } from './ssh-wire';

type RsaKey = NewKey & { type: 'rsa' };
type Ed25519Key = NewKey & { type: 'ed25519' };

export function publicKeyOf(key: NewKey): PublicKey {
  return key.type === 'rsa' ? { type: 'rsa', n: key.n, e: key.e } : { type: 'ed25519', publicKey: key.publicKey };
}

/** RSAPrivateKey (RFC 8017 A.1.2), two primes. */
function rsaPrivateKey(key: RsaKey): Uint8Array {
  return sequence(
    integer(Uint8Array.of(0)),
    ...[key.n, key.e, key.d, key.p, key.q, key.dp, key.dq, key.qi].map(integer),
  );
}

/** PrivateKeyInfo (RFC 5208 §5) of an RSA key, in DER. */
export function rsaPkcs8(key: RsaKey): Uint8Array {
  return sequence(
    integer(Uint8Array.of(0)),
    sequence(oid(OID.rsaEncryption), derNull()),
    octetString(rsaPrivateKey(key)),
  );
}

function armor(label: string, body: Uint8Array, width: number): string {
  return [`-----BEGIN ${label}-----`, ...wrap(toBase64(body), width), `-----END ${label}-----`].join('\n');
}

/** `checkInt` is four random bytes OpenSSH writes twice to tell a wrong passphrase (here: none). */
function openSshPrivateKey(key: Ed25519Key, comment: string, checkInt: Uint8Array): string {
  let section = concat(
    checkInt,
    checkInt,
    sshString(SSH_KEY_TYPE.ed25519),
    sshString(key.publicKey),
    sshString(concat(key.seed, key.publicKey)),
    sshString(comment),
  );
  // Padded with 1, 2, 3 … to the cipher's block size, 8 for "none".
  const padding: number[] = [];
  while ((section.length + padding.length) % 8 !== 0) padding.push(padding.length + 1);
  section = concat(section, Uint8Array.from(padding));
  const body = concat(
    utf8('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(sshBlob(publicKeyOf(key))),
    sshString(section),
  );
  // OpenSSH reads an OPENSSH PRIVATE KEY file only if its last line ends with a newline (without
  // one, `ssh -i` says `Load key …: error in libcrypto`); ssh-keygen and AWS write it with one.
  return `${armor('OPENSSH PRIVATE KEY', body, 70)}\n`;
}

/** PuTTY keeps an Ed25519 key as its seed read as a little-endian integer: trailing zero bytes drop. */
function puttyPrivateBlob(key: NewKey): Uint8Array {
  if (key.type === 'rsa') return concat(mpint(key.d), mpint(key.p), mpint(key.q), mpint(key.qi));
  let size = key.seed.length;
  while (size > 0 && key.seed[size - 1] === 0) size--;
  return sshString(key.seed.subarray(0, size));
}

function puttyKeyFile(keyMaker: KeyMaker, key: NewKey, comment: string): string {
  const algorithm = SSH_KEY_TYPE[key.type];
  const publicBlob = sshBlob(publicKeyOf(key));
  const privateBlob = puttyPrivateBlob(key);
  // Version 2's MAC: HMAC-SHA-1 keyed by SHA-1("putty-private-key-file-mac-key" + passphrase, none here).
  const macKey = keyMaker.digest('sha1', utf8('putty-private-key-file-mac-key'));
  const macData = concat(
    sshString(algorithm),
    sshString('none'),
    sshString(comment),
    sshString(publicBlob),
    sshString(privateBlob),
  );
  const publicLines = wrap(toBase64(publicBlob), 64);
  const privateLines = wrap(toBase64(privateBlob), 64);
  return [
    `PuTTY-User-Key-File-2: ${algorithm}`,
    'Encryption: none',
    `Comment: ${comment}`,
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${hex(keyMaker.hmac('sha1', macKey, macData))}`,
    '',
  ].join('\n');
}

export function privateKeyFile(
  keyMaker: KeyMaker,
  key: NewKey,
  format: 'pem' | 'ppk',
  comment: string,
  checkInt: Uint8Array,
): string {
  if (format === 'ppk') return puttyKeyFile(keyMaker, key, comment);
  return key.type === 'rsa'
    ? armor('RSA PRIVATE KEY', rsaPrivateKey(key), 64)
    : openSshPrivateKey(key, comment, checkInt);
}
