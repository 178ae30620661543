/** The data directory and every file the lab keeps in it are its user's alone (0700 / 0600). */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStateStore } from '../engine/state/sqlite-state-store';
import { lockDataDirectory } from './data-directory-lock';

const mode = (path: string) => statSync(path).mode & 0o777;

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('the data directory', () => {
  it('is made 0700 with lab.sqlite, its WAL and shared memory, and lab.lock 0600', () => {
    root = mkdtempSync(join(tmpdir(), 'ec2lab-private-'));
    const directory = join(root, 'EC2 Lab');
    const lock = lockDataDirectory(directory);
    const store = openSqliteStateStore(directory);
    store.commit([{ collection: 'settings', id: 'settings', data: { id: 'settings' } }]);
    expect(mode(directory)).toBe(0o700);
    for (const file of ['lab.sqlite', 'lab.sqlite-wal', 'lab.sqlite-shm', 'lab.lock']) {
      expect(existsSync(join(directory, file)), file).toBe(true);
      expect(mode(join(directory, file)), file).toBe(0o600);
    }
    store.close();
    lock.release();
  });

  it('tightens a directory and database an earlier version left open to others', () => {
    root = mkdtempSync(join(tmpdir(), 'ec2lab-private-'));
    const directory = join(root, 'EC2 Lab');
    mkdirSync(directory, { mode: 0o755 });
    chmodSync(directory, 0o755);
    openSqliteStateStore(directory).close();
    chmodSync(join(directory, 'lab.sqlite'), 0o644);
    writeFileSync(join(directory, 'lab.sqlite-wal'), '');
    chmodSync(join(directory, 'lab.sqlite-wal'), 0o644);
    const store = openSqliteStateStore(directory);
    expect(mode(directory)).toBe(0o700);
    expect(mode(join(directory, 'lab.sqlite'))).toBe(0o600);
    expect(mode(join(directory, 'lab.sqlite-wal'))).toBe(0o600);
    store.close();
  });
});
