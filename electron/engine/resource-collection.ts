/**
 * A collection of AWS resources of one kind in a region, as other families and the engine see it:
 * how its records are stored (name, region), how AWS names them (id prefix, Malformed and NotFound
 * errors), whether they take tags and under which resource type, and which event kind announces
 * their changes.
 */
import type { ResourceKind } from '../../shared/events';
import type { Ec2Error } from './errors';
import type { IdPrefix } from './ids';
import type { RecordCollection } from './state/repository';

export interface Tag {
  Key: string;
  Value: string;
}

/** A collection of AWS resources of one kind in a region: the part of a family other families use. */
export interface ResourceCollection<T extends object> extends RecordCollection<T> {
  regionOf(record: T): string;
  readonly idPrefix: IdPrefix;
  /** AWS's error for an id that is not of this family's form; absent where AWS answers NotFound. */
  malformed?(id: string): Ec2Error;
  /** AWS's error naming the ids a request asked for that do not exist (in this region). */
  notFound(ids: readonly string[]): Ec2Error;
  /** The resource type CreateTags and DescribeTags use (`instance`, `volume` …), for taggable families. */
  readonly tagResourceType?: string;
  /** The event kind stores listen for when records of this family change. */
  readonly kind?: ResourceKind;
}

/** A record that takes tags keeps them in `tags`. */
export interface Tagged {
  tags: Tag[];
}

/** Keeps a collection's record type. */
export function defineCollection<T extends object>(collection: ResourceCollection<T>): ResourceCollection<T> {
  return collection;
}

/**
 * Taggable things kept inside another family's records (a security group's rules), which are no
 * collection of their own: their family declares how the tags module reaches them (bound to the
 * lab's context by the engine, `EngineContext.nestedTaggables`).
 */
export interface NestedTaggable {
  resourceType: string;
  idPrefix: IdPrefix;
  /** Every tagged thing of the region with its tags. */
  tagsIn(region: string): { id: string; tags: readonly Tag[] }[];
  /** Whether the region has it. */
  exists(region: string, id: string): boolean;
  /** Replaces its tags with `change(current)`. */
  retag(region: string, id: string, change: (tags: Tag[]) => Tag[]): void;
  notFound(ids: readonly string[]): Error;
}
