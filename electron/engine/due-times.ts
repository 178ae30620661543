/**
 * The clock-driven families' answer to "what is due, and what changed?" without looking at every
 * record. Two tools, both fed by a repository's watch (every record about to change, or all of
 * them on a reload):
 *
 * - `dueSchedule`: each record's next due moment, kept current for the records that changed, in a
 *   min-heap; a command asks for the ids due now and reads only those. A lab of 10,000 instances
 *   then costs a command the records it changed, not 10,000 reads.
 * - `changesSince`: the ids of a repository's records that changed since an owner last asked, for
 *   families that follow another collection (a guest follows its instance and its volumes), and
 *   for the due schedule and the tag index themselves.
 *
 * `nothingDue`/`noteScan` remain for the small collections (images, snapshots) that are scanned
 * whole when they changed.
 */
import type { Repository } from './state/repository';

const scans = new WeakMap<object, { revisions: string; dueAt: number }>();

/** Whether nothing can be due at `now` for `owner`: nothing changed since its last scan, which found nothing due before then. */
export function nothingDue(owner: object, revisions: readonly number[], now: number): boolean {
  const last = scans.get(owner);
  return last !== undefined && last.dueAt > now && last.revisions === revisions.join('/');
}

/** Notes a finished scan: the revisions it saw (after its own changes) and the earliest due moment left (Infinity for none). */
export function noteScan(owner: object, revisions: readonly number[], dueAt: number): void {
  scans.set(owner, { revisions: revisions.join('/'), dueAt });
}

const NONE: ReadonlySet<string> = new Set();

/** The ids a repository changed, as one owner has not yet seen them. */
class ChangeFeed {
  private changed = new Set<string>();
  /** True at first and after a reload: the owner must look at everything. */
  private everything = true;

  constructor(repository: Repository<object>) {
    repository.watch((id) => {
      if (id === undefined) {
        this.everything = true;
        this.changed.clear();
      } else if (!this.everything) this.changed.add(id);
    });
  }

  take(): ReadonlySet<string> | 'all' {
    if (this.everything) {
      this.everything = false;
      this.changed.clear();
      return 'all';
    }
    if (this.changed.size === 0) return NONE;
    // Handed over whole, not copied: the feed starts a new set for what changes next.
    const ids = this.changed;
    this.changed = new Set();
    return ids;
  }
}

const feeds = new WeakMap<object, WeakMap<Repository<object>, ChangeFeed>>();

/**
 * The ids of `repository`'s records that changed (put, touched, deleted, rolled back) since `owner`
 * last asked; 'all' the first time and after the lab was reloaded.
 */
export function changesSince<T extends object>(owner: object, repository: Repository<T>): ReadonlySet<string> | 'all' {
  const repo = repository as unknown as Repository<object>;
  let byRepository = feeds.get(owner);
  if (!byRepository) feeds.set(owner, (byRepository = new WeakMap()));
  let feed = byRepository.get(repo);
  if (!feed) byRepository.set(repo, (feed = new ChangeFeed(repo)));
  return feed.take();
}

/** Each record's next due moment, in a min-heap of [dueAt, id] with lazy deletion. */
export class DueSchedule<T extends object> {
  private readonly dueAt = new Map<string, number>();
  private heap: [number, string][] = [];
  private readonly changes: ChangeFeed;
  /** Records answered by dueBy, looked at again at the next refresh whether or not they changed. */
  private readonly recheck = new Set<string>();

  constructor(
    private readonly repository: Repository<T>,
    private readonly nextDue: (record: T) => number | undefined,
  ) {
    this.changes = new ChangeFeed(repository as unknown as Repository<object>);
  }

  /**
   * The ids of records due at or before `now`, earliest first. They are looked at again after the
   * caller has settled them (or at the next call, if it did not change them).
   */
  dueBy(now: number): string[] {
    this.refresh();
    const due: string[] = [];
    while (this.heap.length > 0 && this.heap[0]![0] <= now) {
      const [at, id] = this.pop();
      if (this.dueAt.get(id) !== at) continue;
      this.dueAt.delete(id);
      due.push(id);
      this.recheck.add(id);
    }
    return due;
  }

  /** The earliest due moment of any record (Infinity for none). */
  earliest(): number {
    this.refresh();
    while (this.heap.length > 0 && this.dueAt.get(this.heap[0]![1]) !== this.heap[0]![0]) this.pop();
    return this.heap.length > 0 ? this.heap[0]![0] : Infinity;
  }

  private refresh(): void {
    const changed = this.changes.take();
    if (changed === 'all') {
      this.recheck.clear();
      this.dueAt.clear();
      this.heap = [];
      for (const [id, record] of this.repository.entries()) this.file(id, record);
      return;
    }
    for (const id of changed) this.refile(id);
    for (const id of this.recheck) if (!changed.has(id)) this.refile(id);
    this.recheck.clear();
    // Entries left behind by changed due moments: rebuilt once they outnumber the live ones.
    if (this.heap.length > 2 * this.dueAt.size + 1024) {
      this.heap = [...this.dueAt].map(([id, at]): [number, string] => [at, id]);
      this.heap.sort((a, b) => a[0] - b[0]);
    }
  }

  /** Files a record again by its current due moment (none if it is gone or due never). */
  private refile(id: string): void {
    this.dueAt.delete(id);
    const record = this.repository.get(id);
    if (record) this.file(id, record);
  }

  private file(id: string, record: T): void {
    const at = this.nextDue(record);
    if (at === undefined) return;
    this.dueAt.set(id, at);
    this.push([at, id]);
  }

  private push(entry: [number, string]): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]![0] <= entry[0]) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = entry;
  }

  private pop(): [number, string] {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]![0] < heap[left]![0] ? right : left;
        if (heap[child]![0] >= last[0]) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = last;
    }
    return top;
  }
}

const schedules = new WeakMap<object, DueSchedule<object>>();

/** The schedule of `repository`'s records by `nextDue` (one per repository: its family's rule). */
export function dueSchedule<T extends object>(
  repository: Repository<T>,
  nextDue: (record: T) => number | undefined,
): DueSchedule<T> {
  let schedule = schedules.get(repository) as DueSchedule<T> | undefined;
  if (!schedule) {
    schedule = new DueSchedule(repository, nextDue);
    schedules.set(repository, schedule as unknown as DueSchedule<object>);
  }
  return schedule;
}
