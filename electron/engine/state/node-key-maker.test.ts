import { createPrivateKey } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { NewKey } from '../key-pairs/key-maker';
import { createKeySpares, nodeKeyMaker } from './node-key-maker';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const big = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex')}`);

/** The public key Node derives from the seed, as JWK's x. */
function publicOfSeed(seed: Uint8Array): string {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return key.export({ format: 'jwk' }).x!;
}

function expectEd25519Pair(key: NewKey | undefined): asserts key is Extract<NewKey, { type: 'ed25519' }> {
  expect(key?.type).toBe('ed25519');
  if (key?.type !== 'ed25519') return;
  expect(key.seed).toHaveLength(32);
  expect(Buffer.from(key.publicKey).toString('base64url')).toBe(publicOfSeed(key.seed));
}

describe('the node key maker', () => {
  it('makes keys ahead on the thread pool once a type is asked for, each a real and different pair', async () => {
    const spares = createKeySpares();
    // Nothing is made before a key of the type is first asked for.
    expect(spares.ready('ed25519')).toBe(0);
    expect(spares.take('ed25519')).toBeUndefined();
    await vi.waitFor(() => expect(spares.ready('ed25519')).toBeGreaterThanOrEqual(8), { timeout: 10_000 });
    expect(spares.ready('rsa')).toBe(0);
    const taken = Array.from({ length: 8 }, () => spares.take('ed25519'));
    for (const key of taken) expectEd25519Pair(key);
    const seeds = taken.map((key) => Buffer.from((key as { seed: Uint8Array }).seed).toString('hex'));
    expect(new Set(seeds).size).toBe(8);
  });

  it('keeps RSA keys ready too: 2048 bits, exponent 65537, n = p·q', async () => {
    const spares = createKeySpares();
    expect(spares.take('rsa')).toBeUndefined();
    await vi.waitFor(() => expect(spares.ready('rsa')).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });
    const key = spares.take('rsa');
    expect(key?.type).toBe('rsa');
    if (key?.type !== 'rsa') return;
    expect(key.n).toHaveLength(256);
    expect(big(key.e)).toBe(65537n);
    expect(big(key.p) * big(key.q)).toBe(big(key.n));
  });

  it('always answers a key, made on the spot when none is ready', () => {
    expectEd25519Pair(nodeKeyMaker.generate('ed25519'));
    expectEd25519Pair(nodeKeyMaker.generate('ed25519'));
  });
});
