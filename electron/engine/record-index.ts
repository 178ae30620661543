/**
 * Which records of a repository carry a key (a tag's key and value, a client token …), so a lookup
 * reads those records instead of all of them. The index follows the repository's changes
 * (due-times.ts changesSince): each changed record is filed again, alone, before the next lookup.
 */
import { changesSince } from './due-times';
import type { Repository } from './state/repository';

export class RecordIndex<T extends object> {
  /** key → ids */
  private readonly byKey = new Map<string, Set<string>>();
  /** The keys each indexed id is filed under, to unfile it when it changes. */
  private readonly filed = new Map<string, string[]>();

  constructor(
    private readonly repository: Repository<T>,
    private readonly keysOf: (record: T) => readonly string[],
  ) {}

  ids(key: string): ReadonlySet<string> | undefined {
    this.refresh();
    return this.byKey.get(key);
  }

  private refresh(): void {
    const changed = changesSince(this, this.repository);
    if (changed === 'all') {
      this.byKey.clear();
      this.filed.clear();
      for (const [id] of this.repository.entries()) this.file(id);
      return;
    }
    for (const id of changed) {
      this.unfile(id);
      this.file(id);
    }
  }

  private file(id: string): void {
    const record = this.repository.get(id);
    if (!record) return;
    const keys = this.keysOf(record);
    if (keys.length === 0) return;
    for (const key of keys) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(id);
    }
    this.filed.set(id, [...keys]);
  }

  private unfile(id: string): void {
    const keys = this.filed.get(id);
    if (!keys) return;
    for (const key of keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
    this.filed.delete(id);
  }
}
