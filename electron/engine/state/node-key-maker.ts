/**
 * The key maker the engine uses unless told otherwise: real keys from Node's crypto
 * (`generateKeyPair`, `createHash`, `createHmac`). It lives in engine/state/ because that is the
 * one engine folder allowed Node built-ins (eslint.config.js), and like the state store it is the
 * engine's edge to the machine; the port it implements is key-pairs/key-maker.ts.
 *
 * Keys are made ahead on libuv's thread pool and kept as spares, so a command takes a ready one
 * instead of making it on the main thread, where an RSA key holds every other call up for ~100 ms
 * and each of a launch burst's Ed25519 host keys costs ~40 µs. A type's spares are first made when
 * a key of that type is first asked for (a lab that never makes keys makes none ahead), and made
 * again as they are taken; with none ready, the key is made on the spot, as before.
 */
import { createHash, createHmac, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { KeyMaker, KeyType, NewKey } from '../key-pairs/key-maker';

const bytesOf = (base64url: string | undefined): Uint8Array => {
  if (base64url === undefined) throw new Error('The generated key lacks a part');
  return new Uint8Array(Buffer.from(base64url, 'base64url'));
};

/** The parts of a private key as the engine keeps them. */
function partsOf(type: KeyType, privateKey: KeyObject): NewKey {
  const jwk = privateKey.export({ format: 'jwk' });
  if (type === 'ed25519') return { type, seed: bytesOf(jwk.d), publicKey: bytesOf(jwk.x) };
  return {
    type,
    n: bytesOf(jwk.n),
    e: bytesOf(jwk.e),
    d: bytesOf(jwk.d),
    p: bytesOf(jwk.p),
    q: bytesOf(jwk.q),
    dp: bytesOf(jwk.dp),
    dq: bytesOf(jwk.dq),
    qi: bytesOf(jwk.qi),
  };
}

const RSA_OPTIONS = { modulusLength: 2048, publicExponent: 0x10001 } as const;

/**
 * Per type: how many spares to keep, and how many to make at once (the thread pool has four
 * threads, and also serves file reads: an RSA key holds one for ~100 ms).
 */
const SPARES: Record<KeyType, { keep: number; atOnce: number }> = {
  ed25519: { keep: 128, atOnce: 4 },
  rsa: { keep: 4, atOnce: 1 },
};

/** Spare keys of each type, and how many are being made. */
export function createKeySpares() {
  const ready: Record<KeyType, NewKey[]> = { ed25519: [], rsa: [] };
  const making: Record<KeyType, number> = { ed25519: 0, rsa: 0 };

  function topUp(type: KeyType): void {
    const { keep, atOnce } = SPARES[type];
    while (making[type] < atOnce && ready[type].length + making[type] < keep) {
      making[type]++;
      const made = (error: Error | null, _publicKey: KeyObject, privateKey: KeyObject) => {
        making[type]--;
        // A key that could not be made is made on the spot when asked for; no retry loop here.
        if (error) return;
        ready[type].push(partsOf(type, privateKey));
        topUp(type);
      };
      if (type === 'rsa') generateKeyPair('rsa', RSA_OPTIONS, made);
      else generateKeyPair('ed25519', undefined, made);
    }
  }

  return {
    /** A ready key of `type`, or undefined if none is; either way more are on their way. */
    take(type: KeyType): NewKey | undefined {
      const key = ready[type].pop();
      topUp(type);
      return key;
    },
    /** How many are ready (for tests). */
    ready: (type: KeyType) => ready[type].length,
  };
}

const spares = createKeySpares();

function makeNow(type: KeyType): NewKey {
  const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', RSA_OPTIONS) : generateKeyPairSync('ed25519');
  return partsOf(type, privateKey);
}

export const nodeKeyMaker: KeyMaker = {
  generate(type): NewKey {
    return spares.take(type) ?? makeNow(type);
  },
  digest(algorithm, data) {
    return new Uint8Array(createHash(algorithm).update(data).digest());
  },
  hmac(algorithm, key, data) {
    return new Uint8Array(createHmac(algorithm, key).update(data).digest());
  },
};
