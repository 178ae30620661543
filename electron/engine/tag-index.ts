/**
 * Which records of a region carry a tag key with a given value, so a Describe* filtered by
 * `tag:<key>` with plain values (no wildcards) looks only at those records instead of all of them.
 * The index follows its repository's changes (due-times.ts changesSince): each changed record is
 * re-indexed alone before the next lookup; a command that has changed something already reads no index.
 */
import type { Filter } from '@aws-sdk/client-ec2';
import { changesSince } from './due-times';
import type { Tagged } from './resource-collection';
import type { Repository } from './state/repository';

class TagIndex {
  /** region → `key\0value` → ids */
  private readonly regions = new Map<string, Map<string, Set<string>>>();
  /** What each indexed id is filed under, to unfile it when it changes. */
  private readonly filed = new Map<string, { region: string; keys: string[] }>();

  constructor(private readonly repository: Repository<object & Tagged>) {}

  ids(region: string, key: string, value: string): ReadonlySet<string> | undefined {
    this.refresh();
    return this.regions.get(region)?.get(`${key}\u0000${value}`);
  }

  private refresh(): void {
    const changed = changesSince(this, this.repository);
    if (changed === 'all') {
      this.regions.clear();
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
    const region = record && this.repository.regionOf(record);
    if (!record || region === undefined || !Array.isArray(record.tags)) return;
    let byTag = this.regions.get(region);
    if (!byTag) this.regions.set(region, (byTag = new Map()));
    const keys = record.tags.map((tag) => `${tag.Key}\u0000${tag.Value}`);
    for (const key of keys) {
      let ids = byTag.get(key);
      if (!ids) byTag.set(key, (ids = new Set()));
      ids.add(id);
    }
    this.filed.set(id, { region, keys });
  }

  private unfile(id: string): void {
    const filed = this.filed.get(id);
    if (!filed) return;
    const byTag = this.regions.get(filed.region);
    for (const key of filed.keys) byTag?.get(key)?.delete(id);
    this.filed.delete(id);
  }
}

const indexes = new WeakMap<Repository<object & Tagged>, TagIndex>();

/**
 * The region's records a tag filter can match, in the region's order, or undefined when no filter
 * narrows them (none is a `tag:` filter of plain values, or the command has changed records already).
 * The caller still applies every filter to what this returns.
 */
export function candidatesByTag<T extends object & Tagged>(
  repository: Repository<T>,
  region: string,
  filters: readonly Filter[] | undefined,
): T[] | undefined {
  const filter = filters?.find(
    (f) => f.Name?.startsWith('tag:') && f.Values?.length && f.Values.every((value) => !/[*?\\]/.test(value)),
  );
  if (!filter || repository.commandHasChanges()) return undefined;
  let index = indexes.get(repository);
  if (!index) indexes.set(repository, (index = new TagIndex(repository)));
  const key = filter.Name!.slice(4);
  const ids = new Set<string>();
  for (const value of filter.Values!) for (const id of index.ids(region, key, value) ?? []) ids.add(id);
  return [...ids]
    .sort((a, b) => repository.positionOf(a) - repository.positionOf(b))
    .map((id) => repository.getInRegion(region, id))
    .filter((record): record is T => record !== undefined);
}
