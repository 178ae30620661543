/**
 * DescribeKeyPairs: by name (KeyNames) or id (KeyPairIds), each of which must exist
 * (`InvalidKeyPair.NotFound`), filtered, with the public key when asked (`IncludePublicKey`).
 * EC2 API Reference: API_DescribeKeyPairs.
 */
import type { DescribeKeyPairsRequest, DescribeKeyPairsResult, KeyPairInfo } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { KEY_PAIRS, type KeyPairRecord } from './key-pair-record';

const KEY_PAIR_FILTERS: FilterFields<KeyPairRecord> = {
  'key-pair-id': (k) => k.keyPairId,
  'key-name': (k) => k.keyName,
  fingerprint: (k) => k.keyFingerprint,
  'key-type': (k) => k.keyType,
};

export function describeKeyPairs(
  ctx: EngineContext,
  region: string,
  request: DescribeKeyPairsRequest,
): DescribeKeyPairsResult {
  const page = describeRecords(ctx, region, KEY_PAIRS, request.KeyPairIds, request, {
    named: {
      ids: request.KeyNames,
      idOf: (k) => k.keyName,
      notFound: (names) => errors.keyPairNotFound(names[0]!),
    },
    filters: KEY_PAIR_FILTERS,
    shape: (k) => toKeyPairInfo(k, request.IncludePublicKey === true),
  });
  return { KeyPairs: page.items };
}

function toKeyPairInfo(k: KeyPairRecord, includePublicKey: boolean): KeyPairInfo {
  return {
    KeyPairId: k.keyPairId,
    KeyFingerprint: k.keyFingerprint,
    KeyName: k.keyName,
    KeyType: k.keyType,
    Tags: k.tags.map((t) => ({ ...t })),
    PublicKey: includePublicKey ? k.publicKey : undefined,
    CreateTime: new Date(k.createTime),
  };
}
