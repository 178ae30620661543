/**
 * CreateTags, DeleteTags and DescribeTags over every taggable resource the lab has
 * (instances, VPCs, subnets). EC2 API Reference: API_CreateTags, API_DeleteTags, API_DescribeTags.
 */
import { ErrorCode } from '../../../shared/errors';
import type {
  CreateTagsRequest,
  DeleteTagsRequest,
  DescribeTagsRequest,
  DescribeTagsResult,
  TagDescription,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { Ec2Error, errors } from '../errors';
import { applyFilters, type FilterFields } from '../filters';
import { isWellFormedId } from '../ids';
import type { Tag } from '../instances/instance-record';
import { paginate } from '../pagination';
import { validateTags } from './tag-rules';

interface Taggable {
  id: string;
  type: 'instance' | 'vpc' | 'subnet';
  tags: Tag[];
  touch(): { tags: Tag[] };
}

function taggables(ctx: EngineContext, region: string): Taggable[] {
  const { instances, vpcs, subnets } = ctx.repos;
  return [
    ...[...instances.values()]
      .filter((r) => r.region === region)
      .map((r) => ({
        id: r.instanceId,
        type: 'instance' as const,
        tags: r.tags,
        touch: () => instances.touch(r.instanceId),
      })),
    ...[...vpcs.values()]
      .filter((r) => r.region === region)
      .map((r) => ({ id: r.vpcId, type: 'vpc' as const, tags: r.tags, touch: () => vpcs.touch(r.vpcId) })),
    ...[...subnets.values()]
      .filter((r) => r.region === region)
      .map((r) => ({ id: r.subnetId, type: 'subnet' as const, tags: r.tags, touch: () => subnets.touch(r.subnetId) })),
  ];
}

function findTaggable(ctx: EngineContext, region: string, id: string): Taggable {
  const prefix = id.split('-')[0] as 'i' | 'vpc' | 'subnet';
  if (!['i', 'vpc', 'subnet'].includes(prefix) || !isWellFormedId(id, prefix)) {
    throw new Ec2Error(ErrorCode.InvalidID, `The ID '${id}' is not valid`);
  }
  const found = taggables(ctx, region).find((t) => t.id === id);
  if (found) return found;
  if (prefix === 'i') throw errors.instanceIdNotFound([id]);
  if (prefix === 'vpc') throw new Ec2Error(ErrorCode.InvalidVpcIdNotFound, `The vpc ID '${id}' does not exist`);
  throw new Ec2Error(ErrorCode.InvalidSubnetIdNotFound, `The subnet ID '${id}' does not exist`);
}

export function createTags(ctx: EngineContext, region: string, request: CreateTagsRequest): Record<string, never> {
  if (!request.Resources?.length) throw errors.missingParameter('ResourceId');
  if (!request.Tags?.length) throw errors.missingParameter('Tag');
  const tags = request.Tags.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  validateTags(tags);
  const targets = request.Resources.map((id) => findTaggable(ctx, region, id));
  for (const target of targets) {
    const record = target.touch();
    const merged = new Map(record.tags.map((t) => [t.Key, t.Value]));
    for (const tag of tags) merged.set(tag.Key, tag.Value);
    const next = [...merged].map(([Key, Value]) => ({ Key, Value }));
    validateTags(next);
    record.tags = next;
    if (target.type === 'instance') ctx.changed(region, 'instance', target.id);
  }
  return {};
}

/** A tag named with a value is deleted only if the value matches; with no value, whatever its value. */
export function deleteTags(ctx: EngineContext, region: string, request: DeleteTagsRequest): Record<string, never> {
  if (!request.Resources?.length) throw errors.missingParameter('ResourceId');
  const targets = request.Resources.map((id) => findTaggable(ctx, region, id));
  for (const target of targets) {
    const record = target.touch();
    record.tags = record.tags.filter((tag) => {
      if (!request.Tags?.length) return false;
      return !request.Tags.some((d) => d.Key === tag.Key && (d.Value === undefined || d.Value === tag.Value));
    });
    if (target.type === 'instance') ctx.changed(region, 'instance', target.id);
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
  const all: TagDescription[] = taggables(ctx, region).flatMap((t) =>
    t.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value, ResourceId: t.id, ResourceType: t.type })),
  );
  const matching = applyFilters(all, request.Filters, TAG_FILTERS, (t) => [{ Key: t.Key!, Value: t.Value! }]);
  const page = paginate(matching, request, { min: 5, max: 1000, scope: `tags:${region}` });
  return { Tags: page.items, NextToken: page.nextToken };
}
