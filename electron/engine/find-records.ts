/**
 * Looks up the resources a request names, as EC2 does: each id must be of the family's form (else its
 * Malformed error) and exist in the call's region (else its NotFound error, naming every missing id).
 */
import type { EngineContext } from './context';
import { isWellFormedId } from './ids';
import type { ResourceCollection } from './resource-collection';

export function findRecords<T extends object>(
  ctx: EngineContext,
  region: string,
  collection: ResourceCollection<T>,
  ids: readonly string[],
): T[] {
  if (collection.malformed) {
    for (const id of ids) if (!isWellFormedId(id, collection.idPrefix)) throw collection.malformed(id);
  }
  const repository = ctx.records(collection);
  const found: T[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const record = repository.getInRegion(region, id);
    if (record) found.push(record);
    else missing.push(id);
  }
  if (missing.length) throw collection.notFound(missing);
  return found;
}
