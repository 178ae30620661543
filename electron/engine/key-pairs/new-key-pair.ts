/**
 * What CreateKeyPair and ImportKeyPair share in admitting a key pair: its name (up to 255 ASCII
 * characters, unique in the region: `InvalidKeyPair.Duplicate`), its tags on creation
 * (`TagSpecifications` of resource type `key-pair`), and the record itself.
 * EC2 API Reference: API_CreateKeyPair, API_ImportKeyPair.
 */
import type { TagSpecification } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { Tag } from '../resource-collection';
import { validateTags } from '../tags/tag-rules';
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

export function tagsOnCreation(specifications: readonly TagSpecification[] | undefined): Tag[] {
  const tags: Tag[] = [];
  for (const specification of specifications ?? []) {
    if (specification.ResourceType !== 'key-pair') {
      throw errors.invalidParameterValue(
        `'${String(specification.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    for (const tag of specification.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
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
