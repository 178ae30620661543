/**
 * What the lab's SQLite file looks like: the connection settings every connection must have, the
 * versioned tables, the migrations that bring an older file up to date, and how a record's data is
 * written as JSON text. Only the SQLite state store uses this module.
 *
 * Written in erasable TypeScript only (no enums, no parameter properties) so that plain Node 24 can
 * load it with type stripping: the crash test runs the real store in a child process that way.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ownVolumeAndInterfaceRecords } from './migrations/v2-own-volume-and-interface-records';
import { diskBlobsAndLaptopDisk } from './migrations/v3-disk-blobs-and-laptop-disk';

/**
 * synchronous=NORMAL, not FULL. In WAL mode a commit appends its frames to lab.sqlite-wal with
 * write() before COMMIT returns; the frames then sit in the operating system's page cache, which
 * outlives the process, so an acknowledged commit survives the app being killed or crashing (the
 * crash test in sqlite-state-store.crash.test.ts kills a writer with SIGKILL to prove it). What
 * NORMAL gives up is the fsync per commit: after a power cut or an OS crash the last few commits
 * may be lost, but the database is never corrupted (https://www.sqlite.org/pragma.html#pragma_synchronous,
 * https://www.sqlite.org/wal.html#performance_considerations). For a practice lab that trade is
 * right: an fsync per command would block the Electron main thread for milliseconds on Windows and
 * spinning disks, and the engine commits once per command and on clock ticks. To buy power-loss
 * durability instead, set this to 'FULL' (2); nothing else changes.
 */
const SYNCHRONOUS = { name: 'NORMAL', value: 1 } as const;

/** How long a connection waits for another one's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Applied to every connection, then read back: node:sqlite's defaults differ from SQLite's
 * documentation (busy_timeout is 0, journal_mode is delete), and a PRAGMA that does not take
 * (journal_mode on a file system without shared memory, for one) fails silently.
 */
export function configureConnection(db: DatabaseSync): void {
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${SYNCHRONOUS.name}`);
  verifyConnection(db);
}

/** Throws a clear error naming every setting that is not what configureConnection asks for. */
export function verifyConnection(db: DatabaseSync): void {
  const actual = {
    busy_timeout: Number(db.prepare('PRAGMA busy_timeout').get()?.timeout),
    journal_mode: String(db.prepare('PRAGMA journal_mode').get()?.journal_mode).toLowerCase(),
    synchronous: Number(db.prepare('PRAGMA synchronous').get()?.synchronous),
  };
  const wrong: string[] = [];
  if (actual.busy_timeout !== BUSY_TIMEOUT_MS) {
    wrong.push(`busy_timeout is ${actual.busy_timeout}, expected ${BUSY_TIMEOUT_MS}`);
  }
  if (actual.journal_mode !== 'wal') wrong.push(`journal_mode is ${actual.journal_mode}, expected wal`);
  if (actual.synchronous !== SYNCHRONOUS.value) {
    wrong.push(`synchronous is ${actual.synchronous}, expected ${SYNCHRONOUS.value} (${SYNCHRONOUS.name})`);
  }
  if (wrong.length > 0) {
    throw new Error(
      `The lab's database connection is not set up safely: ${wrong.join('; ')}. ` +
        'The lab will not save state without these settings (is the data directory on a network drive?).',
    );
  }
}

/** A record as a migration step sees it: plain JSON data under its collection and id. */
export interface MigratedRecord {
  collection: string;
  id: string;
  data: unknown;
}

/**
 * One step of the schema. `up` runs inside the migration transaction: SQL for a change of tables, or
 * `records` for a step that rewrites the records' data (the same step upgrades an older lab file on
 * import). The next version is one more line at the end of MIGRATIONS.
 */
export type Migration =
  | { version: number; up: string | ((db: DatabaseSync) => void) }
  | { version: number; records: (records: MigratedRecord[]) => MigratedRecord[] };

export const MIGRATIONS: readonly Migration[] = [
  {
    // NOT NULL on the key columns because SQLite lets a rowid table's PRIMARY KEY hold NULLs;
    // STRICT so data can only ever be TEXT.
    version: 1,
    up: `
      CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT) STRICT;
      CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) STRICT;`,
  },
  {
    // Root volumes and primary network interfaces become records of their own.
    version: 2,
    records: ownVolumeAndInterfaceRecords,
  },
  {
    // File data moves to disk-blobs, named by its SHA-256; the laptop's files become a disk.
    version: 3,
    records: diskBlobsAndLaptopDisk,
  },
];

/** Brings records saved at `fromVersion` (a lab file's) up to the current schema, step by step. */
export function upgradeRecords(records: MigratedRecord[], fromVersion: number): MigratedRecord[] {
  let upgraded = records;
  for (const migration of MIGRATIONS) {
    if (migration.version > fromVersion && 'records' in migration) upgraded = migration.records(upgraded);
  }
  return upgraded;
}

/** Rewrites every record of the file through a step's `records` (inside the migration transaction). */
function rewriteRecords(db: DatabaseSync, upgrade: (records: MigratedRecord[]) => MigratedRecord[]): void {
  const rows = db.prepare(SQL.selectAll).all() as { collection: string; id: string; data: string }[];
  const upgraded = upgrade(rows.map((row) => ({ collection: row.collection, id: row.id, data: JSON.parse(row.data) })));
  db.exec(SQL.deleteAll);
  const insert = db.prepare(SQL.upsert);
  for (const record of upgraded) insert.run(record.collection, record.id, encodeRecordData(record.data));
}

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The database cannot be used as it is and must be moved aside: its reason is for the user. */
export class UnreadableDatabaseError extends Error {
  readonly newerVersion: number | undefined;

  constructor(message: string, options?: { cause?: unknown; newerVersion?: number }) {
    super(message, { cause: options?.cause });
    this.name = 'UnreadableDatabaseError';
    this.newerVersion = options?.newerVersion;
  }
}

/** The schema version stored in the file: 0 for a file without our tables (a new, empty file). */
export function readSchemaVersion(db: DatabaseSync): number {
  const meta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get();
  if (!meta) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get();
  const version = Number(row?.value);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new UnreadableDatabaseError(`its schema version is missing or invalid (${String(row?.value)})`);
  }
  return version;
}

/**
 * Brings the file from its stored version to the newest one in `migrations`, all in one
 * transaction: a failure leaves the file exactly as it was. A file newer than the app knows is
 * refused untouched. Returns the version the file is now in.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations[migrations.length - 1].version;
  if (checkedVersion(readSchemaVersion(db), target) === target) return target;

  db.exec('BEGIN IMMEDIATE');
  try {
    // Read again under the write lock: another process may have migrated in the meantime.
    const from = checkedVersion(readSchemaVersion(db), target);
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      if ('records' in migration) rewriteRecords(db, migration.records);
      else if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
    }
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(String(target));
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return target;
}

function checkedVersion(stored: number, target: number): number {
  if (stored > target) {
    throw new UnreadableDatabaseError(
      `it was saved by a newer version of EC2 Lab (schema version ${stored}; this version reads up to ${target})`,
      { newerVersion: stored },
    );
  }
  return stored;
}

export const SQL = {
  upsert:
    'INSERT INTO records (collection, id, data) VALUES (?, ?, ?) ' +
    'ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data',
  delete: 'DELETE FROM records WHERE collection = ? AND id = ?',
  deleteAll: 'DELETE FROM records',
  selectAll: 'SELECT collection, id, data FROM records ORDER BY collection, id',
  /**
   * selectAll a page at a time: the first `?` records, then the `?` after a (collection, id). Also
   * how opening checks the file: a row whose data is not JSON makes it unreadable as a whole.
   */
  selectFirstPage: 'SELECT collection, id, data FROM records ORDER BY collection, id LIMIT ?',
  selectPageAfter:
    'SELECT collection, id, data FROM records WHERE (collection, id) > (?, ?) ORDER BY collection, id LIMIT ?',
} as const;

/**
 * A record's data as JSON text. Only plain data is accepted: JSON.stringify would silently turn a
 * Date into a string, a Map or Set into {}, NaN into null and drop functions, and the record would
 * come back different from what the engine (and MemoryStateStore) held. Times are epoch numbers.
 */
export function encodeRecordData(data: unknown): string {
  // Checked first, then written by JSON.stringify's fast path (a replacer function would slow every value).
  checkPlain(data, '', false, 0);
  const text = JSON.stringify(data);
  if (text === undefined) throw new TypeError('the data is not JSON');
  return text;
}

/** Past this depth the walk stops; JSON.stringify itself refuses a cycle. */
const MAX_CHECKED_DEPTH = 200;

/** `key` is the member name or the array index (turned into text only for the error). */
function checkPlain(value: unknown, key: string | number, inArray: boolean, depth: number): void {
  // Strings, booleans and finite numbers (most values) need no more than this.
  if (typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value)) return;
  const problem = describeNonPlain(value, inArray);
  if (problem) throw new TypeError(`${key === '' ? 'the data' : `the value at "${key}"`} is ${problem}`);
  if (value === null || typeof value !== 'object' || depth >= MAX_CHECKED_DEPTH) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) checkPlain(value[index], index, true, depth + 1);
  } else {
    for (const member in value) {
      // Own members only: a plain object's prototype (Object.prototype or null) has no enumerable ones.
      if (Object.hasOwn(value, member))
        checkPlain((value as Record<string, unknown>)[member], member, false, depth + 1);
    }
  }
}

function describeNonPlain(value: unknown, inArray: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${value}, which JSON cannot hold`;
    case 'undefined':
      // An undefined property is simply absent after a round trip; in an array it would become null.
      return inArray ? 'undefined inside an array' : undefined;
    case 'object': {
      if (value === null || Array.isArray(value)) return undefined;
      const prototype = Object.getPrototypeOf(value) as object | null;
      if (prototype === Object.prototype || prototype === null) return undefined;
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      if (name === 'Date') return 'a Date (store epoch milliseconds instead)';
      return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}, not plain data`;
    }
    default:
      return `a ${typeof value}, which JSON cannot hold`;
  }
}
