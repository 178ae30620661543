/**
 * DeleteVpc. Everything in the VPC must go first: its subnets (and so its instances and network
 * interfaces), an attached internet gateway, route tables other than the main one, network ACLs
 * other than the default one, and security groups other than the default one; otherwise it is
 * `DependencyViolation` ("The vpc '…' has dependencies and cannot be deleted."). The main route
 * table, the default ACL and the default security group go with it. A deleted default VPC stays
 * deleted until CreateDefaultVpc.
 * EC2 API Reference: API_DeleteVpc; VPC User Guide: delete-vpc.
 */
import type { DeleteVpcRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INTERNET_GATEWAYS } from '../internet-gateways/internet-gateway-record';
import { NETWORK_ACLS } from '../network-acls/network-acl-record';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { ROUTE_TABLES, isMainTable } from '../route-tables/route-table-record';
import { DEFAULT_GROUP_NAME, SECURITY_GROUPS } from '../security-groups/security-group-record';
import { SUBNETS } from '../subnets/subnet-record';
import { setDefaultVpcDeleted } from './default-vpc';
import { VPCS } from './vpc-record';

export function deleteVpc(ctx: EngineContext, region: string, request: DeleteVpcRequest): Record<string, never> {
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const vpcId = vpc!.vpcId;
  const inVpc = <T extends { vpcId?: string }>(records: T[]) => records.filter((r) => r.vpcId === vpcId);
  const tables = inVpc(ctx.records(ROUTE_TABLES).inRegion(region));
  const acls = inVpc(ctx.records(NETWORK_ACLS).inRegion(region));
  const groups = inVpc(ctx.records(SECURITY_GROUPS).inRegion(region));
  const dependent =
    inVpc(ctx.records(SUBNETS).inRegion(region)).length > 0 ||
    inVpc(ctx.records(NETWORK_INTERFACES).inRegion(region)).length > 0 ||
    inVpc(ctx.records(INTERNET_GATEWAYS).inRegion(region)).length > 0 ||
    tables.some((t) => !isMainTable(t)) ||
    acls.some((a) => !a.isDefault) ||
    groups.some((g) => g.groupName !== DEFAULT_GROUP_NAME);
  if (dependent) throw errors.hasDependencies('vpc', vpcId);
  for (const table of tables) {
    ctx.records(ROUTE_TABLES).delete(table.routeTableId);
    ctx.changed(region, 'route-table', table.routeTableId);
  }
  for (const acl of acls) {
    ctx.records(NETWORK_ACLS).delete(acl.networkAclId);
    ctx.changed(region, 'network-acl', acl.networkAclId);
  }
  for (const group of groups) {
    ctx.records(SECURITY_GROUPS).delete(group.groupId);
    ctx.changed(region, 'security-group', group.groupId);
  }
  ctx.records(VPCS).delete(vpcId);
  if (vpc!.isDefault) setDefaultVpcDeleted(ctx, region, true);
  ctx.changed(region, 'vpc', vpcId);
  return {};
}
