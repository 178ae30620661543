/**
 * ModifySubnetAttribute: `MapPublicIpOnLaunch`, whether instances launched into the subnet get a
 * public IPv4 address; the other attributes are not simulated. EC2 API Reference:
 * API_ModifySubnetAttribute; VPC User Guide: subnet-public-ip ("Modify the public IPv4 addressing
 * attribute for your subnet").
 */
import type { ModifySubnetAttributeRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { SUBNETS } from './subnet-record';

export function modifySubnetAttribute(
  ctx: EngineContext,
  region: string,
  request: ModifySubnetAttributeRequest,
): Record<string, never> {
  refuseUnsimulated('ModifySubnetAttribute', request, ['SubnetId', 'MapPublicIpOnLaunch']);
  if (!request.SubnetId) throw errors.missingParameter('SubnetId');
  const [subnet] = findRecords(ctx, region, SUBNETS, [request.SubnetId]);
  const value = request.MapPublicIpOnLaunch?.Value;
  if (value === undefined) throw errors.invalidParameterCombination('No attributes specified.');
  ctx.records(SUBNETS).touch(subnet!.subnetId).mapPublicIpOnLaunch = value;
  ctx.changed(region, 'subnet', subnet!.subnetId);
  return {};
}
