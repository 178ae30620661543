/**
 * Which records of a region carry a tag key with a given value, so a Describe* filtered by
 * `tag:<key>` with plain values (no wildcards) looks only at those records instead of all of them.
 * The index follows its repository's changes (due-times.ts changesSince): each changed record is
 * re-indexed alone before the next lookup; a command that has changed something already reads no index.
 */
import type { Filter } from '@aws-sdk/client-ec2';
import { RecordIndex } from './record-index';
import type { Tagged } from './resource-collection';
import type { Repository } from './state/repository';

const indexes = new WeakMap<Repository<object & Tagged>, RecordIndex<object & Tagged>>();

/** A record's index keys: `region\0key\0value` for each of its tags. */
function tagKeysOf(repository: Repository<object & Tagged>) {
  return (record: object & Tagged): string[] => {
    const region = repository.regionOf(record);
    if (region === undefined || !Array.isArray(record.tags)) return [];
    return record.tags.map((tag) => `${region}\u0000${tag.Key}\u0000${tag.Value}`);
  };
}

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
  const tagged = repository as unknown as Repository<object & Tagged>;
  let index = indexes.get(tagged);
  if (!index) indexes.set(tagged, (index = new RecordIndex(tagged, tagKeysOf(tagged))));
  const key = filter.Name!.slice(4);
  const ids = new Set<string>();
  for (const value of filter.Values!)
    for (const id of index.ids(`${region}\u0000${key}\u0000${value}`) ?? []) ids.add(id);
  return [...ids]
    .sort((a, b) => repository.positionOf(a) - repository.positionOf(b))
    .map((id) => repository.getInRegion(region, id))
    .filter((record): record is T => record !== undefined);
}
