/**
 * A network ACL as the engine keeps it: its VPC, whether it is the VPC's default ACL, its numbered
 * inbound and outbound entries (the `*` rule that denies what no entry matched is not stored:
 * every ACL ends with it), and the subnets associated with it. Every subnet is associated with
 * exactly one ACL. VPC User Guide: vpc-network-acls; EC2 API Reference: API_NetworkAcl.
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface NetworkAclEntryRecord {
  ruleNumber: number;
  egress: boolean;
  /** A protocol number (`6` TCP, `17` UDP, `1` ICMP …) or `-1` for all. */
  protocol: string;
  ruleAction: 'allow' | 'deny';
  cidrBlock: string;
  /** TCP and UDP: the ports it covers. */
  portRange?: { from: number; to: number };
  /** ICMP: the type and code it covers (-1 for all). */
  icmpTypeCode?: { type: number; code: number };
}

export interface NetworkAclAssociationRecord {
  associationId: string;
  subnetId: string;
}

export interface NetworkAclRecord {
  networkAclId: string;
  region: string;
  vpcId: string;
  isDefault: boolean;
  ownerId: string;
  entries: NetworkAclEntryRecord[];
  associations: NetworkAclAssociationRecord[];
  clientToken?: string;
  tags: Tag[];
}

export const NETWORK_ACLS = defineCollection<NetworkAclRecord>({
  name: 'network-acls',
  regionOf: (r) => r.region,
  idOf: (r) => r.networkAclId,
  idPrefix: 'acl',
  notFound: errors.networkAclIdNotFound,
  tagResourceType: 'network-acl',
  kind: 'network-acl',
});

/** The rule number of the last rule, which denies what no numbered entry matched. */
export const CATCH_ALL_RULE_NUMBER = 32767;
/** Numbered entries run from 1 to 32766 (API_CreateNetworkAclEntry). */
export const MAX_RULE_NUMBER = 32766;
