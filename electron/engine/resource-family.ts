/**
 * What a resource family tells the engine about itself, in one descriptor: how its records are
 * stored and named (its collection, resource-collection.ts), how an
 * imported lab file's record is checked, which request members name them in the activity log, the
 * EC2 operations it serves, and what it does on its own as the clock moves. `families.ts` lists them
 * all; everything else (repositories, the handler table, tags, import checks, the activity log) is
 * derived from that list.
 */
import type { Catalog } from './catalog/catalog';
import type { EngineContext } from './context';
import type { Ec2Handlers } from './ec2-handler';
import type { NestedTaggable, ResourceCollection } from './resource-collection';
import type { RecordCollection } from './state/repository';

/** What an imported record's data is checked with: the name of its first bad field, if any. */
export type ImportCheck = (data: Record<string, unknown>, catalog: Catalog) => string | undefined;

export interface ResourceFamily<H extends Partial<Ec2Handlers> = Partial<Ec2Handlers>> {
  /** A short name for messages and tests. */
  readonly name: string;
  /** Where its records live; a family of catalog data or of operations only has none. */
  readonly collection?: RecordCollection<object> | ResourceCollection<object>;
  /** Checks a record of this collection from a lab file or from disk before the lab takes it. */
  readonly importCheck?: ImportCheck;
  /** The largest a record may be as JSON text, where a family's records hold more than the usual 256 KiB (disk contents). */
  readonly maxRecordChars?: number;
  /** Fields no two records of a region may share (an address, a MAC). */
  readonly uniqueInRegion?: readonly string[];
  /** Request members (a string or a list of strings) that name this family's resources, for the activity log. */
  readonly activityIdKeys?: readonly string[];
  /** The member that carries the id of a resource an operation creates (`InstanceId` of RunInstances' Instances). */
  readonly createdIdKey?: string;
  /** Taggable things it keeps inside its records (no collection of their own), bound to the lab's context. */
  readonly nestedTaggables?: (ctx: EngineContext) => readonly NestedTaggable[];
  /** The EC2 operations it serves. */
  readonly handlers: H;
  /** Applies what fell due on the clock up to `now` (transitional states, timers). */
  readonly advance?: (ctx: EngineContext, now: number) => void;
}

/** Keeps a family's handler names in its type, so the handler table can prove it covers every operation. */
export function defineFamily<H extends Partial<Ec2Handlers>>(family: ResourceFamily<H>): ResourceFamily<H> {
  return family;
}
