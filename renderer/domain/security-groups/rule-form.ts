/**
 * The rules editor's rows and their inline checks (the engine checks again and answers AWS's
 * InvalidParameterValue if something slips through): a port or port range 0–65535, an IPv4 CIDR
 * block. A row becomes an IpPermission for AuthorizeSecurityGroupIngress/Egress.
 * VPC User Guide: security-group-rules; EC2 API Reference: IpPermission.
 */
import type { IpPermission, SecurityGroupRule } from '@aws-sdk/client-ec2';
import { ruleType, typeOf, type RuleTypeId } from './rule-types';

export type SourceKind = 'custom' | 'anywhere' | 'my-ip';

export interface RuleRow {
  /** The rule id of an existing rule; absent for a new row. */
  ruleId?: string;
  type: RuleTypeId;
  /** Typed by the learner for Custom TCP/UDP: "22" or "1024-2048". */
  portRange: string;
  source: SourceKind;
  cidr: string;
  description: string;
}

export interface RowErrors {
  port?: boolean;
  cidr?: boolean;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR = new RegExp(`^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?\\d)$`);

export function isIpv4Cidr(text: string): boolean {
  return CIDR.test(text.trim());
}

/** "22" → [22, 22]; "1024-2048" → [1024, 2048]; undefined when not a valid range in 0–65535. */
export function parsePortRange(text: string): [number, number] | undefined {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from > 65535 || to > 65535 || from > to) return undefined;
  return [from, to];
}

export function newRow(type: RuleTypeId = 'ssh', source: SourceKind = 'custom', cidr = ''): RuleRow {
  const fixed = ruleType(type);
  return {
    type,
    portRange: fixed.fromPort !== undefined ? portText(fixed.fromPort, fixed.toPort!) : '',
    source,
    cidr,
    description: '',
  };
}

function portText(from: number, to: number): string {
  if (from === -1) return 'All';
  return from === to ? String(from) : `${from}-${to}`;
}

/** An existing rule as an editor row. */
export function rowOf(rule: SecurityGroupRule, myIp: string | undefined): RuleRow {
  const type = typeOf(rule.IpProtocol ?? '-1', rule.FromPort, rule.ToPort);
  const cidr = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupInfo?.GroupId ?? rule.PrefixListId ?? '';
  const source: SourceKind = cidr === '0.0.0.0/0' ? 'anywhere' : myIp && cidr === `${myIp}/32` ? 'my-ip' : 'custom';
  return {
    ruleId: rule.SecurityGroupRuleId,
    type: type.id,
    portRange: portText(rule.FromPort ?? -1, rule.ToPort ?? -1),
    source,
    cidr,
    description: rule.Description ?? '',
  };
}

/** Choosing a Type fills the port range (or clears it for Custom TCP/UDP). */
export function withType(row: RuleRow, type: RuleTypeId): RuleRow {
  const fixed = ruleType(type);
  return { ...row, type, portRange: fixed.fromPort !== undefined ? portText(fixed.fromPort, fixed.toPort!) : '' };
}

/** Choosing a Source fills the CIDR: 0.0.0.0/0 for Anywhere-IPv4, <My IP>/32 for My IP. */
export function withSource(row: RuleRow, source: SourceKind, myIp: string | undefined): RuleRow {
  const cidr = source === 'anywhere' ? '0.0.0.0/0' : source === 'my-ip' ? (myIp ? `${myIp}/32` : '') : '';
  return { ...row, source, cidr };
}

export function rowErrors(row: RuleRow): RowErrors {
  const errors: RowErrors = {};
  if (ruleType(row.type).fromPort === undefined && !parsePortRange(row.portRange)) errors.port = true;
  const isGroup = row.cidr.startsWith('sg-') || row.cidr.startsWith('pl-') || row.cidr.includes(':');
  if (!isGroup && !isIpv4Cidr(row.cidr)) errors.cidr = true;
  return errors;
}

export function rowsValid(rows: RuleRow[]): boolean {
  return rows.every((row) => Object.keys(rowErrors(row)).length === 0);
}

/** 22 or 3389 open to 0.0.0.0/0: the console warns. */
export function opensAdminPortToAnywhere(row: RuleRow): boolean {
  if (row.cidr.trim() !== '0.0.0.0/0') return false;
  const fixed = ruleType(row.type);
  if (fixed.protocol === '-1') return true;
  if (fixed.protocol !== 'tcp') return false;
  const range = fixed.fromPort !== undefined ? [fixed.fromPort, fixed.toPort!] : parsePortRange(row.portRange);
  return range !== undefined && [22, 3389].some((port) => port >= range[0]! && port <= range[1]!);
}

/** The row as EC2's IpPermission. */
export function toPermission(row: RuleRow): IpPermission {
  const fixed = ruleType(row.type);
  const [fromPort, toPort] =
    fixed.fromPort !== undefined ? [fixed.fromPort, fixed.toPort!] : (parsePortRange(row.portRange) ?? [0, 0]);
  const description = row.description.trim() || undefined;
  const cidr = row.cidr.trim();
  const permission: IpPermission = { IpProtocol: fixed.protocol };
  if (fixed.protocol !== '-1') Object.assign(permission, { FromPort: fromPort, ToPort: toPort });
  if (cidr.startsWith('sg-')) permission.UserIdGroupPairs = [{ GroupId: cidr, Description: description }];
  else if (cidr.startsWith('pl-')) permission.PrefixListIds = [{ PrefixListId: cidr, Description: description }];
  else if (cidr.includes(':')) permission.Ipv6Ranges = [{ CidrIpv6: cidr, Description: description }];
  else permission.IpRanges = [{ CidrIp: cidr, Description: description }];
  return permission;
}

/** Whether an edited existing row still says what its rule says (else it is revoked and authorized anew). */
export function unchanged(row: RuleRow, original: RuleRow): boolean {
  return (
    row.type === original.type &&
    row.portRange === original.portRange &&
    row.cidr.trim() === original.cidr &&
    row.description.trim() === original.description
  );
}
