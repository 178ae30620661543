/**
 * The one recipe every Describe* follows, as EC2 does: the region's items → the ids the request
 * names (each must exist, else the family's NotFound) → what the operation describes → filters → MaxResults/NextToken → AWS's shape.
 * EC2 API Reference: Query-Requests "Filtering and pagination".
 */
import type { Filter } from '@aws-sdk/client-ec2';
import type { EngineContext } from './context';
import { applyFilters, type FilterFields } from './filters';
import { findRecords } from './find-records';
import { paginate } from './pagination';
import { candidatesByTag } from './tag-index';
import type { ResourceCollection, Tag, Tagged } from './resource-collection';

export interface DescribeRequest {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeRecipe<T, S> {
  /** The ids the request names, and how an item's id is read and missing ones reported. */
  named?: {
    ids: readonly string[] | undefined;
    idOf(item: T): string;
    /** Finds an item by a named id, where an item answers to more than its id (a zone by name or id). */
    find?(id: string): T | undefined;
    /** AWS's error for an id that is not even of the right form, if it is one. */
    malformed?(id: string): Error | undefined;
    notFound(ids: readonly string[]): Error;
  };
  /** Which of the found items the operation describes at all (after the named ids are checked). */
  where?: (item: T) => boolean;
  filters: FilterFields<T>;
  tagsOf?: (item: T) => readonly Tag[];
  /** Paging limits and the token's scope; without them the request takes no MaxResults. */
  paging?: { min: number; max: number; scope: string };
  shape: (item: T) => S;
}

export interface Described<S> {
  items: S[];
  nextToken?: string;
}

export function describeItems<T, S>(
  items: readonly T[],
  request: DescribeRequest,
  recipe: DescribeRecipe<T, S>,
): Described<S> {
  const named = recipe.named ? selectNamed(items, recipe.named) : items;
  const selected = recipe.where ? named.filter(recipe.where) : named;
  const matching = applyFilters(selected, request.Filters, recipe.filters, recipe.tagsOf);
  const page = recipe.paging ? paginate(matching, request, recipe.paging) : { items: matching };
  return { items: page.items.map(recipe.shape), nextToken: page.nextToken };
}

function selectNamed<T>(items: readonly T[], named: NonNullable<DescribeRecipe<T, unknown>['named']>): readonly T[] {
  if (!named.ids?.length) return items;
  for (const id of named.ids) {
    const malformed = named.malformed?.(id);
    if (malformed) throw malformed;
  }
  const byId = new Map(items.map((item) => [named.idOf(item), item]));
  const find = named.find ?? ((id: string) => byId.get(id));
  const found = new Set<T>();
  const missing: string[] = [];
  for (const id of new Set(named.ids)) {
    const item = find(id);
    if (item === undefined) missing.push(id);
    else found.add(item);
  }
  if (missing.length) throw named.notFound(missing);
  return [...found];
}

/** Describes a family's records in a region; `ids` are the ones the request names (InstanceIds, VpcIds …). */
export function describeRecords<T extends object & Tagged, S>(
  ctx: EngineContext,
  region: string,
  collection: ResourceCollection<T>,
  ids: readonly string[] | undefined,
  request: DescribeRequest,
  recipe: Omit<DescribeRecipe<T, S>, 'tagsOf'> & { items?: readonly T[] },
): Described<S> {
  const items = ids?.length
    ? findRecords(ctx, region, collection, ids)
    : (recipe.items ??
      candidatesByTag(ctx.records(collection), region, request.Filters) ??
      ctx.records(collection).inRegion(region));
  return describeItems(items, request, { ...recipe, tagsOf: (item) => item.tags });
}
