/**
 * DescribeSecurityGroups: by GroupIds (each must exist), by GroupNames (in the default VPC, as EC2
 * takes names), filtered — including `ip-permission.*` and `egress.ip-permission.*`, which match a
 * group when any of its inbound (outbound) rules matches — and paged.
 * EC2 API Reference: API_DescribeSecurityGroups.
 */
import type { DescribeSecurityGroupsRequest, DescribeSecurityGroupsResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { findRecords } from '../find-records';
import { requireDefaultVpc } from '../vpcs/default-vpc';
import { SECURITY_GROUPS, type SecurityGroupRecord, type SecurityGroupRule } from './security-group-record';
import { toSecurityGroup } from './security-group-view';

export function describeSecurityGroups(
  ctx: EngineContext,
  region: string,
  request: DescribeSecurityGroupsRequest,
): DescribeSecurityGroupsResult {
  const items = request.GroupIds?.length
    ? findRecords(ctx, region, SECURITY_GROUPS, request.GroupIds)
    : ctx.records(SECURITY_GROUPS).inRegion(region);
  const defaultVpcId = request.GroupNames?.length
    ? requireDefaultVpc(ctx, region, 'GroupName is only supported for EC2-Classic and default VPC.').vpc.vpcId
    : '';
  const page = describeItems(items, request, {
    named: {
      ids: request.GroupNames,
      idOf: (g) => g.groupName,
      find: (name) => items.find((g) => g.vpcId === defaultVpcId && g.groupName === name),
      notFound: (names) => errors.securityGroupNotFoundInVpc(names[0]!, defaultVpcId, true),
    },
    filters: groupFilters(ctx, region),
    tagsOf: (g) => g.tags,
    paging: { min: 5, max: 1000, scope: 'DescribeSecurityGroups' },
    shape: toSecurityGroup,
  });
  return { SecurityGroups: page.items, NextToken: page.nextToken };
}

function groupFilters(ctx: EngineContext, region: string): FilterFields<SecurityGroupRecord> {
  const nameOf = (groupId: string | undefined) =>
    groupId === undefined ? undefined : ctx.records(SECURITY_GROUPS).getInRegion(region, groupId)?.groupName;
  const ruleFilters = (prefix: string, egress: boolean): FilterFields<SecurityGroupRecord> => {
    const rules = (g: SecurityGroupRecord): SecurityGroupRule[] => g.rules.filter((r) => r.egress === egress);
    return {
      [`${prefix}.protocol`]: (g) => rules(g).map((r) => r.protocol),
      [`${prefix}.from-port`]: (g) => rules(g).map((r) => r.fromPort),
      [`${prefix}.to-port`]: (g) => rules(g).map((r) => r.toPort),
      [`${prefix}.cidr`]: (g) => rules(g).map((r) => r.cidrIpv4),
      [`${prefix}.ipv6-cidr`]: (g) => rules(g).map((r) => r.cidrIpv6),
      [`${prefix}.group-id`]: (g) => rules(g).map((r) => r.referencedGroupId),
      [`${prefix}.group-name`]: (g) => rules(g).map((r) => nameOf(r.referencedGroupId)),
      [`${prefix}.user-id`]: (g) => rules(g).map((r) => (r.referencedGroupId ? g.ownerId : undefined)),
    };
  };
  return {
    'group-id': (g) => g.groupId,
    'group-name': (g) => g.groupName,
    'vpc-id': (g) => g.vpcId,
    description: (g) => g.description,
    'owner-id': (g) => g.ownerId,
    ...ruleFilters('ip-permission', false),
    ...ruleFilters('egress.ip-permission', true),
  };
}
