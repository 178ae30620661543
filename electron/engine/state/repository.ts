/**
 * In-memory collections of records with a unit of work: every change a command makes is recorded,
 * committed to the store at the end of the command in one transaction, or rolled back in memory
 * if the command fails. Records are plain data; mutate them only through `touch`.
 */
import type { RecordChange, StateStore, StoredRecord } from './state-store';

export class Repository<T extends object> {
  private readonly items = new Map<string, T>();

  constructor(
    readonly collection: string,
    private readonly work: UnitOfWork,
  ) {}

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  entries(): IterableIterator<[string, T]> {
    return this.items.entries();
  }

  get size(): number {
    return this.items.size;
  }

  /** Adds or replaces a record. */
  put(id: string, record: T): T {
    this.work.remember(this, id, this.items.get(id));
    this.items.set(id, record);
    return record;
  }

  /** The record, ready to be changed in place within the current command. */
  touch(id: string): T {
    const record = this.items.get(id);
    if (!record) throw new Error(`${this.collection}/${id} does not exist`);
    this.work.remember(this, id, record);
    return record;
  }

  delete(id: string): void {
    if (!this.items.has(id)) return;
    this.work.remember(this, id, this.items.get(id));
    this.items.delete(id);
  }

  /** @internal used by the unit of work and loading; records no change. */
  setQuietly(id: string, record: T | undefined): void {
    if (record === undefined) this.items.delete(id);
    else this.items.set(id, record);
  }

  clearQuietly(): void {
    this.items.clear();
  }
}

interface Remembered {
  repository: Repository<object>;
  id: string;
  original: object | undefined;
}

export class UnitOfWork {
  private readonly touched = new Map<string, Remembered>();
  private readonly repositories = new Map<string, Repository<object>>();
  private depth = 0;

  constructor(private readonly store: StateStore) {}

  repository<T extends object>(collection: string): Repository<T> {
    const repo = new Repository<T>(collection, this);
    this.repositories.set(collection, repo as Repository<object>);
    return repo;
  }

  /** @internal keeps the first original of a record touched in this command. */
  remember(repository: Repository<object>, id: string, current: object | undefined): void {
    const key = `${repository.collection}\u0000${id}`;
    if (this.touched.has(key)) return;
    this.touched.set(key, { repository, id, original: current === undefined ? undefined : structuredClone(current) });
  }

  /** Runs a command: its changes reach the store in one transaction, or none of them do. */
  run<R>(command: () => R): R {
    if (this.depth > 0) return command();
    this.depth++;
    try {
      const result = command();
      this.flush();
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    } finally {
      this.depth--;
    }
  }

  /** Whether the current command has changed anything yet. */
  hasChanges(): boolean {
    return this.touched.size > 0;
  }

  /** Loads every record from the store into its repository, replacing what memory held. */
  load(records: readonly StoredRecord[]): void {
    for (const repo of this.repositories.values()) repo.clearQuietly();
    for (const record of records) {
      this.repositories.get(record.collection)?.setQuietly(record.id, record.data as object);
    }
  }

  /** Every record in memory, for export. */
  snapshot(): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const repo of this.repositories.values()) {
      for (const [id, data] of repo.entries())
        out.push({ collection: repo.collection, id, data: structuredClone(data) });
    }
    return out;
  }

  private flush(): void {
    if (this.touched.size === 0) return;
    const changes: RecordChange[] = [];
    for (const { repository, id } of this.touched.values()) {
      changes.push({ collection: repository.collection, id, data: repository.get(id) });
    }
    try {
      this.store.commit(changes);
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.touched.clear();
  }

  private rollback(): void {
    for (const { repository, id, original } of this.touched.values()) repository.setQuietly(id, original);
    this.touched.clear();
  }
}
