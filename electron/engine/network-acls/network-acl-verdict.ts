/**
 * What a network ACL decides for one packet: its entries of that direction are read in rule-number
 * order and the first that matches (protocol, port or ICMP type, and the remote address in its CIDR)
 * allows or denies it; none matching, the `*` rule denies it. ACLs are stateless: a reply is a packet
 * of its own, judged by the other direction's entries. VPC User Guide: nacl-rules, vpc-network-acls
 * ("Network ACL basics").
 */
import { cidrHasAddress } from '../vpcs/cidr-ranges';
import { entriesOf } from './describe-network-acls';
import type { NetworkAclEntryRecord, NetworkAclRecord } from './network-acl-record';

export interface Packet {
  egress: boolean;
  /** A protocol number: `6`, `17`, `1` … */
  protocol: string;
  /** The port the packet goes to (TCP, UDP) or its ICMP type. */
  port: number;
  /** The address outside the subnet: the source inbound, the destination outbound. */
  remoteAddress: string;
}

export interface AclVerdict {
  allowed: boolean;
  /** The deciding rule: its number, or `*` for the last rule. */
  rule: string;
}

export function aclVerdict(acl: NetworkAclRecord, packet: Packet): AclVerdict {
  for (const entry of entriesOf(acl)) {
    if (entry.egress !== packet.egress || !matches(entry, packet)) continue;
    return {
      allowed: entry.ruleAction === 'allow',
      rule: entry.ruleNumber === 32767 ? '*' : String(entry.ruleNumber),
    };
  }
  return { allowed: false, rule: '*' };
}

function matches(entry: NetworkAclEntryRecord, packet: Packet): boolean {
  if (!cidrHasAddress(entry.cidrBlock, packet.remoteAddress)) return false;
  if (entry.protocol === '-1') return true;
  if (entry.protocol !== packet.protocol) return false;
  if (entry.portRange) return packet.port >= entry.portRange.from && packet.port <= entry.portRange.to;
  if (entry.icmpTypeCode) return entry.icmpTypeCode.type === -1 || entry.icmpTypeCode.type === packet.port;
  return true;
}
