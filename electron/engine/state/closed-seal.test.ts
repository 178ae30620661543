/** The seal a cleanly closed lab file carries: what it spares the next open, and every way the file opens with full checks instead. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab } from '../test-support/test-lab';
import { openSqliteStateStore } from './sqlite-state-store';
import type { StateStore, StoredRecord } from './state-store';

let directory: string;
let file: string;
const opened: StateStore[] = [];

function open(options?: Parameters<typeof openSqliteStateStore>[1]): StateStore {
  const store = openSqliteStateStore(directory, options);
  opened.push(store);
  return store;
}

/** A lab file written through the store and closed, as the lab leaves it (the engine takes the records first). */
function writeAndClose(count = 20): void {
  const store = open();
  store.loadAll();
  store.commit(
    Array.from({ length: count }, (_, index) => ({ collection: 'things', id: String(index), data: { index } })),
  );
  store.close();
}

const writtenByLab = (records: StoredRecord[]) => records.map((record) => record.writtenByLab === true);

function withRawDatabase(action: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(file);
  try {
    action(db);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ec2lab-seal-'));
  file = join(directory, 'lab.sqlite');
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('a lab file as the lab closed it', () => {
  it('opens with its records marked as the lab’s own, and the seal is used up', () => {
    writeAndClose();
    expect(existsSync(`${file}-closed`)).toBe(true);
    const store = open();
    expect(existsSync(`${file}-closed`)).toBe(false);
    const records = store.loadAll();
    expect(records).toHaveLength(20);
    expect(writtenByLab(records)).toEqual(Array(20).fill(true));
    // The mark is no part of the record: copies and comparisons see collection, id and data.
    expect(records[0]).toEqual({ collection: 'things', id: '0', data: { index: 0 } });
    expect(Object.keys(records[0]!)).toEqual(['collection', 'id', 'data']);
  });

  it('is sealed again each time it closes, with the writes of that session', () => {
    writeAndClose();
    const store = open();
    store.commit([{ collection: 'things', id: 'new', data: { index: -1 } }]);
    store.close();
    expect(writtenByLab(open().loadAll())).toEqual(Array(21).fill(true));
  });

  it('reads records read again after a write as not checked (an import reloads them)', () => {
    writeAndClose();
    const store = open();
    store.replaceAll([{ collection: 'things', id: 'imported', data: {} }]);
    expect(writtenByLab(store.loadAll())).toEqual([false]);
  });
});

describe('a lab file opens with every check when', () => {
  it('another version of the lab sealed it (its checks of records may differ)', () => {
    const store = open({ appVersion: '1.0.0' });
    store.loadAll();
    store.commit([{ collection: 'things', id: '1', data: { index: 1 } }]);
    store.close();
    expect(writtenByLab(open({ appVersion: '1.1.0' }).loadAll())).toEqual([false]);
  });

  it('another program changed it after the lab closed it', () => {
    writeAndClose();
    withRawDatabase((db) => db.exec(`UPDATE records SET data = '{"index":"edited"}' WHERE id = '3'`));
    expect(writtenByLab(open().loadAll())).toEqual(Array(20).fill(false));
  });

  it('the lab did not close it (as after a crash: its newest commits only in the write-ahead log)', () => {
    writeAndClose();
    const first = open();
    first.commit([{ collection: 'things', id: 'late', data: {} }]);
    // Still open: what a crash leaves is a file whose newest commits are only in lab.sqlite-wal.
    expect(existsSync(`${file}-wal`)).toBe(true);
    const second = open();
    expect(writtenByLab(second.loadAll())).toEqual(Array(21).fill(false));
  });

  it('a write failed while it was open (a record set aside may still be in it)', () => {
    writeAndClose();
    const store = open({ maxSizeBytes: 64 * 1024 });
    expect(() => store.commit([{ collection: 'things', id: 'huge', data: { text: 'x'.repeat(200_000) } }])).toThrow(
      /size limit/,
    );
    store.close();
    expect(existsSync(`${file}-closed`)).toBe(false);
    expect(writtenByLab(open().loadAll())).toEqual(Array(20).fill(false));
  });

  it('its records were never taken when it was last open (the engine did not start)', () => {
    writeAndClose();
    withRawDatabase((db) => db.exec(`UPDATE records SET data = '{"index":"edited"}' WHERE id = '3'`));
    open().close();
    expect(existsSync(`${file}-closed`)).toBe(false);
    expect(writtenByLab(open().loadAll())).toEqual(Array(20).fill(false));
  });

  it('its seal is not one the lab wrote', () => {
    writeAndClose();
    writeFileSync(`${file}-closed`, 'not a seal');
    expect(writtenByLab(open().loadAll())).toEqual(Array(20).fill(false));
    expect(existsSync(`${file}-closed`)).toBe(false);
  });
});

describe('the engine on a sealed lab', () => {
  it('still sets aside a record another program changed after the lab closed it', () => {
    const lab = createTestLab({ store: open() });
    const good = lab.launch();
    const bad = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    lab.engine.close();
    withRawDatabase((db) =>
      db
        .prepare(
          `UPDATE records SET data = json_set(data, '$.state', 'toString') WHERE collection = 'instances' AND id = ?`,
        )
        .run(bad),
    );

    const reopened = createTestLab({ store: open() });
    expect(reopened.stateOf(good)).toBe('running');
    const notices = reopened.lab('GetStatus', {}).notices;
    expect(notices.map((notice) => notice.code)).toEqual(['RecordQuarantined']);
    expect(notices[0]!.message).toContain(`instances/${bad}`);
  });

  it('opens the lab it closed as it was', () => {
    const lab = createTestLab({ store: open() });
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const before = lab.ec2('DescribeInstances', {});
    lab.engine.close();

    const store = open();
    const reopened = createTestLab({ store });
    expect(reopened.ec2('DescribeInstances', {})).toEqual(before);
    expect(reopened.stateOf(id)).toBe('running');
    expect(reopened.lab('GetStatus', {}).notices).toEqual([]);
  });
});
