/**
 * Keeps the lab's access key pair in a small JSON file in the data directory, readable by the user
 * only, so `aws configure` stays valid across restarts. A missing or unreadable file gets a new pair.
 */
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createAccessKeys, isAccessKeyPair, type AccessKeyPair } from './access-keys';

export const ACCESS_KEY_FILE_NAME = 'ec2-api-access-keys.json';

export function loadOrCreateAccessKeys(path: string): AccessKeyPair {
  try {
    const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isAccessKeyPair(stored)) return { accessKeyId: stored.accessKeyId, secretAccessKey: stored.secretAccessKey };
  } catch {
    // Missing or damaged: make a new pair below.
  }
  const keys = createAccessKeys();
  saveAccessKeys(path, keys);
  return keys;
}

/** Writes the pair aside and renames it into place, so a crash never leaves half a file. */
export function saveAccessKeys(path: string, keys: AccessKeyPair): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
