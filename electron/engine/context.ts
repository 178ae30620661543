/**
 * What every service of the engine shares: the clock, ids, the catalog, the records of every
 * family and the event sink. Built once by engine.ts from the family list and passed to each
 * operation.
 */
import type { EngineEvent, ResourceKind } from '../../shared/events';
import type { Catalog } from './catalog/catalog';
import type { SimulationClock } from './clock';
import type { IdGenerator } from './ids';
import type { KeyMaker } from './key-pairs/key-maker';
import type { NestedTaggable, ResourceCollection } from './resource-collection';
import type { RecordCollection, Repository } from './state/repository';

export interface EngineContext {
  clock: SimulationClock;
  ids: IdGenerator;
  /** Makes key pairs and hashes them (Node's crypto unless a test gives another). */
  keyMaker: KeyMaker;
  catalog: Catalog;
  /** The records of one collection (a family's own, or another family's it works with). */
  records<T extends object>(collection: RecordCollection<T>): Repository<T>;
  /** Every regional resource collection, for operations over all of them (tags). */
  resources: readonly ResourceCollection<object>[];
  /** Taggable things kept inside other records (security group rules), from the families. */
  nestedTaggables: readonly NestedTaggable[];
  emit(event: EngineEvent): void;
  /** Collects the ids a command changed; one event per region and kind is sent after it commits. */
  changed(region: string, resource: ResourceKind, id: string): void;
  accountId(): string;
}
