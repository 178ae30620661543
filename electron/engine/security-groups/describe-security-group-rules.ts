/**
 * DescribeSecurityGroupRules: every rule of every group in the region, one item per rule, by
 * SecurityGroupRuleIds (each must exist), filtered by `group-id`, `security-group-rule-id` and
 * tags, and paged. EC2 API Reference: API_DescribeSecurityGroupRules.
 */
import type { DescribeSecurityGroupRulesRequest, DescribeSecurityGroupRulesResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { SECURITY_GROUPS, type SecurityGroupRecord, type SecurityGroupRule } from './security-group-record';
import { toSecurityGroupRule } from './security-group-view';

interface RuleOfGroup {
  group: SecurityGroupRecord;
  rule: SecurityGroupRule;
}

export function describeSecurityGroupRules(
  ctx: EngineContext,
  region: string,
  request: DescribeSecurityGroupRulesRequest,
): DescribeSecurityGroupRulesResult {
  const items: RuleOfGroup[] = ctx
    .records(SECURITY_GROUPS)
    .inRegion(region)
    .flatMap((group) => group.rules.map((rule) => ({ group, rule })));
  const page = describeItems(items, request, {
    named: {
      ids: request.SecurityGroupRuleIds,
      idOf: (item) => item.rule.ruleId,
      malformed: (id) => (isWellFormedId(id, 'sgr') ? undefined : errors.securityGroupRuleIdMalformed(id)),
      notFound: errors.securityGroupRuleIdNotFound,
    },
    filters: {
      'group-id': (item) => item.group.groupId,
      'security-group-rule-id': (item) => item.rule.ruleId,
    },
    tagsOf: (item) => item.rule.tags,
    paging: { min: 5, max: 1000, scope: 'DescribeSecurityGroupRules' },
    shape: (item) => toSecurityGroupRule(item.group, item.rule),
  });
  return { SecurityGroupRules: page.items, NextToken: page.nextToken };
}
