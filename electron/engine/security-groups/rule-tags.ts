/**
 * Tags on security group rules (`sgr-` ids, resource type `security-group-rule`) for CreateTags,
 * DeleteTags and DescribeTags. A rule is no record of its own: it lives inside its group's record,
 * so that a group and its rules are saved, exported and changed together. Rather than give rules a
 * collection of their own (a second copy of every rule to keep in step), the family declares this
 * lookup (`nestedTaggables`) and the tags module asks it for the tags of rules.
 * EC2 API Reference: API_CreateTags ("security-group-rule"), API_DescribeTags.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { NestedTaggable } from '../resource-collection';
import { SECURITY_GROUPS } from './security-group-record';

const groupOfRule = (ctx: EngineContext, region: string, ruleId: string) =>
  ctx
    .records(SECURITY_GROUPS)
    .inRegion(region)
    .find((group) => group.rules.some((rule) => rule.ruleId === ruleId));

/** The tags of a region's security group rules, as the tags module reaches them in this lab. */
export function securityGroupRuleTags(ctx: EngineContext): NestedTaggable {
  return {
    resourceType: 'security-group-rule',
    idPrefix: 'sgr',
    tagsIn: (region) =>
      ctx
        .records(SECURITY_GROUPS)
        .inRegion(region)
        .flatMap((group) => group.rules.map((rule) => ({ id: rule.ruleId, tags: rule.tags }))),
    exists: (region, id) => groupOfRule(ctx, region, id) !== undefined,
    retag: (region, id, change) => {
      const group = groupOfRule(ctx, region, id);
      if (!group) throw errors.securityGroupRuleIdNotFound([id]);
      const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
      record.rules = record.rules.map((rule) => (rule.ruleId === id ? { ...rule, tags: change(rule.tags) } : rule));
      ctx.changed(region, 'security-group', group.groupId);
    },
    notFound: errors.securityGroupRuleIdNotFound,
  };
}
