/**
 * DescribeNetworkAcls: each ACL with its entries (outbound first, each direction by rule number and
 * ending with the `*` rule, 32767, that denies the rest) and its subnet associations, filtered and
 * paged. EC2 API Reference: API_DescribeNetworkAcls, API_NetworkAcl, API_NetworkAclEntry.
 */
import type {
  DescribeNetworkAclsRequest,
  DescribeNetworkAclsResult,
  NetworkAcl,
  NetworkAclEntry,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import {
  CATCH_ALL_RULE_NUMBER,
  NETWORK_ACLS,
  type NetworkAclEntryRecord,
  type NetworkAclRecord,
} from './network-acl-record';

export function describeNetworkAcls(
  ctx: EngineContext,
  region: string,
  request: DescribeNetworkAclsRequest,
): DescribeNetworkAclsResult {
  const page = describeRecords(ctx, region, NETWORK_ACLS, request.NetworkAclIds, request, {
    filters: {
      'network-acl-id': (acl) => acl.networkAclId,
      'vpc-id': (acl) => acl.vpcId,
      default: (acl) => String(acl.isDefault),
      'owner-id': (acl) => acl.ownerId,
      'association.association-id': (acl) => acl.associations.map((a) => a.associationId),
      'association.network-acl-id': (acl) => (acl.associations.length ? acl.networkAclId : undefined),
      'association.subnet-id': (acl) => acl.associations.map((a) => a.subnetId),
      'entry.rule-number': (acl) => entriesOf(acl).map((e) => String(e.ruleNumber)),
      'entry.protocol': (acl) => entriesOf(acl).map((e) => e.protocol),
      'entry.rule-action': (acl) => entriesOf(acl).map((e) => e.ruleAction),
      'entry.egress': (acl) => entriesOf(acl).map((e) => String(e.egress)),
      'entry.cidr': (acl) => entriesOf(acl).map((e) => e.cidrBlock),
    },
    paging: { min: 5, max: 100, scope: `network-acls:${region}` },
    shape: toNetworkAcl,
  });
  return { NetworkAcls: page.items, NextToken: page.nextToken };
}

/** The ACL's entries in the order they are evaluated, each direction ending with the `*` rule. */
export function entriesOf(acl: NetworkAclRecord): NetworkAclEntryRecord[] {
  const direction = (egress: boolean): NetworkAclEntryRecord[] => [
    ...acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber),
    { ruleNumber: CATCH_ALL_RULE_NUMBER, egress, protocol: '-1', ruleAction: 'deny', cidrBlock: '0.0.0.0/0' },
  ];
  return [...direction(true), ...direction(false)];
}

export function toNetworkAcl(acl: NetworkAclRecord): NetworkAcl {
  return {
    Associations: acl.associations.map((a) => ({
      NetworkAclAssociationId: a.associationId,
      NetworkAclId: acl.networkAclId,
      SubnetId: a.subnetId,
    })),
    Entries: entriesOf(acl).map(toEntry),
    IsDefault: acl.isDefault,
    NetworkAclId: acl.networkAclId,
    Tags: acl.tags.map((t) => ({ ...t })),
    VpcId: acl.vpcId,
    OwnerId: acl.ownerId,
  };
}

function toEntry(e: NetworkAclEntryRecord): NetworkAclEntry {
  return {
    CidrBlock: e.cidrBlock,
    Egress: e.egress,
    Protocol: e.protocol,
    RuleAction: e.ruleAction,
    RuleNumber: e.ruleNumber,
    PortRange: e.portRange && { From: e.portRange.from, To: e.portRange.to },
    IcmpTypeCode: e.icmpTypeCode && { Type: e.icmpTypeCode.type, Code: e.icmpTypeCode.code },
  };
}
