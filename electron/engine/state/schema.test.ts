import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  UnreadableDatabaseError,
  configureConnection,
  encodeRecordData,
  migrate,
  readSchemaVersion,
  verifyConnection,
} from './schema';

let directory: string;
let db: DatabaseSync;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ec2lab-schema-'));
  db = new DatabaseSync(join(directory, 'lab.sqlite'));
});

afterEach(() => {
  if (db.isOpen) db.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The tables exactly as version 1 of the app wrote them, filled with a little data. */
function writeVersion1File(target: DatabaseSync): void {
  target.exec(`
    CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT) STRICT;
    CREATE TABLE records (collection TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
                          PRIMARY KEY (collection, id)) STRICT;
    INSERT INTO meta VALUES ('schema_version', '1');
    INSERT INTO records VALUES ('instances', 'i-0123456789abcdef0', '{"state":"running","launchTime":1700000000000}');
    INSERT INTO records VALUES ('keyPairs', 'key-0123456789abcdef0', '{"name":"lab"}');`);
}

const records = (target: DatabaseSync) =>
  target.prepare('SELECT collection, id, data FROM records ORDER BY collection, id').all();

describe('connection settings', () => {
  it('reads back WAL, busy_timeout 5000 and synchronous NORMAL after configuring', () => {
    configureConnection(db);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 5000 });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
  });

  it("refuses node:sqlite's defaults, naming each setting that did not take", () => {
    // node:sqlite opens with busy_timeout 0 and the rollback journal; SQLite's docs suggest otherwise.
    expect(() => verifyConnection(db)).toThrow(
      /busy_timeout is 0, expected 5000; journal_mode is delete, expected wal/,
    );
  });
});

/** The schema as the first release had it, for steps written against version 1. */
const VERSION_1 = MIGRATIONS.slice(0, 1);

describe('migrations', () => {
  it('are numbered 1, 2, 3 … with the last one the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring an empty file to the current version with empty tables', () => {
    expect(readSchemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(records(db)).toEqual([]);
    // The records table holds text data only, under a two-part key.
    expect(() => db.prepare("INSERT INTO records VALUES ('c', 'i', x'00')").run()).toThrow(/cannot store BLOB/);
    expect(() => db.prepare("INSERT INTO records VALUES (NULL, 'i', '{}')").run()).toThrow(/NOT NULL/);
  });

  it('leave a version 1 file and its data as they are when version 1 is the newest', () => {
    writeVersion1File(db);
    const before = records(db);
    expect(migrate(db, VERSION_1)).toBe(1);
    expect(records(db)).toEqual(before);
  });

  it('run a newer step over a version 1 file in one transaction, keeping its data', () => {
    writeVersion1File(db);
    const withVersion2: Migration[] = [
      ...VERSION_1,
      { version: 2, up: "UPDATE records SET data = json_set(data, '$.migrated', 2) WHERE collection = 'instances'" },
    ];
    expect(migrate(db, withVersion2)).toBe(2);
    expect(readSchemaVersion(db)).toBe(2);
    expect(records(db)).toEqual([
      {
        collection: 'instances',
        id: 'i-0123456789abcdef0',
        data: '{"state":"running","launchTime":1700000000000,"migrated":2}',
      },
      { collection: 'keyPairs', id: 'key-0123456789abcdef0', data: '{"name":"lab"}' },
    ]);
  });

  it('leave the file exactly as it was when a step fails', () => {
    writeVersion1File(db);
    const before = records(db);
    const failing: Migration[] = [
      ...VERSION_1,
      { version: 2, up: "UPDATE records SET data = '{}'" },
      {
        version: 3,
        up: () => {
          throw new Error('step 3 failed');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('step 3 failed');
    expect(db.isTransaction).toBe(false);
    expect(readSchemaVersion(db)).toBe(1);
    expect(records(db)).toEqual(before);
  });

  it('refuse a file from a newer version of the app without changing it', () => {
    writeVersion1File(db);
    db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    const before = records(db);
    expect(() => migrate(db)).toThrow(UnreadableDatabaseError);
    expect(() => migrate(db)).toThrow(
      new RegExp(
        `newer version of EC2 Lab \\(schema version 99; this version reads up to ${CURRENT_SCHEMA_VERSION}\\)`,
      ),
    );
    expect(readSchemaVersion(db)).toBe(99);
    expect(records(db)).toEqual(before);
  });

  it('refuse a meta table without a usable schema version', () => {
    writeVersion1File(db);
    db.exec("UPDATE meta SET value = 'one' WHERE key = 'schema_version'");
    expect(() => migrate(db)).toThrow(/schema version is missing or invalid \(one\)/);
  });
});

describe('encodeRecordData', () => {
  it('writes plain data as JSON that reads back equal', () => {
    const data = { a: [1, 'two', true, null, { b: -0.5 }], c: '한국어', d: Object.create(null) as object };
    expect(JSON.parse(encodeRecordData(data))).toEqual(data);
  });

  it('drops an undefined property, as a JSON round trip would', () => {
    expect(encodeRecordData({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    [{ at: new Date(0) }, 'the value at "at" is a Date (store epoch milliseconds instead)'],
    [{ m: new Map() }, 'the value at "m" is a Map, not plain data'],
    [{ n: Infinity }, 'the value at "n" is Infinity, which JSON cannot hold'],
    [{ list: [undefined] }, 'the value at "0" is undefined inside an array'],
    [{ s: Symbol('x') }, 'the value at "s" is a symbol, which JSON cannot hold'],
    [new (class Instance {})(), 'the data is an Instance, not plain data'],
    [undefined, 'the data is not JSON'],
  ])('refuses %o', (data, message) => {
    expect(() => encodeRecordData(data)).toThrow(message);
  });
});
