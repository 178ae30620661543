/**
 * The security groups family: create, delete and describe groups, describe, authorize and revoke
 * their rules, by EC2's operation names (EC2 API Reference: API_CreateSecurityGroup,
 * API_DeleteSecurityGroup, API_DescribeSecurityGroups, API_DescribeSecurityGroupRules,
 * API_AuthorizeSecurityGroupIngress/Egress, API_RevokeSecurityGroupIngress/Egress,
 * API_ModifySecurityGroupRules, API_UpdateSecurityGroupRuleDescriptionsIngress/Egress). Every VPC's
 * default group is made with the VPC (default-security-group.ts); RunInstances and
 * ModifyInstanceAttribute attach groups to network interfaces; reachability.ts answers who gets in.
 */
import { securityGroupRuleTags } from './rule-tags';
import {
  anyText,
  checkFields,
  type FieldCheck,
  flag,
  id,
  listOf,
  optional,
  region,
  shape,
  tags,
  text,
} from '../import-checks';
import { defineFamily } from '../resource-family';
import { isIpv4Cidr, isIpv6Cidr } from './cidr-blocks';
import {
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  MAX_RULES_PER_DIRECTION,
} from './authorize-rules';
import { createSecurityGroup } from './create-security-group';
import { deleteSecurityGroup } from './delete-security-group';
import { describeSecurityGroupRules } from './describe-security-group-rules';
import { describeSecurityGroups } from './describe-security-groups';
import { modifySecurityGroupRules } from './modify-rules';
import { revokeSecurityGroupEgress, revokeSecurityGroupIngress } from './revoke-rules';
import {
  updateSecurityGroupRuleDescriptionsEgress,
  updateSecurityGroupRuleDescriptionsIngress,
} from './rule-descriptions';
import { SECURITY_GROUPS } from './security-group-record';

const port = (v: unknown) => Number.isInteger(v) && (v as number) >= -1 && (v as number) <= 65535;
const protocol = (v: unknown) =>
  typeof v === 'string' &&
  (['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(v) || (/^\d{1,3}$/.test(v) && Number(v) <= 255));
const ipv4Cidr = (v: unknown) => typeof v === 'string' && isIpv4Cidr(v);
const ipv6Cidr = (v: unknown) => typeof v === 'string' && isIpv6Cidr(v);

const rule = shape({
  ruleId: id('sgr'),
  egress: flag,
  protocol,
  fromPort: port,
  toPort: port,
  cidrIpv4: optional(ipv4Cidr),
  cidrIpv6: optional(ipv6Cidr),
  referencedGroupId: optional(id('sg')),
  description: optional(anyText),
  tags,
});
/** Exactly one peer per rule, and at most 60 rules each way. */
const rules: FieldCheck = (v, catalog) => {
  if (!Array.isArray(v) || !listOf(rule, 2 * MAX_RULES_PER_DIRECTION)(v, catalog)) return false;
  const peers = (r: Record<string, unknown>) =>
    [r.cidrIpv4, r.cidrIpv6, r.referencedGroupId].filter((p) => p !== undefined).length;
  return (
    (v as Record<string, unknown>[]).every((r) => peers(r) === 1) &&
    [true, false].every(
      (egress) => v.filter((r: { egress: boolean }) => r.egress === egress).length <= MAX_RULES_PER_DIRECTION,
    )
  );
};

export const SECURITY_GROUPS_FAMILY = defineFamily({
  name: 'security-groups',
  collection: SECURITY_GROUPS,
  importCheck: checkFields({
    groupId: id('sg'),
    region,
    vpcId: id('vpc'),
    groupName: text,
    description: text,
    ownerId: text,
    rules,
    tags,
  }),
  activityIdKeys: ['GroupId', 'GroupIds', 'SecurityGroupIds', 'SecurityGroupRuleIds'],
  createdIdKey: 'GroupId',
  nestedTaggables: (ctx) => [securityGroupRuleTags(ctx)],
  handlers: {
    CreateSecurityGroup: createSecurityGroup,
    DeleteSecurityGroup: deleteSecurityGroup,
    DescribeSecurityGroups: describeSecurityGroups,
    DescribeSecurityGroupRules: describeSecurityGroupRules,
    AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
    AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
    RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
    RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
    ModifySecurityGroupRules: modifySecurityGroupRules,
    UpdateSecurityGroupRuleDescriptionsIngress: updateSecurityGroupRuleDescriptionsIngress,
    UpdateSecurityGroupRuleDescriptionsEgress: updateSecurityGroupRuleDescriptionsEgress,
  },
});
