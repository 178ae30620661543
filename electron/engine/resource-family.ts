/**
 * What a resource family tells the engine about itself, in one descriptor: how its records are
 * stored (collection, region), how AWS names them (id prefix, Malformed and NotFound errors), whether
 * they take tags and under which resource type, which event kind announces their changes, how an
 * imported lab file's record is checked, which request members name them in the activity log, the
 * EC2 operations it serves, and what it does on its own as the clock moves. `families.ts` lists them
 * all; everything else (repositories, the handler table, tags, import checks, the activity log) is
 * derived from that list.
 */
import type { ResourceKind } from '../../shared/events';
import type { Catalog } from './catalog/catalog';
import type { EngineContext } from './context';
import type { Ec2Handlers } from './ec2-handler';
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
  idOf(record: T): string;
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

/** What an imported record's data is checked with: the name of its first bad field, if any. */
export type ImportCheck = (data: Record<string, unknown>, catalog: Catalog) => string | undefined;

export interface ResourceFamily<H extends Partial<Ec2Handlers> = Partial<Ec2Handlers>> {
  /** A short name for messages and tests. */
  readonly name: string;
  /** Where its records live; a family of catalog data or of operations only has none. */
  readonly collection?: RecordCollection<object> | ResourceCollection<object>;
  /** Checks an imported lab file's record of this collection before anything is replaced. */
  readonly importCheck?: ImportCheck;
  /** Request members (a string or a list of strings) that name this family's resources, for the activity log. */
  readonly activityIdKeys?: readonly string[];
  /** The member that carries the id of a resource an operation creates (`InstanceId` of RunInstances' Instances). */
  readonly createdIdKey?: string;
  /** The EC2 operations it serves. */
  readonly handlers: H;
  /** Applies what fell due on the clock up to `now` (transitional states, timers). */
  readonly advance?: (ctx: EngineContext, now: number) => void;
}

/** Keeps a family's handler names in its type, so the handler table can prove it covers every operation. */
export function defineFamily<H extends Partial<Ec2Handlers>>(family: ResourceFamily<H>): ResourceFamily<H> {
  return family;
}

/** Keeps a collection's record type. */
export function defineCollection<T extends object>(collection: ResourceCollection<T>): ResourceCollection<T> {
  return collection;
}
