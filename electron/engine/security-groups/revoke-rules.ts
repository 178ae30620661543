/**
 * RevokeSecurityGroupIngress and RevokeSecurityGroupEgress: removes rules by `IpPermissions` (each
 * must match a rule by protocol, ports and peer: else `InvalidPermission.NotFound`) or by
 * `SecurityGroupRuleIds` (each must be one of the group's rules of that direction). Attached
 * instances see the change at once. EC2 API Reference: API_RevokeSecurityGroupIngress,
 * API_RevokeSecurityGroupEgress.
 */
import type {
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupEgressResult,
  RevokeSecurityGroupIngressRequest,
  RevokeSecurityGroupIngressResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { findGroup } from './find-groups';
import { readPermissions, ruleKey } from './permissions';
import { permissionsOf, type PermissionMembers } from './request-permissions';
import { SECURITY_GROUPS, type SecurityGroupRecord } from './security-group-record';

export function revokeSecurityGroupIngress(
  ctx: EngineContext,
  region: string,
  request: RevokeSecurityGroupIngressRequest,
): RevokeSecurityGroupIngressResult {
  const group = findGroup(ctx, region, request);
  return revoke(ctx, group, request, false, 'RevokeSecurityGroupIngress');
}

export function revokeSecurityGroupEgress(
  ctx: EngineContext,
  region: string,
  request: RevokeSecurityGroupEgressRequest,
): RevokeSecurityGroupEgressResult {
  const group = findGroup(ctx, region, { GroupId: request.GroupId ?? '' });
  return revoke(ctx, group, request, true, 'RevokeSecurityGroupEgress');
}

function revoke(
  ctx: EngineContext,
  group: SecurityGroupRecord,
  request: PermissionMembers & { SecurityGroupRuleIds?: string[] },
  egress: boolean,
  operation: string,
) {
  const rules = group.rules.filter((r) => r.egress === egress);
  const revoked = new Set<string>();
  if (request.SecurityGroupRuleIds?.length) {
    if (permissionsOf(request)) {
      throw errors.invalidParameterCombination('Specify either IpPermissions or SecurityGroupRuleIds, not both.');
    }
    const missing: string[] = [];
    for (const ruleId of request.SecurityGroupRuleIds) {
      if (!isWellFormedId(ruleId, 'sgr')) throw errors.securityGroupRuleIdMalformed(ruleId);
      if (rules.some((r) => r.ruleId === ruleId)) revoked.add(ruleId);
      else missing.push(ruleId);
    }
    if (missing.length) throw errors.securityGroupRuleIdNotFound(missing);
  } else {
    for (const spec of readPermissions(ctx, group, permissionsOf(request), operation)) {
      const rule = rules.find((r) => ruleKey(r) === ruleKey(spec));
      if (!rule) throw errors.permissionNotFound();
      revoked.add(rule.ruleId);
    }
  }
  const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
  const removed = record.rules.filter((r) => revoked.has(r.ruleId));
  record.rules = record.rules.filter((r) => !revoked.has(r.ruleId));
  ctx.changed(group.region, 'security-group', group.groupId);
  return {
    Return: true,
    RevokedSecurityGroupRules: removed.map((rule) => ({
      SecurityGroupRuleId: rule.ruleId,
      GroupId: group.groupId,
      IsEgress: rule.egress,
      IpProtocol: rule.protocol,
      FromPort: rule.fromPort,
      ToPort: rule.toPort,
      CidrIpv4: rule.cidrIpv4,
      CidrIpv6: rule.cidrIpv6,
      ReferencedGroupId: rule.referencedGroupId,
      Description: rule.description,
    })),
  };
}
