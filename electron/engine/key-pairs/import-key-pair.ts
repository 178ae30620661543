/**
 * ImportKeyPair: keeps the public key of a key pair made elsewhere, read from any format EC2 takes
 * (public-key-formats.ts); RSA keys of fewer than 2048 bits are refused.
 * EC2 API Reference: API_ImportKeyPair; EC2 User Guide: create-key-pairs.
 */
import type { ImportKeyPairRequest, ImportKeyPairResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { ed25519Fingerprint, importedRsaFingerprint } from './fingerprints';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { checkNewKeyName, putKeyPair } from './new-key-pair';
import { readPublicKey } from './public-key-formats';
import { modulusBits, openSshLine } from './public-keys';

const MIN_RSA_BITS = 2048;

export function importKeyPair(ctx: EngineContext, region: string, request: ImportKeyPairRequest): ImportKeyPairResult {
  const keyName = checkNewKeyName(ctx, region, request.KeyName);
  if (request.PublicKeyMaterial === undefined) throw errors.missingParameter('PublicKeyMaterial');
  const tags = tagsOnCreation(request.TagSpecifications, 'key-pair');
  const material = request.PublicKeyMaterial;
  const imported = material instanceof Uint8Array ? readPublicKey(material) : undefined;
  if (!imported) throw errors.invalidKeyFormat();
  const { key, comment } = imported;
  if (key.type === 'rsa' && modulusBits(key.n) < MIN_RSA_BITS) throw errors.invalidKeyFormat();
  const keyFingerprint =
    key.type === 'rsa' ? importedRsaFingerprint(ctx.keyMaker, key.n, key.e) : ed25519Fingerprint(ctx.keyMaker, key);
  const record = putKeyPair(ctx, region, {
    keyName,
    keyType: key.type,
    keyFingerprint,
    publicKey: openSshLine(key, comment),
    tags,
  });
  return {
    KeyFingerprint: record.keyFingerprint,
    KeyName: record.keyName,
    KeyPairId: record.keyPairId,
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
  };
}
