/**
 * The gate: can traffic of protocol P to port N from address A reach instance I? Answers
 * `{ allowed: true }` or `{ allowed: false, reasons }` with every reason that blocks it, in order:
 * the instance is not running, or still booting (its status checks have not passed); it has no
 * public IPv4 address while A is outside its VPC; no inbound rule of its groups allows P/N from A
 * (naming the groups checked). Security groups are stateful, so outbound rules never block the
 * replies (VPC User Guide: security-group-rules, "Security groups are stateful").
 * Route tables and internet gateways are not checked yet: the lab's VPC networking comes later,
 * and every default VPC has its route to an internet gateway.
 */
import type { EngineContext } from '../context';
import { findInstances } from '../instances/find-instances';
import { statusChecksPassed } from '../instances/instance-lifecycle';
import type { InstanceRecord } from '../instances/instance-record';
import { primaryInterface } from '../instances/instance-view';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from '../network-interfaces/network-interface-record';
import { VPCS } from '../vpcs/vpc-record';
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
  | { code: 'no-inbound-rule'; groups: { groupId: string; groupName: string }[]; message: string };

export type Reachability = { allowed: true } | { allowed: false; reasons: ReachabilityReason[] };

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

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
  const vpcCidr = ctx.records(VPCS).getInRegion(region, record.vpcId)?.cidrBlock;
  const fromInside = vpcCidr !== undefined && isIpv4Address(question.source) && ipv4InCidr(question.source, vpcCidr);
  if (!fromInside && !eni?.publicIp) {
    reasons.push({
      code: 'no-public-ip',
      message: `Instance ${record.instanceId} has no public IPv4 address, so ${question.source} (outside its VPC) cannot reach it.`,
    });
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
