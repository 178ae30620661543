/**
 * The port through which the key pairs family makes keys and hashes: the engine is pure TypeScript
 * and may not load Node's crypto itself (only engine/state/ may use Node built-ins), and key
 * generation and hashing must be synchronous inside a command, which Web Crypto is not. The engine
 * takes one in its options: the host and the tests pass engine/state/node-key-maker.ts.
 */

export type KeyType = 'rsa' | 'ed25519';

/** A new private key's parts: RSA's as big-endian magnitudes (RFC 8017 names), Ed25519's seed and public key. */
export type NewKey =
  | {
      type: 'rsa';
      n: Uint8Array;
      e: Uint8Array;
      d: Uint8Array;
      p: Uint8Array;
      q: Uint8Array;
      dp: Uint8Array;
      dq: Uint8Array;
      qi: Uint8Array;
    }
  | { type: 'ed25519'; seed: Uint8Array; publicKey: Uint8Array };

export type DigestAlgorithm = 'md5' | 'sha1' | 'sha256';

export interface KeyMaker {
  /** A new key pair: RSA 2048 bits (exponent 65537), or Ed25519. */
  generate(type: KeyType): NewKey;
  digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array;
  hmac(algorithm: DigestAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array;
}

/** An engine built without a key maker serves every call but those that make or hash keys: a bug in its host. */
export const KEY_MAKER_MISSING: KeyMaker = {
  generate: missing,
  digest: missing,
  hmac: missing,
};

function missing(): never {
  throw new Error('This engine was built without a key maker (EngineOptions.keyMaker).');
}
