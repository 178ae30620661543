/**
 * Where engine state lives between runs. The engine keeps its records in memory and hands every
 * command's changes to the store in one call, which must apply them atomically (one transaction),
 * so an acknowledged command survives a crash and a failed one leaves nothing behind.
 */
import type { LabNotice } from '../../../shared/lab-operations';
import { CURRENT_SCHEMA_VERSION, encodeRecordData } from './schema';

/** One persisted record: plain JSON-able data, keyed by collection and id. */
export interface StoredRecord {
  collection: string;
  id: string;
  data: unknown;
  /** The length of the record's saved JSON text, when it was read from disk (spares measuring it again; not enumerable). */
  readonly textLength?: number;
  /**
   * The record was read from a file just as the lab left it when it last closed cleanly: the lab
   * wrote it (or checked it when it last opened), so start-up need not check it again (not enumerable).
   */
  readonly writtenByLab?: boolean;
}

/** A change to apply: `data` undefined deletes the record. */
export interface RecordChange {
  collection: string;
  id: string;
  data: unknown | undefined;
}

/**
 * The machine would not let the store save (disk full, read-only directory, I/O failure, another
 * process's lock): nothing of the change was written, and `reason` says why, for the user.
 */
export class StoreWriteError extends Error {
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The lab could not be saved: ${reason}.`, options);
    this.name = 'StoreWriteError';
    this.reason = reason;
  }
}

export interface StateStore {
  /** The schema version the data is in, after migrations ran on open. */
  readonly schemaVersion: number;
  /** Where the data lives, for the user ("in memory" for tests). */
  readonly location: string;
  /** Things to tell the user about opening the store (a corrupt database moved aside …). */
  readonly notices: LabNotice[];
  loadAll(): StoredRecord[];
  /** Applies all changes in one transaction, or none of them (then throws). */
  commit(changes: readonly RecordChange[]): void;
  /** Replaces the whole state in one transaction (reset, import). */
  replaceAll(records: readonly StoredRecord[]): void;
  /**
   * Called when the lab has been quiet for a while after a commit: upkeep that would otherwise land
   * on some command's time (moving the write-ahead log into the database file) happens here.
   */
  whileIdle?(): void;
  close(): void;
}

/** A store that keeps nothing on disk, for tests and benchmarks; it refuses non-JSON data as SQLite's does. */
export class MemoryStateStore implements StateStore {
  readonly schemaVersion = CURRENT_SCHEMA_VERSION;
  readonly location = ':memory:';
  readonly notices: LabNotice[] = [];
  private readonly records = new Map<string, StoredRecord>();
  commits = 0;

  loadAll(): StoredRecord[] {
    return [...this.records.values()].map((r) => ({ ...r, data: structuredClone(r.data) }));
  }

  commit(changes: readonly RecordChange[]): void {
    this.commits++;
    // Encode everything first, so a bad record leaves the store untouched, as a rolled-back transaction does.
    for (const change of changes) if (change.data !== undefined) encodeRecordData(change.data);
    for (const change of changes) {
      const key = `${change.collection}\u0000${change.id}`;
      if (change.data === undefined) this.records.delete(key);
      else
        this.records.set(key, {
          collection: change.collection,
          id: change.id,
          data: JSON.parse(encodeRecordData(change.data)),
        });
    }
  }

  replaceAll(records: readonly StoredRecord[]): void {
    this.records.clear();
    this.commit(records.map((r) => ({ ...r })));
  }

  close(): void {}
}
