/**
 * The SQLite state store: opening a new lab file in WAL mode, waiting for another process's write
 * lock, commits that survive a reopen, whole-state replacement, and closing.
 * Its speed is measured by `npm run bench` (bench/state-store.bench.test.ts), not here.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStateStore } from './sqlite-state-store';
import type { StateStore, StoredRecord } from './state-store';
import { CURRENT_SCHEMA_VERSION } from './schema';

let root: string;
let directory: string;
const opened: StateStore[] = [];

function open(): StateStore {
  const store = openSqliteStateStore(directory);
  opened.push(store);
  return store;
}

function reopen(store: StateStore): StateStore {
  store.close();
  return open();
}

const byKey = (a: StoredRecord, b: StoredRecord) =>
  a.collection === b.collection ? a.id.localeCompare(b.id) : a.collection.localeCompare(b.collection);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ec2lab-state-'));
  directory = root;
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('openSqliteStateStore', () => {
  it('creates the data directory and lab.sqlite in it, empty and at the current schema version', () => {
    directory = join(directory, 'nested', 'data');
    const store = open();
    expect(store.location).toBe(join(directory, 'lab.sqlite'));
    expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(store.notices).toEqual([]);
    expect(store.loadAll()).toEqual([]);
  });

  it('leaves the file in WAL mode, so the next start and other readers use the write-ahead log', () => {
    open().close();
    const db = new DatabaseSync(join(directory, 'lab.sqlite'));
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    } finally {
      db.close();
    }
  });

  it("waits for another process's write lock instead of failing at once (busy_timeout)", async () => {
    const store = open();
    // Another process takes the write lock and holds it for 400 ms. node:sqlite's default
    // busy_timeout of 0 would make the commit fail with "database is locked" straight away.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DatabaseSync } from 'node:sqlite';
         const db = new DatabaseSync(process.argv[1]);
         db.exec('BEGIN IMMEDIATE');
         process.stdout.write('locked\\n');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
         db.exec('COMMIT');`,
        store.location,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(holder, 'exit');
    await once(holder.stdout, 'data');
    const started = performance.now();
    store.commit([{ collection: 'instances', id: 'a', data: { state: 'pending' } }]);
    const waited = performance.now() - started;
    await exited;
    expect(waited).toBeGreaterThan(100);
    expect(store.loadAll()).toEqual([{ collection: 'instances', id: 'a', data: { state: 'pending' } }]);
  });
});

describe('commit', () => {
  it('keeps committed records across close and reopen', () => {
    let store = open();
    const instance = { instanceId: 'i-0123456789abcdef0', state: 'running', tags: [{ Key: 'Name', Value: '웹 서버' }] };
    store.commit([
      { collection: 'instances', id: 'i-0123456789abcdef0', data: instance },
      {
        collection: 'keyPairs',
        id: 'key-1',
        data: { name: 'lab', fingerprint: 'ab:cd', nested: { list: [1, 2.5, null] } },
      },
    ]);
    store = reopen(store);
    expect(store.loadAll().sort(byKey)).toEqual([
      { collection: 'instances', id: 'i-0123456789abcdef0', data: instance },
      {
        collection: 'keyPairs',
        id: 'key-1',
        data: { name: 'lab', fingerprint: 'ab:cd', nested: { list: [1, 2.5, null] } },
      },
    ]);
  });

  it('replaces a record on a second commit and deletes one whose data is undefined', () => {
    let store = open();
    store.commit([
      { collection: 'instances', id: 'a', data: { state: 'pending' } },
      { collection: 'instances', id: 'b', data: { state: 'pending' } },
    ]);
    store.commit([
      { collection: 'instances', id: 'a', data: { state: 'running' } },
      { collection: 'instances', id: 'b', data: undefined },
    ]);
    store = reopen(store);
    expect(store.loadAll()).toEqual([{ collection: 'instances', id: 'a', data: { state: 'running' } }]);
  });

  it('keeps the same id apart in different collections', () => {
    const store = open();
    store.commit([
      { collection: 'volumes', id: 'x', data: 1 },
      { collection: 'snapshots', id: 'x', data: 2 },
    ]);
    store.commit([{ collection: 'volumes', id: 'x', data: undefined }]);
    expect(reopen(store).loadAll()).toEqual([{ collection: 'snapshots', id: 'x', data: 2 }]);
  });

  it('refuses data JSON cannot hold faithfully, before touching the file, and keeps earlier state', () => {
    let store = open();
    store.commit([{ collection: 'instances', id: 'a', data: { state: 'running' } }]);
    const attempts: unknown[] = [
      { launchTime: new Date(0) },
      { tags: new Map([['Name', 'web']]) },
      { cpu: Number.NaN },
      { big: 10n },
      { list: [1, undefined] },
      { hook: () => 1 },
    ];
    for (const data of attempts) {
      expect(() =>
        store.commit([
          { collection: 'instances', id: 'a', data: { state: 'stopped' } },
          { collection: 'instances', id: 'b', data },
        ]),
      ).toThrow(/Cannot save instances\/b: .*plain JSON data/);
    }
    expect(() => store.commit([{ collection: 'instances', id: 'c', data: { at: new Date(0) } }])).toThrow(
      /a Date \(store epoch milliseconds instead\)/,
    );
    store = reopen(store);
    expect(store.loadAll()).toEqual([{ collection: 'instances', id: 'a', data: { state: 'running' } }]);
  });

  it('rolls back a commit that fails inside the transaction and stays usable', () => {
    let store = open();
    store.commit([{ collection: 'instances', id: 'a', data: { state: 'running' } }]);
    // A trigger makes SQLite itself fail on the second row, after the first one was written.
    const other = new DatabaseSync(store.location);
    other.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON records WHEN NEW.id = 'boom'
                BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    other.close();

    expect(() =>
      store.commit([
        { collection: 'instances', id: 'a', data: { state: 'stopped' } },
        { collection: 'instances', id: 'new', data: { state: 'pending' } },
        { collection: 'instances', id: 'boom', data: {} },
      ]),
    ).toThrow(/forced failure/);
    expect(store.loadAll()).toEqual([{ collection: 'instances', id: 'a', data: { state: 'running' } }]);

    // No transaction was left open: the next commit goes through and lasts.
    store.commit([{ collection: 'instances', id: 'b', data: { state: 'pending' } }]);
    store = reopen(store);
    expect(store.loadAll().map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('refuses a change without a collection or id', () => {
    const store = open();
    expect(() => store.commit([{ collection: 'instances', id: '', data: {} }])).toThrow(/without a collection and id/);
    expect(() => store.commit([{ collection: 'instances', id: null as unknown as string, data: {} }])).toThrow(
      /without a collection and id/,
    );
    expect(store.loadAll()).toEqual([]);
  });

  it('commits 1,000 records in one commit and reads them all back', () => {
    let store = open();
    const records = Array.from({ length: 1000 }, (_, index) => ({
      collection: 'instances',
      id: `i-${index.toString(16).padStart(17, '0')}`,
      data: { index, state: 'running', privateIpAddress: `172.31.${index >> 8}.${index & 255}` },
    }));
    store.commit(records);
    store = reopen(store);
    expect(store.loadAll().sort(byKey)).toEqual(records);
  });
});

describe('replaceAll', () => {
  it('replaces the whole state in one go', () => {
    let store = open();
    store.commit([
      { collection: 'instances', id: 'a', data: 1 },
      { collection: 'volumes', id: 'v', data: 2 },
    ]);
    store.replaceAll([
      { collection: 'instances', id: 'b', data: { imported: true } },
      { collection: 'clock', id: 'state', data: { now: 1_700_000_000_000, speed: 1 } },
    ]);
    store = reopen(store);
    expect(store.loadAll().sort(byKey)).toEqual([
      { collection: 'clock', id: 'state', data: { now: 1_700_000_000_000, speed: 1 } },
      { collection: 'instances', id: 'b', data: { imported: true } },
    ]);
    store.replaceAll([]);
    expect(reopen(store).loadAll()).toEqual([]);
  });

  it('leaves the state as it was when a record cannot be saved', () => {
    let store = open();
    store.commit([{ collection: 'instances', id: 'a', data: 1 }]);
    expect(() =>
      store.replaceAll([
        { collection: 'instances', id: 'b', data: 2 },
        { collection: 'instances', id: 'c', data: new Set([1]) },
      ]),
    ).toThrow(/Cannot save instances\/c: the data is a Set, not plain data/);
    store = reopen(store);
    expect(store.loadAll()).toEqual([{ collection: 'instances', id: 'a', data: 1 }]);
  });
});

describe('close', () => {
  it('is idempotent, and a closed store says so instead of writing', () => {
    const store = open();
    store.close();
    store.close();
    expect(() => store.commit([{ collection: 'instances', id: 'a', data: 1 }])).toThrow(/state store .* is closed/);
    expect(() => store.loadAll()).toThrow(/is closed/);
  });
});
