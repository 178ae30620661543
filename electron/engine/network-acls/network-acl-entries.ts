/**
 * CreateNetworkAclEntry, ReplaceNetworkAclEntry and DeleteNetworkAclEntry: numbered inbound
 * (`Egress` false) or outbound rules that allow or deny a protocol (by number, or `tcp`, `udp`,
 * `icmp`; `-1` for all), a port range for TCP and UDP, an ICMP type and code, and an IPv4 CIDR. A
 * rule number is unique per direction (`NetworkAclEntryAlreadyExists`), from 1 to 32766.
 * EC2 API Reference: API_CreateNetworkAclEntry, API_ReplaceNetworkAclEntry, API_DeleteNetworkAclEntry;
 * VPC User Guide: nacl-rules.
 */
import type {
  CreateNetworkAclEntryRequest,
  DeleteNetworkAclEntryRequest,
  ReplaceNetworkAclEntryRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { isIpv4Cidr } from '../security-groups/cidr-blocks';
import { MAX_RULE_NUMBER, NETWORK_ACLS, type NetworkAclEntryRecord, type NetworkAclRecord } from './network-acl-record';

const SERVED = [
  'NetworkAclId',
  'RuleNumber',
  'Egress',
  'Protocol',
  'RuleAction',
  'CidrBlock',
  'PortRange',
  'IcmpTypeCode',
  'DryRun',
];
const PROTOCOL_NAMES: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', all: '-1' };

export function createNetworkAclEntry(
  ctx: EngineContext,
  region: string,
  request: CreateNetworkAclEntryRequest,
): Record<string, never> {
  refuseUnsimulated('CreateNetworkAclEntry', request, SERVED);
  const acl = aclOf(ctx, region, request.NetworkAclId);
  const entry = readEntry(request);
  if (acl.entries.some((e) => e.egress === entry.egress && e.ruleNumber === entry.ruleNumber)) {
    throw errors.networkAclEntryExists(entry.ruleNumber);
  }
  ctx.records(NETWORK_ACLS).touch(acl.networkAclId).entries.push(entry);
  ctx.changed(region, 'network-acl', acl.networkAclId);
  return {};
}

export function replaceNetworkAclEntry(
  ctx: EngineContext,
  region: string,
  request: ReplaceNetworkAclEntryRequest,
): Record<string, never> {
  refuseUnsimulated('ReplaceNetworkAclEntry', request, SERVED);
  const acl = aclOf(ctx, region, request.NetworkAclId);
  const entry = readEntry(request);
  const index = entryIndex(acl, entry.ruleNumber, entry.egress);
  ctx.records(NETWORK_ACLS).touch(acl.networkAclId).entries[index] = entry;
  ctx.changed(region, 'network-acl', acl.networkAclId);
  return {};
}

export function deleteNetworkAclEntry(
  ctx: EngineContext,
  region: string,
  request: DeleteNetworkAclEntryRequest,
): Record<string, never> {
  const acl = aclOf(ctx, region, request.NetworkAclId);
  if (request.Egress === undefined) throw errors.missingParameter('Egress');
  const index = entryIndex(acl, ruleNumberOf(request.RuleNumber), request.Egress);
  ctx.records(NETWORK_ACLS).touch(acl.networkAclId).entries.splice(index, 1);
  ctx.changed(region, 'network-acl', acl.networkAclId);
  return {};
}

function aclOf(ctx: EngineContext, region: string, networkAclId: string | undefined): NetworkAclRecord {
  if (!networkAclId) throw errors.missingParameter('NetworkAclId');
  return findRecords(ctx, region, NETWORK_ACLS, [networkAclId])[0]!;
}

function entryIndex(acl: NetworkAclRecord, ruleNumber: number, egress: boolean): number {
  const index = acl.entries.findIndex((e) => e.egress === egress && e.ruleNumber === ruleNumber);
  if (index < 0) throw errors.networkAclEntryNotFound(ruleNumber, egress, acl.networkAclId);
  return index;
}

function ruleNumberOf(value: number | undefined): number {
  if (value === undefined) throw errors.missingParameter('RuleNumber');
  if (!Number.isInteger(value) || value < 1 || value > MAX_RULE_NUMBER) {
    throw errors.invalidParameterValue(
      `Value (${value}) for parameter ruleNumber is invalid. Expected a value between 1 and ${MAX_RULE_NUMBER}.`,
    );
  }
  return value;
}

function readEntry(request: CreateNetworkAclEntryRequest): NetworkAclEntryRecord {
  const ruleNumber = ruleNumberOf(request.RuleNumber);
  if (request.Egress === undefined) throw errors.missingParameter('Egress');
  if (request.Protocol === undefined) throw errors.missingParameter('Protocol');
  if (request.RuleAction === undefined) throw errors.missingParameter('RuleAction');
  if (request.CidrBlock === undefined) throw errors.missingParameter('CidrBlock');
  const protocol = PROTOCOL_NAMES[request.Protocol.toLowerCase()] ?? request.Protocol;
  if (protocol !== '-1' && !(/^\d{1,3}$/.test(protocol) && Number(protocol) <= 255)) {
    throw errors.invalidParameterValue(`Invalid value '${request.Protocol}' for protocol.`);
  }
  if (request.RuleAction !== 'allow' && request.RuleAction !== 'deny') {
    throw errors.invalidParameterValue(
      `Value (${String(request.RuleAction)}) for parameter ruleAction is invalid. Expected: 'allow', 'deny'.`,
    );
  }
  if (!isIpv4Cidr(request.CidrBlock)) throw errors.invalidCidrBlock(request.CidrBlock);
  const entry: NetworkAclEntryRecord = {
    ruleNumber,
    egress: request.Egress,
    protocol,
    ruleAction: request.RuleAction,
    cidrBlock: request.CidrBlock,
  };
  if (protocol === '6' || protocol === '17') {
    const from = request.PortRange?.From;
    const to = request.PortRange?.To;
    if (from === undefined || to === undefined) throw errors.missingParameter('portRange');
    if (!isPort(from) || !isPort(to) || from > to) {
      throw errors.invalidParameterValue(`Invalid port range ${from}-${to}.`);
    }
    entry.portRange = { from, to };
  } else if (protocol === '1') {
    const type = request.IcmpTypeCode?.Type;
    const code = request.IcmpTypeCode?.Code;
    if (type === undefined || code === undefined) throw errors.missingParameter('icmpTypeCode');
    entry.icmpTypeCode = { type, code };
  }
  return entry;
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 65535;
}
