/**
 * DeleteSubnet. A subnet with network interfaces in it (an instance's, among them) cannot be deleted
 * (`DependencyViolation`: "The subnet '…' has dependencies and cannot be deleted."); it leaves its
 * route table association and its network ACL with it. EC2 API Reference: API_DeleteSubnet.
 */
import type { DeleteSubnetRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { forgetSubnetInNetworkAcls } from '../network-acls/new-network-acl';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { forgetSubnetInRouteTables } from '../route-tables/associations';
import { SUBNETS } from './subnet-record';

export function deleteSubnet(ctx: EngineContext, region: string, request: DeleteSubnetRequest): Record<string, never> {
  if (!request.SubnetId) throw errors.missingParameter('SubnetId');
  const [subnet] = findRecords(ctx, region, SUBNETS, [request.SubnetId]);
  const subnetId = subnet!.subnetId;
  const inUse = ctx
    .records(NETWORK_INTERFACES)
    .inRegion(region)
    .some((eni) => eni.subnetId === subnetId);
  if (inUse) throw errors.hasDependencies('subnet', subnetId);
  forgetSubnetInRouteTables(ctx, region, subnetId);
  forgetSubnetInNetworkAcls(ctx, region, subnetId);
  ctx.records(SUBNETS).delete(subnetId);
  ctx.changed(region, 'subnet', subnetId);
  return {};
}
