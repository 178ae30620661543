/**
 * CreateDefaultVpc: makes the region's default VPC again after the learner deleted it — 172.31.0.0/16,
 * a default subnet per zone, internet gateway, main route table, default ACL and security group —
 * and refuses while one exists (`DefaultVpcAlreadyExists`). EC2 API Reference: API_CreateDefaultVpc;
 * VPC User Guide: default-vpc ("Create a default VPC").
 */
import type { CreateDefaultVpcRequest, CreateDefaultVpcResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { refuseUnsimulated } from '../not-simulated';
import { defaultVpcDeleted, ensureDefaultVpc, setDefaultVpcDeleted } from './default-vpc';
import { toVpc } from './describe-vpcs';

export function createDefaultVpc(
  ctx: EngineContext,
  region: string,
  request: CreateDefaultVpcRequest,
): CreateDefaultVpcResult {
  refuseUnsimulated('CreateDefaultVpc', request, ['DryRun']);
  if (!defaultVpcDeleted(ctx, region)) throw errors.defaultVpcAlreadyExists();
  setDefaultVpcDeleted(ctx, region, false);
  const { vpc, subnets } = ensureDefaultVpc(ctx, region);
  ctx.changed(region, 'vpc', vpc.vpcId);
  for (const subnet of subnets) ctx.changed(region, 'subnet', subnet.subnetId);
  return { Vpc: toVpc(ctx, vpc, ctx.accountId()) };
}
