/**
 * A security group and its rules in AWS's shapes: DescribeSecurityGroups' `SecurityGroup`, whose
 * `IpPermissions` and `IpPermissionsEgress` gather the rules of one protocol and port range into one
 * permission listing every peer, and DescribeSecurityGroupRules' `SecurityGroupRule`, one per rule.
 * EC2 API Reference: API_SecurityGroup, API_IpPermission, API_SecurityGroupRule.
 */
import type { IpPermission, SecurityGroup, SecurityGroupRule as AwsRule } from '@aws-sdk/client-ec2';
import type { SecurityGroupRecord, SecurityGroupRule } from './security-group-record';

export function toSecurityGroup(group: SecurityGroupRecord): SecurityGroup {
  return {
    GroupId: group.groupId,
    GroupName: group.groupName,
    Description: group.description,
    OwnerId: group.ownerId,
    VpcId: group.vpcId,
    IpPermissions: toIpPermissions(group, false),
    IpPermissionsEgress: toIpPermissions(group, true),
    Tags: group.tags.length ? group.tags.map((t) => ({ ...t })) : undefined,
    SecurityGroupArn: `arn:aws:ec2:${group.region}:${group.ownerId}:security-group/${group.groupId}`,
  };
}

/** Inbound or outbound rules gathered by protocol and ports, in the order they were first added. */
export function toIpPermissions(group: SecurityGroupRecord, egress: boolean): IpPermission[] {
  const permissions = new Map<string, IpPermission>();
  for (const rule of group.rules) {
    if (rule.egress !== egress) continue;
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
    let permission = permissions.get(key);
    if (!permission) {
      const hasPorts = ['tcp', 'udp', 'icmp', 'icmpv6'].includes(rule.protocol);
      permission = {
        IpProtocol: rule.protocol,
        FromPort: hasPorts ? rule.fromPort : undefined,
        ToPort: hasPorts ? rule.toPort : undefined,
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      };
      permissions.set(key, permission);
    }
    if (rule.cidrIpv4) permission.IpRanges!.push({ CidrIp: rule.cidrIpv4, Description: rule.description });
    if (rule.cidrIpv6) permission.Ipv6Ranges!.push({ CidrIpv6: rule.cidrIpv6, Description: rule.description });
    if (rule.referencedGroupId) {
      permission.UserIdGroupPairs!.push({
        GroupId: rule.referencedGroupId,
        UserId: group.ownerId,
        Description: rule.description,
      });
    }
  }
  return [...permissions.values()];
}

export function toSecurityGroupRule(group: SecurityGroupRecord, rule: SecurityGroupRule): AwsRule {
  return {
    SecurityGroupRuleId: rule.ruleId,
    GroupId: group.groupId,
    GroupOwnerId: group.ownerId,
    IsEgress: rule.egress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    CidrIpv4: rule.cidrIpv4,
    CidrIpv6: rule.cidrIpv6,
    ReferencedGroupInfo: rule.referencedGroupId
      ? { GroupId: rule.referencedGroupId, UserId: group.ownerId }
      : undefined,
    Description: rule.description,
    Tags: rule.tags.map((t) => ({ ...t })),
    SecurityGroupRuleArn: `arn:aws:ec2:${group.region}:${group.ownerId}:security-group-rule/${rule.ruleId}`,
  };
}
