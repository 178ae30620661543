/** AWS-style resource ids: a prefix and 17 lowercase hex digits (`i-0abc…`), from an injectable source. */

export interface RandomSource {
  /** `count` random bytes. */
  bytes(count: number): Uint8Array;
}

/** Bytes drawn from the system's CSPRNG 4 KiB at a time: one call per id would cost more than the id. */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let used = 0;

export const cryptoRandom: RandomSource = {
  bytes(count) {
    if (count > POOL_BYTES) return globalThis.crypto.getRandomValues(new Uint8Array(count));
    if (used + count > pool.length) {
      pool = globalThis.crypto.getRandomValues(new Uint8Array(POOL_BYTES));
      used = 0;
    }
    const out = pool.slice(used, used + count);
    used += count;
    return out;
  },
};

/** A repeatable source for tests (xorshift32). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0 || 1;
  return {
    bytes(count) {
      const out = new Uint8Array(count);
      for (let i = 0; i < count; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        state >>>= 0;
        out[i] = state & 0xff;
      }
      return out;
    },
  };
}

export type IdPrefix =
  | 'i'
  | 'r'
  | 'vol'
  | 'snap'
  | 'ami'
  | 'sg'
  | 'sgr'
  | 'eni'
  | 'eipalloc'
  | 'eipassoc'
  | 'subnet'
  | 'vpc'
  | 'key'
  | 'igw'
  | 'rtb'
  | 'acl'
  | 'dopt'
  | 'lt';

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class IdGenerator {
  constructor(private readonly random: RandomSource) {}

  next(prefix: IdPrefix): string {
    return `${prefix}-${this.hex(17)}`;
  }

  hex(digits: number): string {
    const bytes = this.random.bytes(Math.ceil(digits / 2));
    let out = '';
    for (const byte of bytes) out += HEX_PAIRS[byte];
    return out.length === digits ? out : out.slice(0, digits);
  }

  /** An integer in [0, max). */
  int(max: number): number {
    const [a = 0, b = 0, c = 0] = this.random.bytes(3);
    return ((a << 16) | (b << 8) | c) % max;
  }
}

const ID_PATTERN = /^[a-z]+-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** EC2 accepts both the old 8-digit and the current 17-digit ids. */
export function isWellFormedId(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}-`) && ID_PATTERN.test(id);
}
