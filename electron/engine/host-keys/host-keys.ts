/**
 * An instance's SSH host key for the shells: made on first use and saved (one engine command), or
 * undefined for an instance that does not exist or is terminated. The public half as OpenSSH
 * writes it in known_hosts (`ssh-ed25519 AAAA…`, RFC 8709), its fingerprint as `ssh` prints it
 * (`SHA256:` and unpadded base64 of the key blob's SHA-256, OpenSSH sshkey.c
 * sshkey_fingerprint), and the private key file an SSH server loads (OpenSSH's PROTOCOL.key).
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
}

export function createHostKeys(ctx: EngineContext, run: <R>(command: () => R) => R): HostKeys {
  return {
    of: (instanceId) =>
      run(() => {
        const instance = ctx.records(INSTANCES).get(instanceId);
        if (!instance || instance.state === 'terminated') return undefined;
        const keys = ctx.records(HOST_KEYS);
        const record = keys.get(instanceId) ?? keys.put(instanceId, newHostKey(ctx, instanceId, instance.region));
        return hostKeyOf(ctx, record);
      }),
  };
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
  const seed = fromBase64(record.seed)!;
  const publicBytes = fromBase64(record.publicKey)!;
  const key: PublicKey = { type: 'ed25519', publicKey: publicBytes };
  const blob = sshBlob(key);
  const fingerprint = `SHA256:${toBase64(ctx.keyMaker.digest('sha256', blob)).replace(/=+$/, '')}`;
  // The check bytes only tell a wrong passphrase; the key's own first bytes keep the file stable.
  const checkInt = ctx.keyMaker.digest('sha256', seed).subarray(0, 4);
  return {
    algorithm: 'ssh-ed25519',
    publicKey: `ssh-ed25519 ${toBase64(blob)}`,
    fingerprint,
    privateKey: privateKeyFile(
      ctx.keyMaker,
      { type: 'ed25519', seed, publicKey: publicBytes },
      'pem',
      `root@${record.instanceId}`,
      checkInt,
    ),
  };
}
