/**
 * RunInstances idempotency (EC2 API Reference: Run_Instance_Idempotency): a client token of at most
 * 64 ASCII characters names one launch. Repeating the request with the same token returns the same
 * reservation and launches nothing; repeating it with the same token but other parameters answers
 * IdempotentParameterMismatch. The lab keeps, per instance, a fingerprint of the request that
 * launched it (a hash of its parameters without the token), not the request itself.
 */
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import { changesSince } from '../due-times';
import { errors } from '../errors';
import type { Repository } from '../state/repository';
import type { InstanceRecord } from './instance-record';

const MAX_TOKEN_LENGTH = 64;

export function checkClientToken(token: string): void {
  if (token.length > MAX_TOKEN_LENGTH || !/^[\x20-\x7e]*$/.test(token)) {
    throw errors.invalidParameterValue(
      `Value (${token.slice(0, 64)}) for parameter clientToken is invalid. It must be at most ${MAX_TOKEN_LENGTH} ASCII characters.`,
    );
  }
}

/** The same parameters give the same fingerprint, whatever their key order. */
export function requestFingerprint(request: RunInstancesRequest): string {
  const { ClientToken: _token, ...parameters } = request;
  return hash(stableJson(parameters));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A 53-bit string hash (cyrb53): enough to tell two launch requests apart. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * Which instances of a region were launched with a client token, so a RunInstances with a token
 * (every SDK call has one) looks at those instead of every instance of the region. It follows the
 * instances' changes (due-times.ts changesSince): a changed instance is filed again before the
 * next lookup. A token is set when an instance is created and never changes, so a record touched
 * by the current command is filed as it will stay; each answer is still checked against the record.
 */
class ClientTokenIndex {
  /** `region\0token` → ids */
  private readonly byToken = new Map<string, Set<string>>();
  /** The key each indexed id is filed under. */
  private readonly filed = new Map<string, string>();

  constructor(private readonly instances: Repository<InstanceRecord>) {}

  launchedWith(region: string, token: string): InstanceRecord[] {
    this.refresh();
    const ids = this.byToken.get(`${region}\u0000${token}`);
    if (!ids) return [];
    return [...ids]
      .map((id) => this.instances.getInRegion(region, id))
      .filter((record): record is InstanceRecord => record?.clientToken === token)
      .sort((a, b) => this.instances.positionOf(a.instanceId) - this.instances.positionOf(b.instanceId));
  }

  private refresh(): void {
    const changed = changesSince(this, this.instances);
    if (changed === 'all') {
      this.byToken.clear();
      this.filed.clear();
      for (const [id] of this.instances.entries()) this.file(id);
      return;
    }
    for (const id of changed) {
      this.unfile(id);
      this.file(id);
    }
  }

  private file(id: string): void {
    const record = this.instances.get(id);
    if (!record?.clientToken) return;
    const key = `${this.instances.regionOf(record)}\u0000${record.clientToken}`;
    let ids = this.byToken.get(key);
    if (!ids) this.byToken.set(key, (ids = new Set()));
    ids.add(id);
    this.filed.set(id, key);
  }

  private unfile(id: string): void {
    const key = this.filed.get(id);
    if (key === undefined) return;
    const ids = this.byToken.get(key);
    ids?.delete(id);
    if (ids?.size === 0) this.byToken.delete(key);
    this.filed.delete(id);
  }
}

const indexes = new WeakMap<Repository<InstanceRecord>, ClientTokenIndex>();

/** The region's instances launched with `token`, in the region's order. */
export function instancesLaunchedWith(
  instances: Repository<InstanceRecord>,
  region: string,
  token: string,
): InstanceRecord[] {
  let index = indexes.get(instances);
  if (!index) indexes.set(instances, (index = new ClientTokenIndex(instances)));
  return index.launchedWith(region, token);
}
