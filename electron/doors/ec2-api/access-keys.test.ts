import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateAccessKeys } from './access-key-file';
import { accessKeysFromEnv, createAccessKeys, isAccessKeyPair } from './access-keys';

describe('the lab access keys', () => {
  it('are random per install and shaped like AWS keys', () => {
    const a = createAccessKeys();
    const b = createAccessKeys();
    expect(a.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(a.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    expect(a.secretAccessKey).not.toBe(b.secretAccessKey);
    expect(isAccessKeyPair(a)).toBe(true);
    expect(isAccessKeyPair({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' })).toBe(false);
  });

  it('come from EC2LAB_ACCESS_KEY_ID / EC2LAB_SECRET_ACCESS_KEY when both are set', () => {
    expect(accessKeysFromEnv({})).toBeUndefined();
    expect(accessKeysFromEnv({ EC2LAB_ACCESS_KEY_ID: 'AKIATEST', EC2LAB_SECRET_ACCESS_KEY: 's3cret' })).toEqual({
      accessKeyId: 'AKIATEST',
      secretAccessKey: 's3cret',
    });
    expect(() => accessKeysFromEnv({ EC2LAB_ACCESS_KEY_ID: 'AKIATEST' })).toThrow(/both/);
  });

  describe('in the data directory', () => {
    let directory: string | undefined;
    afterEach(() => directory && rmSync(directory, { recursive: true, force: true }));

    it('are made once, kept readable by the user only, and read back on the next start', () => {
      directory = mkdtempSync(join(tmpdir(), 'ec2lab-keys-'));
      const path = join(directory, 'keys.json');
      const first = loadOrCreateAccessKeys(path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(loadOrCreateAccessKeys(path)).toEqual(first);
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(first);
    });

    it('are replaced when the file is damaged', () => {
      directory = mkdtempSync(join(tmpdir(), 'ec2lab-keys-'));
      const path = join(directory, 'keys.json');
      writeFileSync(path, '{"accessKeyId": "AKIA');
      const keys = loadOrCreateAccessKeys(path);
      expect(isAccessKeyPair(keys)).toBe(true);
      expect(loadOrCreateAccessKeys(path)).toEqual(keys);
    });
  });
});
