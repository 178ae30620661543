/**
 * Reading `IpPermissions` into rules, as Authorize* and Revoke* take them, with EC2's validation:
 * protocols by name or number (`tcp`/6, `udp`/17, `icmp`/1, `icmpv6`/58, `-1`/`all`, any other
 * number 0–255 meaning all its ports), TCP/UDP port ranges 0–65535 with both ends given, ICMP type
 * and code (-1 for all), IPv4 and IPv6 CIDRs, and other groups as peers. One rule per peer.
 * EC2 API Reference: API_IpPermission, API_AuthorizeSecurityGroupIngress; VPC User Guide:
 * security-group-rules.
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { isWellFormedId } from '../ids';
import { refuseUnsimulated } from '../not-simulated';
import { isIpv4Cidr, isIpv6Cidr } from './cidr-blocks';
import { SECURITY_GROUPS, groupNamed, type SecurityGroupRecord, type SecurityGroupRule } from './security-group-record';

/** A rule as a request describes it, before it has an id. */
export type RuleSpec = Omit<SecurityGroupRule, 'ruleId' | 'egress' | 'tags'>;

const PROTOCOL_NAMES: Record<string, string> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
  '-1': '-1',
  all: '-1',
};
const MAX_PORT = 65535;
const MAX_DESCRIPTION_LENGTH = 255;

/** Every rule the permissions name, one per peer, for `group`. */
export function readPermissions(
  ctx: EngineContext,
  group: SecurityGroupRecord,
  permissions: readonly IpPermission[] | undefined,
  operation: string,
): RuleSpec[] {
  if (!permissions?.length) throw errors.missingParameter('IpPermissions');
  const specs: RuleSpec[] = [];
  for (const permission of permissions) {
    // Prefix lists are not simulated; an empty list (as Describe answers it) names none.
    const { PrefixListIds, ...simulated } = permission;
    if (PrefixListIds?.length) throw errors.notSimulated(operation, 'IpPermissions.PrefixListIds');
    refuseUnsimulated(
      operation,
      simulated,
      ['IpProtocol', 'FromPort', 'ToPort', 'IpRanges', 'Ipv6Ranges', 'UserIdGroupPairs'],
      'IpPermissions.',
    );
    const ports = readProtocolAndPorts(permission);
    const peers: Omit<RuleSpec, 'protocol' | 'fromPort' | 'toPort'>[] = [];
    for (const range of permission.IpRanges ?? []) {
      const cidr = range.CidrIp ?? '';
      if (!isIpv4Cidr(cidr)) throw errors.invalidParameterValue(`CIDR block ${cidr} is malformed`);
      peers.push({ cidrIpv4: cidr, description: ruleDescription(range.Description) });
    }
    for (const range of permission.Ipv6Ranges ?? []) {
      const cidr = range.CidrIpv6 ?? '';
      if (!isIpv6Cidr(cidr)) throw errors.invalidParameterValue(`CIDR block ${cidr} is malformed`);
      peers.push({ cidrIpv6: cidr.toLowerCase(), description: ruleDescription(range.Description) });
    }
    for (const pair of permission.UserIdGroupPairs ?? []) {
      refuseUnsimulated(operation, pair, ['GroupId', 'GroupName', 'UserId', 'Description'], 'UserIdGroupPairs.');
      peers.push({
        referencedGroupId: peerGroup(ctx, group, pair.GroupId, pair.GroupName).groupId,
        description: ruleDescription(pair.Description),
      });
    }
    if (!peers.length) {
      throw errors.invalidParameterValue(
        'The request must contain at least one source or destination: IpRanges, Ipv6Ranges or UserIdGroupPairs.',
      );
    }
    for (const peer of peers) specs.push({ ...ports, ...peer });
  }
  return specs;
}

function readProtocolAndPorts(permission: IpPermission): Pick<RuleSpec, 'protocol' | 'fromPort' | 'toPort'> {
  const given = permission.IpProtocol;
  if (given === undefined || given === '') throw errors.missingParameter('IpPermissions.IpProtocol');
  const lower = given.toLowerCase();
  const named = PROTOCOL_NAMES[lower];
  const number = /^\d{1,3}$/.test(lower) && Number(lower) <= 255 ? String(Number(lower)) : undefined;
  const protocol = named ?? (number !== undefined ? (PROTOCOL_NAMES[number] ?? number) : undefined);
  if (protocol === undefined)
    throw errors.invalidParameterValue(`Invalid value '${given}' for IP protocol. Unknown protocol.`);
  const { FromPort: from, ToPort: to } = permission;
  // Messages as EC2 answers them (InvalidParameterValue: "Invalid value 'Must specify both from and
  // to ports with TCP/UDP.' for portRange.", "TCP/UDP port (70000) out of range",
  // "ICMP code (65535) out of range").
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined) {
      throw errors.invalidParameterValue(
        "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
      );
    }
    for (const port of [from, to]) {
      if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
        throw errors.invalidParameterValue(`TCP/UDP port (${port}) out of range`);
      }
    }
    if (from > to) {
      throw errors.invalidParameterValue(
        `Invalid TCP/UDP port range: from port ${from} is greater than to port ${to}.`,
      );
    }
    return { protocol, fromPort: from, toPort: to };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    // FromPort is the ICMP type and ToPort the code, each -1 for all (API_IpPermission).
    const type = from ?? -1;
    const code = to ?? -1;
    if (!Number.isInteger(type) || type < -1 || type > 255) {
      throw errors.invalidParameterValue(`ICMP type (${type}) out of range`);
    }
    if (!Number.isInteger(code) || code < -1 || code > 255) {
      throw errors.invalidParameterValue(`ICMP code (${code}) out of range`);
    }
    if (type === -1 && code !== -1) {
      throw errors.invalidParameterValue(`ICMP code (${code}) out of range: an ICMP code needs an ICMP type`);
    }
    return { protocol, fromPort: type, toPort: code };
  }
  // All protocols (-1) or a protocol without ports: every port (API_IpPermission).
  return { protocol, fromPort: -1, toPort: -1 };
}

/** A rule's description as EC2 takes it: up to 255 characters of its set; empty means none. */
export function ruleDescription(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  if (text.length > MAX_DESCRIPTION_LENGTH || !/^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/.test(text)) {
    throw errors.invalidParameterValue(
      `Invalid rule description. Valid descriptions are strings less than ${MAX_DESCRIPTION_LENGTH + 1} characters from the following set:  a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*`,
    );
  }
  return text;
}

/** The group a rule refers to, by id or (in the group's VPC) by name; it must exist. */
function peerGroup(
  ctx: EngineContext,
  group: SecurityGroupRecord,
  groupId: string | undefined,
  groupName: string | undefined,
): SecurityGroupRecord {
  const records = ctx.records(SECURITY_GROUPS);
  if (groupId !== undefined) {
    if (!isWellFormedId(groupId, 'sg')) throw errors.securityGroupIdMalformed(groupId);
    const peer = records.getInRegion(group.region, groupId);
    if (!peer) throw errors.securityGroupNotFound(groupId);
    return peer;
  }
  if (groupName !== undefined) {
    const peer = groupNamed(records.inRegion(group.region), group.vpcId, groupName);
    if (!peer) throw errors.securityGroupNotFoundInVpc(groupName, group.vpcId, false);
    return peer;
  }
  throw errors.missingParameter('UserIdGroupPairs.GroupId');
}

/** What makes two rules the same rule: protocol, ports and peer (not the description). */
export function ruleKey(rule: RuleSpec): string {
  return [rule.protocol, rule.fromPort, rule.toPort, rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.referencedGroupId].join(
    '|',
  );
}

/** A rule as EC2 names it in `InvalidPermission.Duplicate`: "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW". */
export function ruleText(rule: RuleSpec): string {
  const peer = rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.referencedGroupId;
  const protocol = rule.protocol === '-1' ? 'ALL' : rule.protocol.toUpperCase();
  const ports = rule.protocol === '-1' ? '' : ` from port: ${rule.fromPort}, to port: ${rule.toPort},`;
  return `peer: ${peer}, ${protocol},${ports} ALLOW`;
}
