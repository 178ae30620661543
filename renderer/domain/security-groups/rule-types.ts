/**
 * The rule types of the console's security group rules editor (Type column): each fixes the
 * protocol and port range, or leaves the port range (Custom TCP/UDP) to the learner. The console
 * names a rule by the first type that matches its protocol and ports.
 * EC2 User Guide: security-group-rules-reference.
 */
import type { SecurityGroupRule } from '@aws-sdk/client-ec2';

export type RuleTypeId =
  | 'custom-tcp'
  | 'custom-udp'
  | 'all-tcp'
  | 'all-udp'
  | 'all-icmp'
  | 'all-traffic'
  | 'ssh'
  | 'http'
  | 'https'
  | 'rdp'
  | 'mysql'
  | 'postgresql'
  | 'dns-udp'
  | 'dns-tcp';

export interface RuleType {
  id: RuleTypeId;
  /** The console's label (AWS names these in English in every language). */
  label: string;
  /** '-1' for all traffic. */
  protocol: 'tcp' | 'udp' | 'icmp' | '-1';
  /** Fixed ports; absent when the learner types the port range. */
  fromPort?: number;
  toPort?: number;
}

export const RULE_TYPES: readonly RuleType[] = [
  { id: 'custom-tcp', label: 'Custom TCP', protocol: 'tcp' },
  { id: 'custom-udp', label: 'Custom UDP', protocol: 'udp' },
  { id: 'all-tcp', label: 'All TCP', protocol: 'tcp', fromPort: 0, toPort: 65535 },
  { id: 'all-udp', label: 'All UDP', protocol: 'udp', fromPort: 0, toPort: 65535 },
  { id: 'all-icmp', label: 'All ICMP - IPv4', protocol: 'icmp', fromPort: -1, toPort: -1 },
  { id: 'all-traffic', label: 'All traffic', protocol: '-1', fromPort: -1, toPort: -1 },
  { id: 'ssh', label: 'SSH', protocol: 'tcp', fromPort: 22, toPort: 22 },
  { id: 'http', label: 'HTTP', protocol: 'tcp', fromPort: 80, toPort: 80 },
  { id: 'https', label: 'HTTPS', protocol: 'tcp', fromPort: 443, toPort: 443 },
  { id: 'rdp', label: 'RDP', protocol: 'tcp', fromPort: 3389, toPort: 3389 },
  { id: 'mysql', label: 'MYSQL/Aurora', protocol: 'tcp', fromPort: 3306, toPort: 3306 },
  { id: 'postgresql', label: 'PostgreSQL', protocol: 'tcp', fromPort: 5432, toPort: 5432 },
  { id: 'dns-udp', label: 'DNS (UDP)', protocol: 'udp', fromPort: 53, toPort: 53 },
  { id: 'dns-tcp', label: 'DNS (TCP)', protocol: 'tcp', fromPort: 53, toPort: 53 },
];

export function ruleType(id: RuleTypeId): RuleType {
  return RULE_TYPES.find((type) => type.id === id)!;
}

/** The type the console shows for a protocol and port range: a named one when it matches, else Custom. */
export function typeOf(protocol: string, fromPort: number | undefined, toPort: number | undefined): RuleType {
  const named = RULE_TYPES.find(
    (type) =>
      type.fromPort !== undefined && type.protocol === protocol && type.fromPort === fromPort && type.toPort === toPort,
  );
  if (named) return named;
  if (protocol === 'udp') return ruleType('custom-udp');
  if (protocol === 'icmp') return ruleType('all-icmp');
  if (protocol === '-1') return ruleType('all-traffic');
  return ruleType('custom-tcp');
}

/** The Protocol column: TCP, UDP, ICMP, All. */
export function protocolLabel(protocol: string | undefined): string {
  if (protocol === '-1') return 'All';
  return (protocol ?? '').toUpperCase();
}

/** The Port range column: 22, 1024 - 2048, All. */
export function portRangeLabel(rule: Pick<SecurityGroupRule, 'IpProtocol' | 'FromPort' | 'ToPort'>): string {
  if (rule.IpProtocol === '-1' || rule.FromPort === -1 || rule.FromPort === undefined) return 'All';
  if (rule.FromPort === 0 && rule.ToPort === 65535) return '0 - 65535';
  return rule.FromPort === rule.ToPort ? String(rule.FromPort) : `${rule.FromPort} - ${rule.ToPort}`;
}

/** The Source (or Destination) column: a CIDR, a group id or a prefix list. */
export function peerLabel(rule: SecurityGroupRule): string {
  return rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupInfo?.GroupId ?? rule.PrefixListId ?? '';
}

export function typeLabelOf(rule: SecurityGroupRule): string {
  return typeOf(rule.IpProtocol ?? '-1', rule.FromPort, rule.ToPort).label;
}
