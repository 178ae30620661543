/**
 * Making network ACLs: a VPC's default ACL allows all inbound and all outbound IPv4 traffic (rule
 * 100 each way) and takes every subnet of the VPC that has no other ACL; a custom ACL starts with no
 * entries, so denies everything. Association ids, and finding the ACL of a subnet.
 * VPC User Guide: vpc-network-acls ("Default network ACL", "Custom network ACL"). Callers announce
 * the changes (a default VPC completed at start-up announces none).
 */
import type { EngineContext } from '../context';
import type { Tag } from '../resource-collection';
import { SUBNETS } from '../subnets/subnet-record';
import type { VpcRecord } from '../vpcs/vpc-record';
import { NETWORK_ACLS, type NetworkAclRecord } from './network-acl-record';

export function newNetworkAcl(
  ctx: EngineContext,
  region: string,
  vpcId: string,
  options: { isDefault?: boolean; tags?: Tag[] } = {},
): NetworkAclRecord {
  const networkAclId = ctx.ids.next('acl');
  const allowAll = (egress: boolean) => ({
    ruleNumber: 100,
    egress,
    protocol: '-1',
    ruleAction: 'allow' as const,
    cidrBlock: '0.0.0.0/0',
  });
  const record = ctx.records(NETWORK_ACLS).put(networkAclId, {
    networkAclId,
    region,
    vpcId,
    isDefault: options.isDefault === true,
    ownerId: ctx.accountId(),
    entries: options.isDefault ? [allowAll(false), allowAll(true)] : [],
    associations: [],
    tags: options.tags ?? [],
  });
  return record;
}

export function defaultNetworkAclOf(ctx: EngineContext, region: string, vpcId: string): NetworkAclRecord | undefined {
  return ctx
    .records(NETWORK_ACLS)
    .inRegion(region)
    .find((acl) => acl.vpcId === vpcId && acl.isDefault);
}

/** The VPC's default ACL, made if missing, associated with every subnet of the VPC that has no ACL. */
export function ensureDefaultNetworkAcl(ctx: EngineContext, vpc: VpcRecord): NetworkAclRecord {
  const acl =
    defaultNetworkAclOf(ctx, vpc.region, vpc.vpcId) ?? newNetworkAcl(ctx, vpc.region, vpc.vpcId, { isDefault: true });
  for (const subnet of ctx.records(SUBNETS).inRegion(vpc.region)) {
    if (subnet.vpcId === vpc.vpcId && !networkAclOfSubnet(ctx, vpc.region, subnet.subnetId)) {
      associateWithDefaultAcl(ctx, acl, subnet.subnetId);
    }
  }
  return acl;
}

/** A new subnet joins its VPC's default ACL. */
export function associateWithDefaultAcl(ctx: EngineContext, acl: NetworkAclRecord, subnetId: string): void {
  ctx
    .records(NETWORK_ACLS)
    .touch(acl.networkAclId)
    .associations.push({ associationId: newAclAssociationId(ctx), subnetId });
}

export function newAclAssociationId(ctx: EngineContext): string {
  return `aclassoc-${ctx.ids.hex(17)}`;
}

export function networkAclOfSubnet(ctx: EngineContext, region: string, subnetId: string): NetworkAclRecord | undefined {
  return ctx
    .records(NETWORK_ACLS)
    .inRegion(region)
    .find((acl) => acl.associations.some((a) => a.subnetId === subnetId));
}

/** A deleted subnet leaves its ACL. */
export function forgetSubnetInNetworkAcls(ctx: EngineContext, region: string, subnetId: string): void {
  const acl = networkAclOfSubnet(ctx, region, subnetId);
  if (!acl) return;
  const record = ctx.records(NETWORK_ACLS).touch(acl.networkAclId);
  record.associations = record.associations.filter((a) => a.subnetId !== subnetId);
  ctx.changed(region, 'network-acl', acl.networkAclId);
}
