import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openSqliteStateStore } from './sqlite-state-store';
import type { StateStore } from './state-store';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const STAMP = '20250304T050607Z';

let directory: string;
let file: string;
const opened: StateStore[] = [];

function open(): StateStore {
  const store = openSqliteStateStore(directory, { now: () => NOW });
  opened.push(store);
  return store;
}

/** Opens the store over the bad file and checks what every recovery must do; returns the moved path. */
function expectRecovery(reason: RegExp): { store: StateStore; movedTo: string } {
  const store = open();
  const movedTo = join(directory, `lab.sqlite.corrupt-${STAMP}`);
  expect(store.notices).toHaveLength(1);
  const [notice] = store.notices;
  expect(notice).toMatchObject({ code: 'StateRecovered', path: movedTo, at: NOW.getTime() });
  expect(notice.message).toMatch(/^EC2 Lab could not read its saved state: /);
  expect(notice.message).toMatch(reason);
  expect(notice.message).toContain(`It moved the database`);
  expect(notice.message).toContain(`to ${movedTo} and started with a clean lab.`);
  expect(existsSync(movedTo)).toBe(true);

  // The lab starts clean, saves again, and says nothing the next time.
  expect(store.loadAll()).toEqual([]);
  store.commit([{ collection: 'instances', id: 'i-0123456789abcdef0', data: { state: 'pending' } }]);
  store.close();
  const again = open();
  expect(again.notices).toEqual([]);
  expect(again.loadAll()).toEqual([{ collection: 'instances', id: 'i-0123456789abcdef0', data: { state: 'pending' } }]);
  return { store: again, movedTo };
}

/** A healthy lab file with some data, closed. */
function writeHealthyFile(count = 300): void {
  const store = openSqliteStateStore(directory);
  store.commit(
    Array.from({ length: count }, (_, index) => ({
      collection: 'instances',
      id: String(index),
      data: { index, padding: 'x'.repeat(300) },
    })),
  );
  store.close();
}

function withRawDatabase(action: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(file);
  try {
    action(db);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ec2lab-recovery-'));
  file = join(directory, 'lab.sqlite');
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('an unreadable lab.sqlite is moved aside and the lab starts clean, with a notice', () => {
  it('when the file is not a database at all', () => {
    const garbage = Buffer.from('this is not a database '.repeat(200));
    writeFileSync(file, garbage);
    const { movedTo } = expectRecovery(/the file is not a SQLite database/);
    expect(readFileSync(movedTo)).toEqual(garbage);
  });

  it('when the header is cut short', () => {
    writeFileSync(file, Buffer.from('SQLite format 3\0\x10\x00\x01\x01', 'latin1'));
    expectRecovery(/the file is not a SQLite database/);
  });

  it('when the file was cut off half way', () => {
    writeHealthyFile();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    expectRecovery(/the database file is damaged/);
  });

  it('when the integrity check finds damage', () => {
    writeHealthyFile();
    withRawDatabase((db) => db.exec('DELETE FROM records WHERE CAST(id AS INTEGER) % 2 = 0'));
    // Claim more free pages than the freelist holds: SQLite opens the file, quick_check objects.
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(bytes.readUInt32BE(36) + 5, 36);
    writeFileSync(file, bytes);
    expectRecovery(/the integrity check found damage \(.*Freelist/s);
  });

  it('when a saved record is not JSON', () => {
    writeHealthyFile(3);
    withRawDatabase((db) => db.exec("UPDATE records SET data = '{not json' WHERE id = '1'"));
    expectRecovery(/1 saved record\(s\) are not valid JSON/);
  });

  it('when its tables are not ones the lab can upgrade', () => {
    withRawDatabase((db) => db.exec('CREATE TABLE records (name TEXT, size INTEGER)'));
    expectRecovery(
      new RegExp(
        `it could not be upgraded to schema version ${CURRENT_SCHEMA_VERSION} \\(table records already exists\\)`,
      ),
    );
  });

  it('when a newer version of the app wrote it, moving it unchanged', () => {
    writeHealthyFile(3);
    withRawDatabase((db) => db.exec("UPDATE meta SET value = '7' WHERE key = 'schema_version'"));
    const { movedTo } = expectRecovery(
      new RegExp(
        `saved by a newer version of EC2 Lab \\(schema version 7; this version reads up to ${CURRENT_SCHEMA_VERSION}\\)\\. It moved the database, unchanged, to `,
      ),
    );
    const moved = new DatabaseSync(movedTo, { readOnly: true });
    try {
      expect(moved.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: '7' });
      expect(moved.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 3 });
    } finally {
      moved.close();
    }
  });
});

describe('moving aside', () => {
  it('keeps the commits that were still only in the -wal file, as a crash leaves it', () => {
    writeHealthyFile(3);
    // Copy the files while a writer is open and has not checkpointed: what a killed process leaves.
    const crashed = mkdtempSync(join(tmpdir(), 'ec2lab-crashed-'));
    try {
      withRawDatabase((db) => {
        db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0');
        db.exec(`INSERT INTO records VALUES ('instances', 'only-in-wal', '{}');
                 UPDATE meta SET value = '7' WHERE key = 'schema_version'`);
        for (const name of ['lab.sqlite', 'lab.sqlite-wal', 'lab.sqlite-shm']) {
          writeFileSync(join(crashed, name), readFileSync(join(directory, name)));
        }
      });
      rmSync(directory, { recursive: true });
      directory = crashed;
      file = join(directory, 'lab.sqlite');
      expect(existsSync(`${file}-wal`)).toBe(true);
      const { movedTo } = expectRecovery(/newer version of EC2 Lab \(schema version 7;/);
      const moved = new DatabaseSync(movedTo, { readOnly: true });
      try {
        expect(moved.prepare("SELECT count(*) AS n FROM records WHERE id = 'only-in-wal'").get()).toEqual({ n: 1 });
      } finally {
        moved.close();
      }
    } finally {
      rmSync(crashed, { recursive: true, force: true });
    }
  });

  it('leaves no stale -wal or -shm beside the new file to be replayed into it', () => {
    writeFileSync(file, 'garbage'.repeat(100));
    writeFileSync(`${file}-wal`, 'old log');
    writeFileSync(`${file}-shm`, 'old index');
    const { store } = expectRecovery(/not a SQLite database/);
    store.close();
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) expect(readFileSync(file + suffix, 'utf8')).not.toMatch(/^old/);
    }
  });

  it('never overwrites an earlier moved-aside file from the same second', () => {
    const earlier = join(directory, `lab.sqlite.corrupt-${STAMP}`);
    writeFileSync(earlier, 'first');
    writeFileSync(file, 'second '.repeat(100));
    const store = open();
    expect(store.notices[0].path).toBe(`${earlier}-2`);
    expect(readFileSync(earlier, 'utf8')).toBe('first');
    expect(readFileSync(`${earlier}-2`, 'utf8')).toBe('second '.repeat(100));
  });

  it('does not happen to a healthy file', () => {
    writeHealthyFile(3);
    const store = open();
    expect(store.notices).toEqual([]);
    expect(store.loadAll()).toHaveLength(3);
    expect(readdirSync(directory).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});

it('reports a data directory it cannot create instead of moving anything', () => {
  const blocker = join(directory, 'not-a-directory');
  writeFileSync(blocker, 'a file where the data directory should be');
  expect(() => openSqliteStateStore(join(blocker, 'data'))).toThrow(/ENOTDIR|EEXIST/);
  expect(readFileSync(blocker, 'utf8')).toBe('a file where the data directory should be');
});
