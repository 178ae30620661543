/**
 * ModifySecurityGroupRules: replaces rules of a group, each named by its `sgr-` id, with the rule
 * given (protocol, ports, one peer, description). The rule keeps its id, direction and tags; the
 * new rule is validated as Authorize validates (CIDRs, ports, protocols, descriptions) and may not
 * duplicate another rule of its direction (`InvalidPermission.Duplicate`). An id that is not one of
 * the group's rules is `InvalidSecurityGroupRuleId.NotFound`. Nothing changes unless every update
 * is valid. EC2 API Reference: API_ModifySecurityGroupRules, API_SecurityGroupRuleRequest.
 */
import type {
  IpPermission,
  ModifySecurityGroupRulesRequest,
  ModifySecurityGroupRulesResult,
  SecurityGroupRuleRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { refuseUnsimulated } from '../not-simulated';
import { findGroup } from './find-groups';
import { readPermissions, ruleKey, ruleText, type RuleSpec } from './permissions';
import { SECURITY_GROUPS } from './security-group-record';

const OPERATION = 'ModifySecurityGroupRules';

export function modifySecurityGroupRules(
  ctx: EngineContext,
  region: string,
  request: ModifySecurityGroupRulesRequest,
): ModifySecurityGroupRulesResult {
  if (request.GroupId === undefined) throw errors.missingParameter('GroupId');
  const group = findGroup(ctx, region, { GroupId: request.GroupId });
  if (!request.SecurityGroupRules?.length) throw errors.missingParameter('SecurityGroupRules');
  const replacements = new Map<string, RuleSpec>();
  const missing: string[] = [];
  for (const update of request.SecurityGroupRules) {
    const ruleId = update.SecurityGroupRuleId;
    if (ruleId === undefined) throw errors.missingParameter('SecurityGroupRules.SecurityGroupRuleId');
    if (!isWellFormedId(ruleId, 'sgr')) throw errors.securityGroupRuleIdMalformed(ruleId);
    if (!group.rules.some((r) => r.ruleId === ruleId)) {
      missing.push(ruleId);
      continue;
    }
    if (!update.SecurityGroupRule) throw errors.missingParameter('SecurityGroupRules.SecurityGroupRule');
    const [spec] = readPermissions(ctx, group, [asPermission(update.SecurityGroupRule)], OPERATION);
    replacements.set(ruleId, spec!);
  }
  if (missing.length) throw errors.securityGroupRuleIdNotFound(missing);

  // The rules after the change may not hold the same rule twice in one direction.
  for (const egress of [false, true]) {
    const seen = new Set<string>();
    for (const rule of group.rules) {
      if (rule.egress !== egress) continue;
      const spec = replacements.get(rule.ruleId) ?? rule;
      const key = ruleKey(spec);
      if (seen.has(key)) throw errors.permissionDuplicate(ruleText(spec));
      seen.add(key);
    }
  }

  const record = ctx.records(SECURITY_GROUPS).touch(group.groupId);
  record.rules = record.rules.map((rule) => {
    const spec = replacements.get(rule.ruleId);
    return spec ? { ruleId: rule.ruleId, egress: rule.egress, ...spec, tags: rule.tags } : rule;
  });
  ctx.changed(group.region, 'security-group', group.groupId);
  return { Return: true };
}

/** A rule request as the one permission Authorize would take for it (one peer at most). */
function asPermission(rule: SecurityGroupRuleRequest): IpPermission {
  const { PrefixListId, ...simulated } = rule;
  if (PrefixListId !== undefined)
    throw errors.notSimulated(OPERATION, 'SecurityGroupRules.SecurityGroupRule.PrefixListId');
  refuseUnsimulated(
    OPERATION,
    simulated,
    ['IpProtocol', 'FromPort', 'ToPort', 'CidrIpv4', 'CidrIpv6', 'ReferencedGroupId', 'Description'],
    'SecurityGroupRules.SecurityGroupRule.',
  );
  const peers = [rule.CidrIpv4, rule.CidrIpv6, rule.ReferencedGroupId].filter((p) => p !== undefined);
  if (peers.length === 0) {
    throw errors.missingParameter('SecurityGroupRules.SecurityGroupRule.CidrIpv4');
  }
  if (peers.length > 1) {
    throw errors.invalidParameterCombination(
      'Specify only one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId for a security group rule.',
    );
  }
  const Description = rule.Description;
  return {
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort,
    ToPort: rule.ToPort,
    IpRanges: rule.CidrIpv4 !== undefined ? [{ CidrIp: rule.CidrIpv4, Description }] : undefined,
    Ipv6Ranges: rule.CidrIpv6 !== undefined ? [{ CidrIpv6: rule.CidrIpv6, Description }] : undefined,
    UserIdGroupPairs:
      rule.ReferencedGroupId !== undefined ? [{ GroupId: rule.ReferencedGroupId, Description }] : undefined,
  };
}
