/**
 * CreateKeyPair: a new RSA 2048 or ED25519 key pair, its private key answered once as `pem` or
 * `ppk` and never kept. EC2 API Reference: API_CreateKeyPair.
 */
import type { CreateKeyPairRequest, KeyPair } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { createdRsaFingerprint, ed25519Fingerprint } from './fingerprints';
import type { KeyType } from './key-maker';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { checkNewKeyName, putKeyPair } from './new-key-pair';
import { privateKeyFile, publicKeyOf, rsaPkcs8 } from './private-key-files';
import { openSshLine } from './public-keys';

const KEY_TYPES: readonly string[] = ['rsa', 'ed25519'];
const KEY_FORMATS: readonly string[] = ['pem', 'ppk'];

export function createKeyPair(ctx: EngineContext, region: string, request: CreateKeyPairRequest): KeyPair {
  const keyName = checkNewKeyName(ctx, region, request.KeyName);
  const keyType = (request.KeyType ?? 'rsa') as string;
  if (!KEY_TYPES.includes(keyType)) throw invalidEnum(keyType, 'KeyType', KEY_TYPES);
  const keyFormat = (request.KeyFormat ?? 'pem') as string;
  if (!KEY_FORMATS.includes(keyFormat)) throw invalidEnum(keyFormat, 'KeyFormat', KEY_FORMATS);
  const tags = tagsOnCreation(request.TagSpecifications, 'key-pair');

  const key = ctx.keyMaker.generate(keyType as KeyType);
  const publicKey = publicKeyOf(key);
  const keyFingerprint =
    key.type === 'rsa'
      ? createdRsaFingerprint(ctx.keyMaker, rsaPkcs8(key))
      : ed25519Fingerprint(ctx.keyMaker, { type: 'ed25519', publicKey: key.publicKey });
  const checkInt = Uint8Array.from(ctx.ids.hex(8).match(/../g)!, (pair) => parseInt(pair, 16));
  const keyMaterial = privateKeyFile(ctx.keyMaker, key, keyFormat as 'pem' | 'ppk', keyName, checkInt);
  const record = putKeyPair(ctx, region, {
    keyName,
    keyType: key.type,
    keyFingerprint,
    publicKey: openSshLine(publicKey, keyName),
    tags,
  });
  return {
    KeyFingerprint: record.keyFingerprint,
    KeyMaterial: keyMaterial,
    KeyName: record.keyName,
    KeyPairId: record.keyPairId,
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
  };
}

function invalidEnum(value: string, parameter: string, allowed: readonly string[]) {
  return errors.invalidParameterValue(
    `Value (${value}) for parameter ${parameter} is invalid. Valid values: ${allowed.join(', ')}.`,
  );
}
