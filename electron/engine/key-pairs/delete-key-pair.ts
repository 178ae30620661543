/**
 * DeleteKeyPair: by KeyName or KeyPairId. By name it is idempotent, as EC2 is: a name that names no
 * key pair still answers `Return: true`; an id that names none is `InvalidKeyPair.NotFound`.
 * Instances launched with the key keep its name. EC2 API Reference: API_DeleteKeyPair.
 */
import type { DeleteKeyPairRequest, DeleteKeyPairResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { KEY_PAIRS, keyPairNamed, type KeyPairRecord } from './key-pair-record';

export function deleteKeyPair(ctx: EngineContext, region: string, request: DeleteKeyPairRequest): DeleteKeyPairResult {
  let record: KeyPairRecord | undefined;
  if (request.KeyPairId !== undefined) {
    [record] = findRecords(ctx, region, KEY_PAIRS, [request.KeyPairId]);
    if (request.KeyName !== undefined && record!.keyName !== request.KeyName) {
      throw errors.keyPairNotFound(request.KeyName);
    }
  } else if (request.KeyName !== undefined) {
    record = keyPairNamed(ctx.records(KEY_PAIRS).inRegion(region), request.KeyName);
  } else {
    throw errors.missingParameter('KeyName');
  }
  if (!record) return { Return: true };
  ctx.records(KEY_PAIRS).delete(record.keyPairId);
  ctx.changed(region, 'key-pair', record.keyPairId);
  return { Return: true, KeyPairId: record.keyPairId };
}
