/**
 * An instance's SSH host key as the engine keeps it: one Ed25519 key per instance, made the first
 * time something asks for it (the in-app `ssh`, later the SSH server) and kept with the lab, so its
 * fingerprint stays the same across app restarts and stop/start, as sshd's keys in
 * /etc/ssh/ssh_host_ed25519_key do on a real instance; it goes with the terminated instance.
 */
import type { RecordCollection } from '../state/repository';

export interface HostKeyRecord {
  instanceId: string;
  region: string;
  /** The Ed25519 private key's 32-byte seed, base64. */
  seed: string;
  /** The Ed25519 public key's 32 bytes, base64. */
  publicKey: string;
  createdAt: number;
}

export const HOST_KEYS: RecordCollection<HostKeyRecord> = {
  name: 'host-keys',
  idOf: (r) => r.instanceId,
  regionOf: (r) => r.region,
};
