/**
 * The network ACLs family: every VPC's default ACL (allow all, both ways), custom ACLs, their
 * numbered entries and their subnet associations (EC2 API Reference: API_CreateNetworkAcl,
 * API_DeleteNetworkAcl, API_DescribeNetworkAcls, API_CreateNetworkAclEntry,
 * API_ReplaceNetworkAclEntry, API_DeleteNetworkAclEntry, API_ReplaceNetworkAclAssociation).
 * network-acl-verdict.ts judges a packet, for the reachability gate.
 */
import { checkFields, flag, id, listOf, oneOf, optional, region, shape, tags, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { isIpv4Cidr } from '../security-groups/cidr-blocks';
import { describeNetworkAcls } from './describe-network-acls';
import { createNetworkAclEntry, deleteNetworkAclEntry, replaceNetworkAclEntry } from './network-acl-entries';
import { createNetworkAcl, deleteNetworkAcl, replaceNetworkAclAssociation } from './network-acl-operations';
import { MAX_RULE_NUMBER, NETWORK_ACLS } from './network-acl-record';

const ipv4Cidr = (v: unknown) => typeof v === 'string' && isIpv4Cidr(v);
const integer = (min: number, max: number) => (v: unknown) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const protocol = (v: unknown) => typeof v === 'string' && (v === '-1' || (/^\d{1,3}$/.test(v) && Number(v) <= 255));

const entry = shape({
  ruleNumber: integer(1, MAX_RULE_NUMBER),
  egress: flag,
  protocol,
  ruleAction: oneOf(['allow', 'deny']),
  cidrBlock: ipv4Cidr,
  portRange: optional(shape({ from: integer(0, 65535), to: integer(0, 65535) })),
  icmpTypeCode: optional(shape({ type: integer(-1, 255), code: integer(-1, 255) })),
});

export const NETWORK_ACLS_FAMILY = defineFamily({
  name: 'network-acls',
  collection: NETWORK_ACLS,
  importCheck: checkFields({
    networkAclId: id('acl'),
    region,
    vpcId: id('vpc'),
    isDefault: flag,
    ownerId: text,
    entries: listOf(entry, 80),
    associations: listOf(shape({ associationId: text, subnetId: id('subnet') }), 1000),
    clientToken: optional(text),
    tags,
  }),
  activityIdKeys: ['NetworkAclId', 'NetworkAclIds'],
  handlers: {
    CreateNetworkAcl: createNetworkAcl,
    DeleteNetworkAcl: deleteNetworkAcl,
    DescribeNetworkAcls: describeNetworkAcls,
    CreateNetworkAclEntry: createNetworkAclEntry,
    ReplaceNetworkAclEntry: replaceNetworkAclEntry,
    DeleteNetworkAclEntry: deleteNetworkAclEntry,
    ReplaceNetworkAclAssociation: replaceNetworkAclAssociation,
  },
});
