/**
 * AuthorizeSecurityGroupIngress and AuthorizeSecurityGroupEgress: new rules for a group, each with
 * its own `sgr-` id, answered in `SecurityGroupRules`. A rule the group already has (or a request
 * names twice) is `InvalidPermission.Duplicate`; past 60 inbound or 60 outbound rules is
 * `RulesPerSecurityGroupLimitExceeded`. Attached instances see the change at once.
 * EC2 API Reference: API_AuthorizeSecurityGroupIngress, API_AuthorizeSecurityGroupEgress;
 * VPC User Guide: amazon-vpc-limits ("Inbound or outbound rules per security group: 60").
 */
import type {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupEgressResult,
  AuthorizeSecurityGroupIngressRequest,
  AuthorizeSecurityGroupIngressResult,
  TagSpecification,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { findGroup } from './find-groups';
import { readPermissions, ruleKey, ruleText } from './permissions';
import { permissionsOf, type PermissionMembers } from './request-permissions';
import { SECURITY_GROUPS, type SecurityGroupRecord, type SecurityGroupRule } from './security-group-record';
import { toSecurityGroupRule } from './security-group-view';

export const MAX_RULES_PER_DIRECTION = 60;

export function authorizeSecurityGroupIngress(
  ctx: EngineContext,
  region: string,
  request: AuthorizeSecurityGroupIngressRequest,
): AuthorizeSecurityGroupIngressResult {
  const group = findGroup(ctx, region, request);
  return authorize(ctx, group, request, false, 'AuthorizeSecurityGroupIngress');
}

export function authorizeSecurityGroupEgress(
  ctx: EngineContext,
  region: string,
  request: AuthorizeSecurityGroupEgressRequest,
): AuthorizeSecurityGroupEgressResult {
  const group = findGroup(ctx, region, { GroupId: request.GroupId ?? '' });
  return authorize(ctx, group, request, true, 'AuthorizeSecurityGroupEgress');
}

function authorize(
  ctx: EngineContext,
  group: SecurityGroupRecord,
  request: PermissionMembers & { TagSpecifications?: TagSpecification[] },
  egress: boolean,
  operation: string,
) {
  const specs = readPermissions(ctx, group, permissionsOf(request), operation);
  const seen = new Set(group.rules.filter((r) => r.egress === egress).map(ruleKey));
  for (const spec of specs) {
    const key = ruleKey(spec);
    if (seen.has(key)) throw errors.permissionDuplicate(ruleText(spec));
    seen.add(key);
  }
  if (seen.size > MAX_RULES_PER_DIRECTION) throw errors.rulesPerSecurityGroupLimitExceeded();
  const tags = tagsOnCreation(request.TagSpecifications, 'security-group-rule');
  const added: SecurityGroupRule[] = specs.map((spec) => ({
    ...spec,
    ruleId: ctx.ids.next('sgr'),
    egress,
    tags: tags.map((t) => ({ ...t })),
  }));
  const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
  record.rules.push(...added);
  ctx.changed(group.region, 'security-group', group.groupId);
  return { Return: true, SecurityGroupRules: added.map((rule) => toSecurityGroupRule(record, rule)) };
}
