/**
 * The gate: can traffic of protocol P to port N from address A reach instance I? Answers
 * `{ allowed: true }` or `{ allowed: false, reasons }` with every reason that blocks it, in order:
 * the instance is not running, or still booting (its status checks have not passed); it has no
 * public IPv4 address while A is outside its VPC; its subnet's route table (the explicit
 * association, else the VPC's main table) has no active route covering A to an internet gateway
 * attached to the VPC; its subnet's network ACL denies the packet inbound, or denies the reply
 * outbound (ACLs are stateless: the reply goes to the client's ephemeral port and is judged on its
 * own); no inbound rule of its groups allows P/N from A (naming the groups checked). Security groups
 * are stateful, so outbound rules never block the replies. The order is the packet's path:
 * gateway, route table, network ACL, security group (VPC User Guide: VPC_Internet_Gateway "Enable
 * internet access", VPC_Route_Tables "Route priority", vpc-network-acls, security-group-rules
 * "Security groups are stateful"; traffic inside one subnet passes no network ACL).
 */
import type { EngineContext } from '../context';
import { findInstances } from '../instances/find-instances';
import { statusChecksPassed } from '../instances/instance-lifecycle';
import type { InstanceRecord } from '../instances/instance-record';
import { primaryInterface } from '../instances/instance-view';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from '../network-interfaces/network-interface-record';
import { aclVerdict } from '../network-acls/network-acl-verdict';
import { defaultNetworkAclOf, networkAclOfSubnet } from '../network-acls/new-network-acl';
import { routeTableOfSubnet, routesOf } from '../route-tables/subnet-route-table';
import { SUBNETS, type SubnetRecord } from '../subnets/subnet-record';
import { cidrHasAddress, cidrRange } from '../vpcs/cidr-ranges';
import { VPCS, cidrBlocksOf } from '../vpcs/vpc-record';
import { ipv4InCidr, isIpv4Address } from './cidr-blocks';
import { SECURITY_GROUPS, type SecurityGroupRule } from './security-group-record';

export interface TrafficQuestion {
  instanceId: string;
  /** `tcp`, `udp`, `icmp`, or a protocol number. */
  protocol: string;
  /** The destination port (for ICMP, the type). */
  port: number;
  /** The source IPv4 address. */
  source: string;
}

export type ReachabilityReason =
  | { code: 'instance-not-running'; state: string; message: string }
  | { code: 'instance-booting'; message: string }
  | { code: 'no-public-ip'; message: string }
  | { code: 'no-route-to-internet-gateway'; routeTableId?: string; message: string }
  | { code: 'network-acl-inbound' | 'network-acl-outbound'; networkAclId: string; rule: string; message: string }
  | { code: 'no-inbound-rule'; groups: { groupId: string; groupName: string }[]; message: string };

export type Reachability = { allowed: true } | { allowed: false; reasons: ReachabilityReason[] };

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
const PROTOCOL_NAMES: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58' };
/**
 * The client's port a reply goes back to: the start of IANA's ephemeral range (49152–65535), inside
 * the 1024–65535 the VPC User Guide tells learners to allow outbound (nacl-ephemeral-ports).
 */
export const CLIENT_EPHEMERAL_PORT = 49152;
/** ICMP echo request (8) is answered by an echo reply (0). */
const ECHO_REQUEST = 8;

export function reachability(ctx: EngineContext, region: string, question: TrafficQuestion): Reachability {
  const [instance] = findInstances(ctx, region, [question.instanceId]);
  const record = instance!;
  const protocol = PROTOCOL_NUMBERS[question.protocol] ?? question.protocol.toLowerCase();
  const reasons: ReachabilityReason[] = [];
  if (record.state !== 'running') {
    reasons.push({
      code: 'instance-not-running',
      state: record.state,
      message: `Instance ${record.instanceId} is ${record.state}, not running.`,
    });
  } else if (!statusChecksPassed(record)) {
    reasons.push({
      code: 'instance-booting',
      message: `Instance ${record.instanceId} is still booting: its status checks have not passed yet.`,
    });
  }
  const eni = record.state === 'terminated' ? undefined : primaryInterface(ctx, record);
  const vpc = ctx.records(VPCS).getInRegion(region, record.vpcId);
  const fromInside =
    vpc !== undefined &&
    isIpv4Address(question.source) &&
    cidrBlocksOf(vpc).some((cidr) => ipv4InCidr(question.source, cidr));
  if (!fromInside && !eni?.publicIp) {
    reasons.push({
      code: 'no-public-ip',
      message: `Instance ${record.instanceId} has no public IPv4 address, so ${question.source} (outside its VPC) cannot reach it.`,
    });
  }
  const subnet = ctx.records(SUBNETS).getInRegion(region, record.subnetId);
  if (subnet) {
    if (!fromInside) {
      const blocked = routeReason(ctx, region, subnet, question.source);
      if (blocked) reasons.push(blocked);
    }
    if (!(isIpv4Address(question.source) && cidrHasAddress(subnet.cidrBlock, question.source))) {
      reasons.push(...aclReasons(ctx, region, subnet, protocol, question));
    }
  }
  const groups = eni?.groups ?? [];
  if (!allowedByGroups(ctx, region, record, eni, protocol, question, fromInside)) {
    const names = groups.map((g) => `${g.groupId} (${g.groupName})`).join(', ');
    reasons.push({
      code: 'no-inbound-rule',
      groups: groups.map((g) => ({ ...g })),
      message: `No inbound rule allows ${protocol.toUpperCase()} port ${question.port} from ${question.source} in ${
        names ? `security groups ${names}` : 'any security group (it has none)'
      }.`,
    });
  }
  return reasons.length ? { allowed: false, reasons } : { allowed: true };
}

function allowedByGroups(
  ctx: EngineContext,
  region: string,
  instance: InstanceRecord,
  eni: NetworkInterfaceRecord | undefined,
  protocol: string,
  question: TrafficQuestion,
  fromInside: boolean,
): boolean {
  if (!eni) return false;
  const records = ctx.records(SECURITY_GROUPS);
  return eni.groups.some((attached) => {
    const group = records.getInRegion(region, attached.groupId);
    return (group?.rules ?? []).some(
      (rule) =>
        !rule.egress &&
        matchesTraffic(rule, protocol, question.port) &&
        matchesSource(ctx, region, instance, rule, question.source, fromInside),
    );
  });
}

function matchesTraffic(rule: SecurityGroupRule, protocol: string, port: number): boolean {
  if (rule.protocol === '-1') return true;
  if (rule.protocol !== protocol) return false;
  if (protocol === 'tcp' || protocol === 'udp') return port >= rule.fromPort && port <= rule.toPort;
  if (protocol === 'icmp' || protocol === 'icmpv6') return rule.fromPort === -1 || rule.fromPort === port;
  return true;
}

/**
 * A CIDR peer matches an address in it; a group peer matches traffic from the private address of
 * an interface in that group, in the same VPC (VPC User Guide: security-group-rules, "Security
 * group referencing" — traffic through public addresses does not match a group reference).
 */
function matchesSource(
  ctx: EngineContext,
  region: string,
  instance: InstanceRecord,
  rule: SecurityGroupRule,
  source: string,
  fromInside: boolean,
): boolean {
  if (rule.cidrIpv4) return isIpv4Address(source) && ipv4InCidr(source, rule.cidrIpv4);
  if (rule.referencedGroupId && fromInside) {
    return ctx
      .records(NETWORK_INTERFACES)
      .inRegion(region)
      .some(
        (other) =>
          other.vpcId === instance.vpcId &&
          other.privateIpAddress === source &&
          other.groups.some((g) => g.groupId === rule.referencedGroupId),
      );
  }
  return false;
}

/** The subnet's route table must send traffic for `source` (its most specific route) to an attached gateway. */
function routeReason(
  ctx: EngineContext,
  region: string,
  subnet: SubnetRecord,
  source: string,
): ReachabilityReason | undefined {
  const table = routeTableOfSubnet(ctx, region, subnet);
  if (!table) {
    return {
      code: 'no-route-to-internet-gateway',
      message: `Subnet ${subnet.subnetId} has no route table, so no route to an internet gateway.`,
    };
  }
  const covering = isIpv4Address(source)
    ? routesOf(ctx, table)
        .filter((route) => cidrHasAddress(route.destinationCidrBlock, source))
        .sort((a, b) => cidrRange(b.destinationCidrBlock)!.bits - cidrRange(a.destinationCidrBlock)!.bits)[0]
    : undefined;
  if (covering && covering.gatewayId.startsWith('igw-') && covering.state === 'active') return undefined;
  const which = `Route table ${table.routeTableId} of subnet ${subnet.subnetId}`;
  return {
    code: 'no-route-to-internet-gateway',
    routeTableId: table.routeTableId,
    message:
      covering && covering.gatewayId.startsWith('igw-')
        ? `${which} routes ${covering.destinationCidrBlock} to ${covering.gatewayId}, which is not attached to ${subnet.vpcId} (blackhole), so replies to ${source} cannot leave the VPC.`
        : `${which} has no route to an internet gateway for ${source} (add 0.0.0.0/0 → an internet gateway attached to ${subnet.vpcId}).`,
  };
}

/** The subnet's network ACL must allow the packet in and, separately, its reply out (ACLs are stateless). */
function aclReasons(
  ctx: EngineContext,
  region: string,
  subnet: SubnetRecord,
  protocol: string,
  question: TrafficQuestion,
): ReachabilityReason[] {
  const acl = networkAclOfSubnet(ctx, region, subnet.subnetId) ?? defaultNetworkAclOf(ctx, region, subnet.vpcId);
  if (!acl || !isIpv4Address(question.source)) return [];
  const number = PROTOCOL_NAMES[protocol] ?? protocol;
  const label = protocol.toUpperCase();
  const replyPort = number === '1' ? (question.port === ECHO_REQUEST ? 0 : question.port) : CLIENT_EPHEMERAL_PORT;
  const reasons: ReachabilityReason[] = [];
  const inbound = aclVerdict(acl, {
    egress: false,
    protocol: number,
    port: question.port,
    remoteAddress: question.source,
  });
  const which = `Network ACL ${acl.networkAclId} of subnet ${subnet.subnetId}`;
  if (!inbound.allowed) {
    reasons.push({
      code: 'network-acl-inbound',
      networkAclId: acl.networkAclId,
      rule: inbound.rule,
      message: `${which} denies inbound ${label} ${number === '1' ? 'type' : 'port'} ${question.port} from ${question.source} (rule ${inbound.rule}).`,
    });
  }
  const outbound = aclVerdict(acl, { egress: true, protocol: number, port: replyPort, remoteAddress: question.source });
  if (!outbound.allowed) {
    reasons.push({
      code: 'network-acl-outbound',
      networkAclId: acl.networkAclId,
      rule: outbound.rule,
      message: `${which} denies the reply outbound to ${question.source} on ${label} ${number === '1' ? 'type' : 'port'} ${replyPort} (rule ${outbound.rule}): network ACLs are stateless, so replies need an outbound rule too.`,
    });
  }
  return reasons;
}
