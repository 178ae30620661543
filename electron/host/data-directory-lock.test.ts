import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError, LOCK_FILE, lockDataDirectory } from './data-directory-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec2lab-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('data directory lock', () => {
  it('refuses a second live process and frees the directory on release', () => {
    const dir = tempDir();
    const lock = lockDataDirectory(dir);
    // Another live process: this test runner's parent.
    expect(() => lockDataDirectory(dir, process.ppid)).toThrow(DataDirectoryInUseError);
    expect(() => lockDataDirectory(dir, process.ppid)).toThrow(/already open in another EC2 Lab process/);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDirectory(dir, process.ppid).release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, LOCK_FILE), dead);
    const lock = lockDataDirectory(dir);
    lock.release();
  });
});
