/**
 * AssociateVpcCidrBlock and DisassociateVpcCidrBlock for IPv4: a secondary block of /16 to /28 that
 * overlaps none of the VPC's blocks, up to five blocks in all (`CidrLimitExceeded`); every route
 * table of the VPC gains its `local` route. The primary block cannot be removed, nor a block a
 * subnet lies in. IPv6 and IPAM pools are not simulated. EC2 API Reference: API_AssociateVpcCidrBlock,
 * API_DisassociateVpcCidrBlock; VPC User Guide: vpc-cidr-blocks ("Add or remove a CIDR block",
 * "IPv4 CIDR blocks per VPC: 5").
 */
import type {
  AssociateVpcCidrBlockRequest,
  AssociateVpcCidrBlockResult,
  DisassociateVpcCidrBlockRequest,
  DisassociateVpcCidrBlockResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { ROUTE_TABLES } from '../route-tables/route-table-record';
import { SUBNETS } from '../subnets/subnet-record';
import { cidrContains, cidrsOverlap } from './cidr-ranges';
import { checkedVpcBlock } from './create-vpc';
import { VPCS, cidrBlocksOf, primaryCidrAssociationId } from './vpc-record';

const MAX_IPV4_BLOCKS = 5;

export function associateVpcCidrBlock(
  ctx: EngineContext,
  region: string,
  request: AssociateVpcCidrBlockRequest,
): AssociateVpcCidrBlockResult {
  refuseUnsimulated('AssociateVpcCidrBlock', request, ['VpcId', 'CidrBlock']);
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const cidrBlock = checkedVpcBlock(request.CidrBlock);
  const blocks = cidrBlocksOf(vpc!);
  if (blocks.some((b) => cidrsOverlap(b, cidrBlock))) throw errors.vpcRange(cidrBlock);
  if (blocks.length >= MAX_IPV4_BLOCKS) throw errors.cidrLimitExceeded(vpc!.vpcId, MAX_IPV4_BLOCKS);
  const associationId = `vpc-cidr-assoc-${ctx.ids.hex(17)}`;
  const record = ctx.records(VPCS).touch(vpc!.vpcId);
  record.secondaryCidrBlocks = [...(record.secondaryCidrBlocks ?? []), { associationId, cidrBlock }];
  announceRouteTables(ctx, region, vpc!.vpcId);
  ctx.changed(region, 'vpc', vpc!.vpcId);
  return {
    VpcId: vpc!.vpcId,
    CidrBlockAssociation: {
      AssociationId: associationId,
      CidrBlock: cidrBlock,
      CidrBlockState: { State: 'associating' },
    },
  };
}

export function disassociateVpcCidrBlock(
  ctx: EngineContext,
  region: string,
  request: DisassociateVpcCidrBlockRequest,
): DisassociateVpcCidrBlockResult {
  if (!request.AssociationId) throw errors.missingParameter('AssociationId');
  const id = request.AssociationId;
  const vpcs = ctx.records(VPCS).inRegion(region);
  const primary = vpcs.find((v) => primaryCidrAssociationId(v) === id);
  if (primary) {
    throw errors.operationNotPermitted(
      `The vpc CIDR block with association ID ${id} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`,
    );
  }
  const vpc = vpcs.find((v) => v.secondaryCidrBlocks?.some((a) => a.associationId === id));
  if (!vpc) throw errors.vpcCidrAssociationNotFound(id);
  const association = vpc.secondaryCidrBlocks!.find((a) => a.associationId === id)!;
  const inUse = ctx
    .records(SUBNETS)
    .inRegion(region)
    .some((s) => s.vpcId === vpc.vpcId && cidrContains(association.cidrBlock, s.cidrBlock));
  if (inUse) throw errors.hasDependencies('vpc', vpc.vpcId);
  const record = ctx.records(VPCS).touch(vpc.vpcId);
  record.secondaryCidrBlocks = record.secondaryCidrBlocks!.filter((a) => a.associationId !== id);
  announceRouteTables(ctx, region, vpc.vpcId);
  ctx.changed(region, 'vpc', vpc.vpcId);
  return {
    VpcId: vpc.vpcId,
    CidrBlockAssociation: {
      AssociationId: id,
      CidrBlock: association.cidrBlock,
      CidrBlockState: { State: 'disassociating' },
    },
  };
}

/** The VPC's route tables show a changed set of local routes. */
function announceRouteTables(ctx: EngineContext, region: string, vpcId: string): void {
  for (const table of ctx.records(ROUTE_TABLES).inRegion(region)) {
    if (table.vpcId === vpcId) ctx.changed(region, 'route-table', table.routeTableId);
  }
}
