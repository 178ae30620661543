/**
 * The key maker the engine uses unless told otherwise: real keys from Node's crypto
 * (`generateKeyPairSync`, `createHash`, `createHmac`). It lives in engine/state/ because that is the
 * one engine folder allowed Node built-ins (eslint.config.js), and like the state store it is the
 * engine's edge to the machine; the port it implements is key-pairs/key-maker.ts.
 */
import { createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import type { KeyMaker, NewKey } from '../key-pairs/key-maker';

const bytesOf = (base64url: string | undefined): Uint8Array => {
  if (base64url === undefined) throw new Error('The generated key lacks a part');
  return new Uint8Array(Buffer.from(base64url, 'base64url'));
};

export const nodeKeyMaker: KeyMaker = {
  generate(type): NewKey {
    if (type === 'rsa') {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
      const jwk = privateKey.export({ format: 'jwk' });
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
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    return { type, seed: bytesOf(jwk.d), publicKey: bytesOf(jwk.x) };
  },
  digest(algorithm, data) {
    return new Uint8Array(createHash(algorithm).update(data).digest());
  },
  hmac(algorithm, key, data) {
    return new Uint8Array(createHmac(algorithm, key).update(data).digest());
  },
};
