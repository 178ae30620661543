/**
 * CreateTags, DeleteTags and DescribeTags over every taggable resource family (each family's
 * collection says whether it takes tags and under which resource type).
 * EC2 API Reference: API_CreateTags, API_DeleteTags, API_DescribeTags.
 */
import type {
  CreateTagsRequest,
  DeleteTagsRequest,
  DescribeTagsRequest,
  DescribeTagsResult,
  TagDescription,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { isWellFormedId } from '../ids';
import type { NestedTaggable, ResourceCollection, Tag, Tagged } from '../resource-collection';
import { isReservedTagKey } from '../../../shared/rules/tags';
import { validateTags } from './tag-rules';

type TaggableCollection = ResourceCollection<Tagged>;

function taggableCollections(ctx: EngineContext): TaggableCollection[] {
  return ctx.resources.filter((c) => c.tagResourceType !== undefined) as TaggableCollection[];
}

type Target = { collection: TaggableCollection; id: string } | { nested: NestedTaggable; id: string };

/** The taggable resource an id names in the region: InvalidID for an id of no taggable family, else its NotFound. */
function findTarget(ctx: EngineContext, region: string, id: string): Target {
  const nested = ctx.nestedTaggables.find((n) => isWellFormedId(id, n.idPrefix));
  if (nested) {
    if (!nested.exists(region, id)) throw nested.notFound([id]);
    return { nested, id };
  }
  const collection = taggableCollections(ctx).find((c) => isWellFormedId(id, c.idPrefix));
  if (!collection) throw errors.invalidId(id);
  if (!ctx.records(collection).getInRegion(region, id)) throw collection.notFound([id]);
  return { collection, id };
}

function retag(ctx: EngineContext, region: string, target: Target, change: (tags: Tag[]) => Tag[]): void {
  if ('nested' in target) {
    target.nested.retag(region, target.id, change);
    return;
  }
  const record = ctx.records(target.collection).touch(target.id);
  record.tags = change(record.tags);
  if (target.collection.kind) ctx.changed(region, target.collection.kind, target.id);
}

export function createTags(ctx: EngineContext, region: string, request: CreateTagsRequest): Record<string, never> {
  if (!request.Resources?.length) throw errors.missingParameter('ResourceId');
  if (!request.Tags?.length) throw errors.missingParameter('Tag');
  const tags = request.Tags.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  validateTags(tags);
  const targets = request.Resources.map((id) => findTarget(ctx, region, id));
  for (const target of targets) {
    retag(ctx, region, target, (current) => {
      const merged = new Map(current.map((t) => [t.Key, t.Value]));
      for (const tag of tags) merged.set(tag.Key, tag.Value);
      const next = [...merged].map(([Key, Value]) => ({ Key, Value }));
      validateTags(next.filter((t) => !isReservedTagKey(t.Key)));
      return next;
    });
  }
  return {};
}

/** A tag named with a value is deleted only if the value matches; with no value, whatever its value. */
export function deleteTags(ctx: EngineContext, region: string, request: DeleteTagsRequest): Record<string, never> {
  if (!request.Resources?.length) throw errors.missingParameter('ResourceId');
  const targets = request.Resources.map((id) => findTarget(ctx, region, id));
  for (const target of targets) {
    retag(ctx, region, target, (current) =>
      current.filter((tag) => {
        // AWS's own tags (aws:…) are not the user's to delete.
        if (isReservedTagKey(tag.Key)) return true;
        if (!request.Tags?.length) return false;
        return !request.Tags.some((d) => d.Key === tag.Key && (d.Value === undefined || d.Value === tag.Value));
      }),
    );
  }
  return {};
}

const TAG_FILTERS: FilterFields<TagDescription> = {
  key: (t) => t.Key,
  value: (t) => t.Value,
  'resource-id': (t) => t.ResourceId,
  'resource-type': (t) => t.ResourceType,
};

export function describeTags(ctx: EngineContext, region: string, request: DescribeTagsRequest): DescribeTagsResult {
  const all: TagDescription[] = taggableCollections(ctx).flatMap((collection) =>
    ctx
      .records(collection)
      .inRegion(region)
      .flatMap((record) =>
        record.tags.map((tag) => ({
          Key: tag.Key,
          Value: tag.Value,
          ResourceId: collection.idOf(record),
          ResourceType: collection.tagResourceType as TagDescription['ResourceType'],
        })),
      ),
  );
  for (const nested of ctx.nestedTaggables) {
    for (const item of nested.tagsIn(region)) {
      for (const tag of item.tags) {
        all.push({
          Key: tag.Key,
          Value: tag.Value,
          ResourceId: item.id,
          ResourceType: nested.resourceType as TagDescription['ResourceType'],
        });
      }
    }
  }
  const page = describeItems(all, request, {
    filters: TAG_FILTERS,
    tagsOf: (t) => [{ Key: t.Key!, Value: t.Value! }],
    paging: { min: 5, max: 1000, scope: `tags:${region}` },
    shape: (t) => t,
  });
  return { Tags: page.items, NextToken: page.nextToken };
}
