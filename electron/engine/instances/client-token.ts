/**
 * RunInstances idempotency (EC2 API Reference: Run_Instance_Idempotency): a client token of at most
 * 64 ASCII characters names one launch. Repeating the request with the same token returns the same
 * reservation and launches nothing; repeating it with the same token but other parameters answers
 * IdempotentParameterMismatch. The lab keeps, per instance, a fingerprint of the request that
 * launched it (a hash of its parameters without the token), not the request itself.
 */
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import { errors } from '../errors';
import { RecordIndex } from '../record-index';
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
 * (every SDK call has one) looks at those instead of every instance of the region (record-index.ts,
 * keyed `region\0token`). A token is set when an instance is created and never changes, so a record
 * touched by the current command is filed as it will stay; each answer is still checked against it.
 */
const indexes = new WeakMap<Repository<InstanceRecord>, RecordIndex<InstanceRecord>>();

/** The region's instances launched with `token`, in the region's order. */
export function instancesLaunchedWith(
  instances: Repository<InstanceRecord>,
  region: string,
  token: string,
): InstanceRecord[] {
  let index = indexes.get(instances);
  if (!index) {
    const keysOf = (record: InstanceRecord) =>
      record.clientToken ? [`${instances.regionOf(record)}\u0000${record.clientToken}`] : [];
    indexes.set(instances, (index = new RecordIndex(instances, keysOf)));
  }
  return [...(index.ids(`${region}\u0000${token}`) ?? [])]
    .map((id) => instances.getInRegion(region, id))
    .filter((record): record is InstanceRecord => record?.clientToken === token)
    .sort((a, b) => instances.positionOf(a.instanceId) - instances.positionOf(b.instanceId));
}
