/**
 * A security group as the engine keeps it: its name, description and VPC, and its rules, each with
 * its own `sgr-` id, as EC2 keeps them since security group rule ids exist
 * (VPC User Guide: security-group-rules; EC2 API Reference: API_SecurityGroup, API_SecurityGroupRule).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

/**
 * One rule: a protocol (`tcp`, `udp`, `icmp`, `icmpv6`, `-1` for all, or another protocol number),
 * a port range (ICMP type and code; -1 where the protocol has no ports), and one peer: an IPv4 or
 * IPv6 CIDR or another group.
 */
export interface SecurityGroupRule {
  ruleId: string;
  egress: boolean;
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  referencedGroupId?: string;
  description?: string;
  tags: Tag[];
}

export interface SecurityGroupRecord {
  groupId: string;
  region: string;
  vpcId: string;
  groupName: string;
  description: string;
  ownerId: string;
  rules: SecurityGroupRule[];
  tags: Tag[];
}

/** The name of every VPC's default group (VPC User Guide: default-security-group). */
export const DEFAULT_GROUP_NAME = 'default';

export const SECURITY_GROUPS = defineCollection<SecurityGroupRecord>({
  name: 'security-groups',
  regionOf: (r) => r.region,
  idOf: (r) => r.groupId,
  idPrefix: 'sg',
  malformed: errors.securityGroupIdMalformed,
  notFound: (ids) => errors.securityGroupNotFound(ids[0]!),
  tagResourceType: 'security-group',
  kind: 'security-group',
});

/** The group of a name in a VPC (names are unique per VPC: API_CreateSecurityGroup). */
export function groupNamed(
  records: Iterable<SecurityGroupRecord>,
  vpcId: string,
  groupName: string,
): SecurityGroupRecord | undefined {
  for (const record of records) if (record.vpcId === vpcId && record.groupName === groupName) return record;
  return undefined;
}

/** A VPC's default group, once made. */
export function defaultGroupOf(records: Iterable<SecurityGroupRecord>, vpcId: string): SecurityGroupRecord | undefined {
  return groupNamed(records, vpcId, DEFAULT_GROUP_NAME);
}
