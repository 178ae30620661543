/**
 * An instance's SSH host key for the shells: made on first use and saved (one engine command for
 * as many instances as asked at once), or undefined for an instance that does not exist or is
 * terminated. The public half as OpenSSH writes it in known_hosts (`ssh-ed25519 AAAA…`, RFC 8709),
 * its fingerprint as `ssh` prints it (`SHA256:` and unpadded base64 of the key blob's SHA-256,
 * OpenSSH sshkey.c sshkey_fingerprint), and the private key file an SSH server loads (OpenSSH's
 * PROTOCOL.key).
 */
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { fromBase64, toBase64 } from '../key-pairs/bytes';
import { privateKeyFile } from '../key-pairs/private-key-files';
import { sshBlob, type PublicKey } from '../key-pairs/public-keys';
import { HOST_KEYS, type HostKeyRecord } from './host-key-record';

export interface HostKey {
  /** Always `ssh-ed25519` (what `ssh` calls ED25519). */
  algorithm: 'ssh-ed25519';
  /** `ssh-ed25519 AAAA…`, as a known_hosts line carries it after the host name. */
  publicKey: string;
  /** `SHA256:…` without base64 padding. */
  fingerprint: string;
  /** The unencrypted `OPENSSH PRIVATE KEY` file. */
  privateKey: string;
}

export interface HostKeys {
  /** The instance's host key, made now if it has none yet; undefined if there is no such instance. */
  of(instanceId: string): HostKey | undefined;
  /**
   * The host keys of these instances, those missing made now in one command (one transaction, however
   * many a launch burst brings), by instance id; instances that do not exist or are terminated have none.
   */
  ofEach(instanceIds: Iterable<string>): Map<string, HostKey>;
}

export function createHostKeys(ctx: EngineContext, run: <R>(command: () => R) => R): HostKeys {
  const ofEach = (instanceIds: Iterable<string>): Map<string, HostKey> =>
    run(() => {
      const found = new Map<string, HostKey>();
      const instances = ctx.records(INSTANCES);
      const keys = ctx.records(HOST_KEYS);
      for (const instanceId of instanceIds) {
        const instance = instances.get(instanceId);
        if (!instance || instance.state === 'terminated') continue;
        const record = keys.get(instanceId) ?? keys.put(instanceId, newHostKey(ctx, instanceId, instance.region));
        found.set(instanceId, hostKeyOf(ctx, record));
      }
      return found;
    });
  return { of: (instanceId) => ofEach([instanceId]).get(instanceId), ofEach };
}

function newHostKey(ctx: EngineContext, instanceId: string, region: string): HostKeyRecord {
  const key = ctx.keyMaker.generate('ed25519');
  if (key.type !== 'ed25519') throw new Error('The key maker made no Ed25519 key.');
  return {
    instanceId,
    region,
    seed: toBase64(key.seed),
    publicKey: toBase64(key.publicKey),
    createdAt: ctx.clock.now(),
  };
}

function hostKeyOf(ctx: EngineContext, record: HostKeyRecord): HostKey {
  const publicBytes = fromBase64(record.publicKey)!;
  const key: PublicKey = { type: 'ed25519', publicKey: publicBytes };
  const blob = sshBlob(key);
  const fingerprint = `SHA256:${toBase64(ctx.keyMaker.digest('sha256', blob)).replace(/=+$/, '')}`;
  let privateKey: string | undefined;
  return {
    algorithm: 'ssh-ed25519',
    publicKey: `ssh-ed25519 ${toBase64(blob)}`,
    fingerprint,
    // Written when read: the SSH door loads it on an instance's first connection, and most
    // instances of a class are never logged into (about half the work of reading a saved key, done
    // for every instance at every lab start).
    get privateKey() {
      privateKey ??= privateKeyFileOf(ctx, record, publicBytes);
      return privateKey;
    },
  };
}

function privateKeyFileOf(ctx: EngineContext, record: HostKeyRecord, publicBytes: Uint8Array): string {
  const seed = fromBase64(record.seed)!;
  // The check bytes only tell a wrong passphrase; the key's own first bytes keep the file stable.
  const checkInt = ctx.keyMaker.digest('sha256', seed).subarray(0, 4);
  return privateKeyFile(
    ctx.keyMaker,
    { type: 'ed25519', seed, publicKey: publicBytes },
    'pem',
    `root@${record.instanceId}`,
    checkInt,
  );
}
