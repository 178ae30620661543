/**
 * UpdateSecurityGroupRuleDescriptionsIngress and UpdateSecurityGroupRuleDescriptionsEgress: new
 * descriptions for existing rules, named by `IpPermissions` (protocol, ports and peer; the
 * description given, or none, replaces the rule's) or by `SecurityGroupRuleDescriptions`
 * (rule id and description). A permission that matches no rule is `InvalidPermission.NotFound`; a
 * rule id not among the group's rules of that direction `InvalidSecurityGroupRuleId.NotFound`.
 * Nothing changes unless every rule is found. EC2 API Reference:
 * API_UpdateSecurityGroupRuleDescriptionsIngress, API_UpdateSecurityGroupRuleDescriptionsEgress.
 */
import type {
  UpdateSecurityGroupRuleDescriptionsEgressRequest,
  UpdateSecurityGroupRuleDescriptionsEgressResult,
  UpdateSecurityGroupRuleDescriptionsIngressRequest,
  UpdateSecurityGroupRuleDescriptionsIngressResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { findGroup } from './find-groups';
import { readPermissions, ruleDescription, ruleKey } from './permissions';
import { SECURITY_GROUPS } from './security-group-record';

type DescriptionsRequest =
  UpdateSecurityGroupRuleDescriptionsIngressRequest | UpdateSecurityGroupRuleDescriptionsEgressRequest;

export function updateSecurityGroupRuleDescriptionsIngress(
  ctx: EngineContext,
  region: string,
  request: UpdateSecurityGroupRuleDescriptionsIngressRequest,
): UpdateSecurityGroupRuleDescriptionsIngressResult {
  return updateDescriptions(ctx, region, request, false, 'UpdateSecurityGroupRuleDescriptionsIngress');
}

export function updateSecurityGroupRuleDescriptionsEgress(
  ctx: EngineContext,
  region: string,
  request: UpdateSecurityGroupRuleDescriptionsEgressRequest,
): UpdateSecurityGroupRuleDescriptionsEgressResult {
  return updateDescriptions(ctx, region, request, true, 'UpdateSecurityGroupRuleDescriptionsEgress');
}

function updateDescriptions(
  ctx: EngineContext,
  region: string,
  request: DescriptionsRequest,
  egress: boolean,
  operation: string,
): { Return: boolean } {
  const group = findGroup(ctx, region, request);
  const rules = group.rules.filter((r) => r.egress === egress);
  const descriptions = new Map<string, string | undefined>();
  if (request.SecurityGroupRuleDescriptions?.length) {
    if (request.IpPermissions?.length) {
      throw errors.invalidParameterCombination(
        'Specify either IpPermissions or SecurityGroupRuleDescriptions, not both.',
      );
    }
    const missing: string[] = [];
    for (const item of request.SecurityGroupRuleDescriptions) {
      const ruleId = item.SecurityGroupRuleId;
      if (ruleId === undefined) throw errors.missingParameter('SecurityGroupRuleDescriptions.SecurityGroupRuleId');
      if (!isWellFormedId(ruleId, 'sgr')) throw errors.securityGroupRuleIdMalformed(ruleId);
      if (rules.some((r) => r.ruleId === ruleId)) descriptions.set(ruleId, ruleDescription(item.Description));
      else missing.push(ruleId);
    }
    if (missing.length) throw errors.securityGroupRuleIdNotFound(missing);
  } else {
    for (const spec of readPermissions(ctx, group, request.IpPermissions, operation)) {
      const rule = rules.find((r) => ruleKey(r) === ruleKey(spec));
      if (!rule) throw errors.permissionNotFound();
      descriptions.set(rule.ruleId, spec.description);
    }
  }
  const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
  record.rules = record.rules.map((rule) =>
    descriptions.has(rule.ruleId) ? { ...rule, description: descriptions.get(rule.ruleId) } : rule,
  );
  ctx.changed(group.region, 'security-group', group.groupId);
  return { Return: true };
}
