/**
 * What CreateKeyPair and ImportKeyPair share in admitting a key pair: its name (up to 255 ASCII
 * characters, unique in the region: `InvalidKeyPair.Duplicate`) and the record itself (its tags on
 * creation come from tags/tags-on-creation.ts, as for every family).
 * EC2 API Reference: API_CreateKeyPair, API_ImportKeyPair.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { Tag } from '../resource-collection';
import type { KeyType } from './key-maker';
import { KEY_PAIRS, keyPairNamed, type KeyPairRecord } from './key-pair-record';

const MAX_KEY_NAME_LENGTH = 255;

export function checkNewKeyName(ctx: EngineContext, region: string, keyName: string | undefined): string {
  if (keyName === undefined) throw errors.missingParameter('KeyName');
  if (!keyName.length || keyName.length > MAX_KEY_NAME_LENGTH || !/^[\x20-\x7e]+$/.test(keyName)) {
    throw errors.invalidParameterValue(
      `Value (${keyName.slice(0, 64)}) for parameter keyName is invalid. Up to ${MAX_KEY_NAME_LENGTH} ASCII characters.`,
    );
  }
  if (keyPairNamed(ctx.records(KEY_PAIRS).inRegion(region), keyName)) throw errors.keyPairDuplicate(keyName);
  return keyName;
}

export function putKeyPair(
  ctx: EngineContext,
  region: string,
  fields: { keyName: string; keyType: KeyType; keyFingerprint: string; publicKey: string; tags: Tag[] },
): KeyPairRecord {
  const keyPairId = ctx.ids.next('key');
  const record = ctx.records(KEY_PAIRS).put(keyPairId, {
    keyPairId,
    region,
    ...fields,
    createTime: ctx.clock.now(),
  });
  ctx.changed(region, 'key-pair', keyPairId);
  return record;
}
