/**
 * The lab's state on disk: one SQLite file (`<data directory>/lab.sqlite`, WAL mode) written through
 * node:sqlite. Every engine command is one transaction, so an acknowledged command survives the app
 * being killed and a failed one leaves nothing behind. A file the lab cannot read is never used and
 * never silently dropped: it is moved aside, the lab starts clean, and a notice says where it went.
 *
 * Written in erasable TypeScript only (no enums, no parameter properties) so plain Node 24 can run it
 * with type stripping; the crash test depends on that.
 */
import { chmodSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { LabNotice } from '../../../shared/lab-operations';
import { sealClosedFile, takeSeal } from './closed-seal';
import { PRIVATE_FILE_MODE, makePrivateDirectory, makePrivateFile } from './private-files';
import { StoreWriteError, type RecordChange, type StateStore, type StoredRecord } from './state-store';
import {
  CURRENT_SCHEMA_VERSION,
  SQL,
  UnreadableDatabaseError,
  configureConnection,
  encodeRecordData,
  migrate,
} from './schema';

const DATABASE_FILE = 'lab.sqlite';

/**
 * Files that belong to the database and move with it. A -wal left next to a new lab.sqlite would be
 * replayed into it and corrupt it, so these move first and the main file last.
 */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/**
 * SQLite primary result codes that say something is wrong with the machine, not with the file
 * (locked by another process, disk full, no permission, I/O failure): moving the file aside would
 * not help and could lose the user's work, so these are thrown to the caller instead.
 * https://www.sqlite.org/rescode.html
 */
const ENVIRONMENT_ERROR_CODES = new Set([3, 5, 6, 7, 8, 9, 10, 13, 14, 15, 22, 23]);
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

export interface SqliteStateStoreOptions {
  /** The wall clock, for naming a moved-aside file and dating notices. */
  now?: () => Date;
  /** The lab's version: a file sealed by another version opens with every check (closed-seal.ts). */
  appVersion?: string;
  /** The most the database file may grow to; past it a change is refused as on a full disk. */
  maxSizeBytes?: number;
}

/** A lab of 10,000 instances takes about 60 MB; the cap only stops a runaway lab from filling the disk. */
const DEFAULT_MAX_SIZE_BYTES = 4 * 1024 ** 3;

/** More than the file can grow to (DEFAULT_MAX_SIZE_BYTES): opening maps all of it. */
const OPENING_MMAP_BYTES = 8 * 1024 ** 3;

/** About 40 MB of write-ahead log before a commit checkpoints by itself. */
const AUTOCHECKPOINT_PAGES = 10_000;

export function openSqliteStateStore(dataDirectory: string, options: SqliteStateStoreOptions = {}): StateStore {
  const now = options.now ?? (() => new Date());
  makePrivateDirectory(dataDirectory);
  const file = join(dataDirectory, DATABASE_FILE);
  const notices: LabNotice[] = [];

  // Taken before anything touches the file (making it private moves its change time).
  const appVersion = options.appVersion ?? '';
  const sealed = takeSeal(file, appVersion);
  let opened: OpenedDatabase;
  try {
    opened = openDatabase(file, sealed);
  } catch (error) {
    const reason = unreadableReason(error);
    if (reason === undefined) throw error;
    const at = now();
    const movedTo = moveAside(file, at);
    const unchanged = error instanceof UnreadableDatabaseError && error.newerVersion !== undefined;
    notices.push({
      code: 'StateRecovered',
      message:
        `EC2 Lab could not read its saved state: ${reason}. ` +
        `It moved the database${unchanged ? ', unchanged,' : ''} to ${movedTo} and started with a clean lab.`,
      path: movedTo,
      at: at.getTime(),
    });
    // A second failure here is not about the old file: let it reach the caller.
    opened = openDatabase(file, false);
  }
  // max_page_count holds for this connection: the file never grows past it (https://www.sqlite.org/pragma.html#pragma_max_page_count).
  // SQLite moves the write-ahead log into the file (a checkpoint, with an fsync) every 1,000 pages by
  // default, inside whichever commit crosses the line: 100 ms for that command. The lab checkpoints
  // while idle instead (whileIdle); this larger line only bounds a log that never sees a quiet moment.
  opened.db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  const pageSize = Number(opened.db.prepare('PRAGMA page_size').get()?.page_size);
  opened.db.exec(
    `PRAGMA max_page_count = ${Math.max(1, Math.floor((options.maxSizeBytes ?? DEFAULT_MAX_SIZE_BYTES) / pageSize))}`,
  );
  return new SqliteStateStore(opened, file, notices, appVersion);
}

interface OpenedDatabase {
  db: DatabaseSync;
  schemaVersion: number;
  /** Every record, parsed while checking that each is JSON: the engine's first loadAll takes them. */
  records: StoredRecord[];
  /** The file was as the lab sealed it when it last closed (closed-seal.ts). */
  sealed: boolean;
}

/**
 * Opens, configures, checks and migrates the file; throws (and closes it) if any step fails. A file
 * `sealed` as the lab closed it (closed-seal.ts) skips the page scan: SQLite left it consistent and
 * nothing has written to it since; reading every record still checks each page it reads.
 */
function openDatabase(file: string, sealed: boolean): OpenedDatabase {
  // Made private before SQLite opens it: SQLite gives its -wal and -shm files the database's mode.
  makePrivateFile(file);
  for (const suffix of COMPANION_SUFFIXES) if (existsSync(file + suffix)) chmodSync(file + suffix, PRIVATE_FILE_MODE);
  const db = new DatabaseSync(file);
  try {
    configureConnection(db);
    // Opening reads every page (the check, then every record, in key order, so the table's pages out
    // of order): mapped, a page is read in place rather than copied through SQLite's small page
    // cache, which halves the read. Only while opening: afterwards the lab reads nothing from disk.
    db.exec(`PRAGMA mmap_size = ${OPENING_MMAP_BYTES}`);
    if (!sealed) {
      // quick_check reads every page once: O(size of the file), on start-up only.
      const problems = db
        .prepare('PRAGMA quick_check')
        .all()
        .map((row) => String(row.quick_check));
      if (problems.length !== 1 || problems[0] !== 'ok') {
        throw new UnreadableDatabaseError(`the integrity check found damage (${problems.slice(0, 3).join('; ')})`);
      }
    }
    const schemaVersion = migrateOrExplain(db);
    // Parsing every record is the JSON check: one pass, and the lab opens with what it read.
    const { records, invalid } = readRecords(prepareRecordPages(db), sealed);
    if (invalid > 0) throw new UnreadableDatabaseError(`${invalid} saved record(s) are not valid JSON`);
    db.exec('PRAGMA mmap_size = 0');
    return { db, schemaVersion, records, sealed };
  } catch (error) {
    try {
      db.close();
    } catch {
      // The error that made us close is the one worth reporting.
    }
    throw error;
  }
}

/**
 * A record as read from disk. What the load checks may use (the length of its saved text, whether
 * the lab wrote it) rides along as getters on the class, not properties of the record: copies and
 * comparisons see only collection, id and data (and no property is defined per record, which costs
 * more than parsing it).
 */
class ReadRecord implements StoredRecord {
  collection: string;
  id: string;
  data: unknown;
  readonly #textLength: number;
  readonly #writtenByLab: boolean;

  constructor(collection: string, id: string, data: unknown, textLength: number, writtenByLab: boolean) {
    this.collection = collection;
    this.id = id;
    this.data = data;
    this.#textLength = textLength;
    this.#writtenByLab = writtenByLab;
  }

  get textLength(): number {
    return this.#textLength;
  }

  get writtenByLab(): boolean {
    return this.#writtenByLab;
  }
}

/** The statements that read every record, a page at a time, in selectAll's order. */
interface RecordPages {
  db: DatabaseSync;
  first: StatementSync;
  after: StatementSync;
}

function prepareRecordPages(db: DatabaseSync): RecordPages {
  const first = db.prepare(SQL.selectFirstPage);
  const after = db.prepare(SQL.selectPageAfter);
  // Rows as arrays: no object per row.
  first.setReturnArrays(true);
  after.setReturnArrays(true);
  return { db, first, after };
}

/**
 * Records per page. A page's texts are parsed and dropped before the next is read: all of a large
 * lab's texts held at once (20 MB for 10,000 instances) would be copied by every young-generation
 * garbage collection that runs while the records are parsed.
 */
const PAGE_ROWS = 1000;

/** Every row as a record, and how many are not JSON; `writtenByLab` when the file is sealed as the lab closed it. */
function readRecords(
  pages: RecordPages,
  writtenByLab: boolean,
): { records: StoredRecord[]; invalid: number; firstInvalid?: string } {
  // One read transaction: every page from the same snapshot of the file, as one SELECT would read it.
  const { db } = pages;
  const ownTransaction = !db.isTransaction;
  if (ownTransaction) db.exec('BEGIN');
  try {
    return readPages(pages, writtenByLab);
  } finally {
    if (ownTransaction && db.isTransaction) db.exec('COMMIT');
  }
}

function readPages(
  pages: RecordPages,
  writtenByLab: boolean,
): { records: StoredRecord[]; invalid: number; firstInvalid?: string } {
  const records: StoredRecord[] = [];
  let invalid = 0;
  let firstInvalid: string | undefined;
  let rows = pages.first.all(PAGE_ROWS) as unknown as unknown[][];
  for (;;) {
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      // The columns are TEXT in a STRICT table: strings already.
      const collection = String(row[0]);
      const id = String(row[1]);
      const text = String(row[2]);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        invalid++;
        firstInvalid ??= `${collection}/${id}`;
        continue;
      }
      records.push(new ReadRecord(collection, id, data, text.length, writtenByLab));
    }
    if (rows.length < PAGE_ROWS) break;
    const last = rows[rows.length - 1]!;
    rows = pages.after.all(last[0] as string, last[1] as string, PAGE_ROWS) as unknown as unknown[][];
  }
  return { records, invalid, firstInvalid };
}

function migrateOrExplain(db: DatabaseSync): number {
  try {
    return migrate(db);
  } catch (error) {
    if (error instanceof UnreadableDatabaseError || isEnvironmentError(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new UnreadableDatabaseError(
      `it could not be upgraded to schema version ${CURRENT_SCHEMA_VERSION} (${detail})`,
      {
        cause: error,
      },
    );
  }
}

function sqliteResultCode(error: unknown): number | undefined {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  // node:sqlite reports the extended result code; the primary code is its low byte.
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
}

function isEnvironmentError(error: unknown): boolean {
  const code = sqliteResultCode(error);
  return code !== undefined && ENVIRONMENT_ERROR_CODES.has(code);
}

/** Why a write failed, in words for the user, when the machine refused it (https://www.sqlite.org/rescode.html). */
function writeFailureReason(error: unknown, location: string): string | undefined {
  switch (sqliteResultCode(error)) {
    case 13: // SQLITE_FULL
      return `the disk that holds ${location} is full, or the lab reached its size limit (SQLITE_FULL); free some space and try again`;
    case 8: // SQLITE_READONLY
      return `${location} is read-only (SQLITE_READONLY); make the data directory writable`;
    case 10: // SQLITE_IOERR
      return `the disk could not be written (SQLITE_IOERR at ${location})`;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
      return `another process holds ${location} (SQLITE_BUSY)`;
    default:
      return undefined;
  }
}

/** Why the file cannot be used, for the user; undefined if the error is not about the file. */
function unreadableReason(error: unknown): string | undefined {
  if (error instanceof UnreadableDatabaseError) return error.message;
  const code = sqliteResultCode(error);
  if (code === undefined || ENVIRONMENT_ERROR_CODES.has(code)) return undefined;
  if (code === SQLITE_NOTADB) return 'the file is not a SQLite database';
  if (code === SQLITE_CORRUPT) return 'the database file is damaged';
  return `SQLite refused it (${(error as Error).message})`;
}

/** Moves the database and its companions to `<file>.corrupt-YYYYMMDDTHHMMSSZ`; returns the new path. */
function moveAside(file: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
  const taken = (path: string) => [path, ...COMPANION_SUFFIXES.map((suffix) => path + suffix)].some(existsSync);
  let target = `${file}.corrupt-${stamp}`;
  for (let attempt = 2; taken(target); attempt++) target = `${file}.corrupt-${stamp}-${attempt}`;
  for (const suffix of COMPANION_SUFFIXES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  if (existsSync(file)) renameSync(file, target);
  return target;
}

class SqliteStateStore implements StateStore {
  readonly schemaVersion: number;
  readonly location: string;
  readonly notices: LabNotice[];
  private readonly db: DatabaseSync;
  private readonly statements: Record<
    'begin' | 'commit' | 'rollback' | 'upsert' | 'delete' | 'deleteAll',
    StatementSync
  >;
  private readonly pages: RecordPages;
  private closed = false;
  /**
   * Whether closing may seal the file (closed-seal.ts): it opened sealed, or its records were taken
   * (the engine checks what it takes); and no write failed (a record set aside at start-up may still
   * be in the file where it was). Otherwise the next open checks every record again.
   */
  private sealable: boolean;
  private writeFailed = false;
  /** What opening read, until the first loadAll takes it or a write makes it old. */
  private opened: StoredRecord[] | undefined;

  private readonly appVersion: string;

  constructor(opened: OpenedDatabase, location: string, notices: LabNotice[], appVersion: string) {
    this.appVersion = appVersion;
    this.db = opened.db;
    this.opened = opened.records;
    this.sealable = opened.sealed;
    this.schemaVersion = opened.schemaVersion;
    this.location = location;
    this.notices = notices;
    const prepare = (sql: string) => this.db.prepare(sql);
    this.statements = {
      // IMMEDIATE takes the write lock at BEGIN, so a busy database fails before any work is done.
      begin: prepare('BEGIN IMMEDIATE'),
      commit: prepare('COMMIT'),
      rollback: prepare('ROLLBACK'),
      upsert: prepare(SQL.upsert),
      delete: prepare(SQL.delete),
      deleteAll: prepare(SQL.deleteAll),
    };
    this.pages = prepareRecordPages(this.db);
  }

  loadAll(): StoredRecord[] {
    this.assertOpen();
    const opened = this.opened;
    this.opened = undefined;
    if (opened) {
      this.sealable = true;
      return opened;
    }
    const { records, firstInvalid } = readRecords(this.pages, false);
    if (firstInvalid !== undefined) throw new Error(`The saved record ${firstInvalid} is not valid JSON`);
    return records;
  }

  commit(changes: readonly RecordChange[]): void {
    this.assertOpen();
    if (changes.length === 0) return;
    this.opened = undefined;
    // Encode everything before the transaction starts: bad data fails without touching the file.
    const encoded = changes.map((change) => (change.data === undefined ? undefined : encode(change)));
    const { upsert, delete: remove } = this.statements;
    this.transaction(() => {
      for (let index = 0; index < changes.length; index++) {
        const { collection, id } = changes[index];
        const data = encoded[index];
        if (data === undefined) remove.run(collection, id);
        else upsert.run(collection, id, data);
      }
    });
  }

  replaceAll(records: readonly StoredRecord[]): void {
    this.assertOpen();
    this.opened = undefined;
    const encoded = records.map((record) => encode(record));
    const { deleteAll, upsert } = this.statements;
    this.transaction(() => {
      deleteAll.run();
      for (let index = 0; index < records.length; index++) {
        upsert.run(records[index].collection, records[index].id, encoded[index]);
      }
    });
  }

  whileIdle(): void {
    if (this.closed) return;
    // PASSIVE: copies what it can without waiting for or blocking anyone; durability is the commit's, not this.
    this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Closing the last connection checkpoints the WAL into lab.sqlite and removes lab.sqlite-wal.
    this.db.close();
    // Every record in the file is now one the lab wrote, or checked when it opened.
    if (this.sealable && !this.writeFailed) sealClosedFile(this.location, this.appVersion);
  }

  private transaction(work: () => void): void {
    this.statements.begin.run();
    try {
      work();
      this.statements.commit.run();
    } catch (error) {
      // SQLite may already have rolled back (some errors end the transaction); never leave one open.
      this.writeFailed = true;
      if (this.db.isTransaction) this.statements.rollback.run();
      const reason = writeFailureReason(error, this.location);
      throw reason ? new StoreWriteError(reason, { cause: error }) : error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`The lab state store at ${this.location} is closed`);
  }
}

function encode(record: { collection: string; id: string; data: unknown }): string {
  const { collection, id } = record;
  if (typeof collection !== 'string' || typeof id !== 'string' || collection === '' || id === '') {
    throw new TypeError(`Cannot save a record without a collection and id (got ${String(collection)}/${String(id)})`);
  }
  try {
    return encodeRecordData(record.data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TypeError(`Cannot save ${collection}/${id}: ${detail}; records must be plain JSON data`, {
      cause: error,
    });
  }
}
