/**
 * A key pair as the engine keeps it: its name, type, fingerprint and public key (OpenSSH line),
 * never its private key — EC2 hands that over once (EC2 User Guide: ec2-key-pairs).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';
import type { KeyType } from './key-maker';

export interface KeyPairRecord {
  keyPairId: string;
  region: string;
  keyName: string;
  keyType: KeyType;
  keyFingerprint: string;
  /** The public key as an OpenSSH line (`ssh-ed25519 AAAA… name`). */
  publicKey: string;
  createTime: number;
  tags: Tag[];
}

export const KEY_PAIRS = defineCollection<KeyPairRecord>({
  name: 'key-pairs',
  regionOf: (r) => r.region,
  idOf: (r) => r.keyPairId,
  idPrefix: 'key',
  notFound: (ids) => errors.keyPairNotFound(ids[0]!),
  tagResourceType: 'key-pair',
  kind: 'key-pair',
});

/** The key pair of a name in a region (names are unique in a region, EC2 API Reference: API_CreateKeyPair). */
export function keyPairNamed(records: Iterable<KeyPairRecord>, keyName: string): KeyPairRecord | undefined {
  for (const record of records) if (record.keyName === keyName) return record;
  return undefined;
}
