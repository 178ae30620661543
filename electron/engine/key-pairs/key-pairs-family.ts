/**
 * The key pairs family: create (with the private key handed over once), import, describe and
 * delete, by EC2's operation names (EC2 API Reference: API_CreateKeyPair, API_ImportKeyPair,
 * API_DescribeKeyPairs, API_DeleteKeyPair). RunInstances' KeyName is checked against it.
 */
import { checkFields, id, oneOf, region, tags, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { createKeyPair } from './create-key-pair';
import { deleteKeyPair } from './delete-key-pair';
import { describeKeyPairs } from './describe-key-pairs';
import { importKeyPair } from './import-key-pair';
import { KEY_PAIRS } from './key-pair-record';

/** A name EC2 accepts: 1 to 255 printable ASCII characters. */
const keyName = (v: unknown) => typeof v === 'string' && /^[\x20-\x7e]{1,255}$/.test(v);
/** Colon-separated hex of MD5 (16 bytes) or SHA-1 (20 bytes), or base64 SHA-256. */
const fingerprint = (v: unknown) =>
  typeof v === 'string' &&
  (/^[0-9a-f]{2}(:[0-9a-f]{2}){15}$|^[0-9a-f]{2}(:[0-9a-f]{2}){19}$/.test(v) || /^[A-Za-z0-9+/]{43}=$/.test(v));
/** An OpenSSH public key line, at most 64 KiB. */
const publicKey = (v: unknown) =>
  typeof v === 'string' && v.length <= 64 * 1024 && /^ssh-(rsa|ed25519) [A-Za-z0-9+/]+={0,2}( .*)?$/.test(v);

export const KEY_PAIRS_FAMILY = defineFamily({
  name: 'key-pairs',
  collection: KEY_PAIRS,
  importCheck: checkFields({
    keyPairId: id('key'),
    region,
    keyName,
    keyType: oneOf(['rsa', 'ed25519']),
    keyFingerprint: fingerprint,
    publicKey,
    createTime: time,
    tags,
  }),
  uniqueInRegion: ['keyName'],
  activityIdKeys: ['KeyPairIds', 'KeyNames', 'KeyName', 'KeyPairId'],
  createdIdKey: 'KeyPairId',
  handlers: {
    CreateKeyPair: createKeyPair,
    ImportKeyPair: importKeyPair,
    DescribeKeyPairs: describeKeyPairs,
    DeleteKeyPair: deleteKeyPair,
  },
});
