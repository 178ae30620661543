/**
 * Tags on security group rules (`sgr-` ids, resource type `security-group-rule`) for CreateTags,
 * DeleteTags and DescribeTags. A rule is no record of its own: it lives inside its group's record,
 * so that a group and its rules are saved, exported and changed together. Rather than give rules a
 * collection of their own (a second copy of every rule to keep in step), the tags module asks this
 * lookup for the tags of rules it cannot find among the collections.
 * EC2 API Reference: API_CreateTags ("security-group-rule"), API_DescribeTags.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { IdPrefix } from '../ids';
import type { Tag } from '../resource-collection';
import { SECURITY_GROUPS } from './security-group-record';

/** Taggable things kept inside other records, as the tags module reaches them. */
export interface NestedTaggable {
  resourceType: string;
  idPrefix: IdPrefix;
  /** Every tagged thing of the region with its tags. */
  tagsIn(ctx: EngineContext, region: string): { id: string; tags: readonly Tag[] }[];
  /** Whether the region has it. */
  exists(ctx: EngineContext, region: string, id: string): boolean;
  /** Replaces its tags with `change(current)`. */
  retag(ctx: EngineContext, region: string, id: string, change: (tags: Tag[]) => Tag[]): void;
  notFound(ids: readonly string[]): Error;
}

const groupOfRule = (ctx: EngineContext, region: string, ruleId: string) =>
  ctx
    .records(SECURITY_GROUPS)
    .inRegion(region)
    .find((group) => group.rules.some((rule) => rule.ruleId === ruleId));

export const SECURITY_GROUP_RULE_TAGS: NestedTaggable = {
  resourceType: 'security-group-rule',
  idPrefix: 'sgr',
  tagsIn: (ctx, region) =>
    ctx
      .records(SECURITY_GROUPS)
      .inRegion(region)
      .flatMap((group) => group.rules.map((rule) => ({ id: rule.ruleId, tags: rule.tags }))),
  exists: (ctx, region, id) => groupOfRule(ctx, region, id) !== undefined,
  retag: (ctx, region, id, change) => {
    const group = groupOfRule(ctx, region, id);
    if (!group) throw errors.securityGroupRuleIdNotFound([id]);
    const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
    record.rules = record.rules.map((rule) => (rule.ruleId === id ? { ...rule, tags: change(rule.tags) } : rule));
    ctx.changed(region, 'security-group', group.groupId);
  },
  notFound: errors.securityGroupRuleIdNotFound,
};
