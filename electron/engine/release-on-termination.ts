/**
 * What happens to what an instance had attached when it terminates: each attachment marked
 * DeleteOnTermination is deleted, the others are detached and stay (EC2 User Guide:
 * terminating-instances, "Preserve data when an instance is terminated").
 */
import type { EngineContext } from './context';
import type { ResourceCollection } from './resource-collection';

interface Attachable {
  attachment?: { deleteOnTermination: boolean };
}

export function releaseOnTermination<T extends object & Attachable>(
  ctx: EngineContext,
  collection: ResourceCollection<T>,
  ids: readonly string[],
  detach: (record: T) => void,
): void {
  const records = ctx.records(collection);
  for (const id of ids) {
    const record = records.get(id);
    if (!record) continue;
    if (collection.kind) ctx.changed(collection.regionOf(record), collection.kind, id);
    if (record.attachment?.deleteOnTermination !== false) records.delete(id);
    else detach(records.touch(id));
  }
}
