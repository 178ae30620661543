/**
 * CreateSubnet: an IPv4 block of /16 to /28 inside one of its VPC's blocks (`InvalidSubnet.Range`)
 * that overlaps no other subnet of the VPC (`InvalidSubnet.Conflict`), in an Availability Zone named
 * by `AvailabilityZone` or `AvailabilityZoneId` (else one the lab picks). It maps no public IPv4
 * addresses until ModifySubnetAttribute says so, joins the VPC's default network ACL and uses the
 * main route table. Five of its addresses are reserved. IPv6 and IPAM pools are not simulated.
 * EC2 API Reference: API_CreateSubnet; VPC User Guide: subnet-sizing, create-subnets.
 */
import type { CreateSubnetRequest, CreateSubnetResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { associateWithDefaultAcl, ensureDefaultNetworkAcl } from '../network-acls/new-network-acl';
import { refuseUnsimulated } from '../not-simulated';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { cidrContains, cidrRange, cidrsOverlap, isNetworkAligned, isVpcSizedBlock } from '../vpcs/cidr-ranges';
import { VPCS, cidrBlocksOf } from '../vpcs/vpc-record';
import { toSubnet } from './describe-subnets';
import { SUBNETS } from './subnet-record';

export function createSubnet(ctx: EngineContext, region: string, request: CreateSubnetRequest): CreateSubnetResult {
  refuseUnsimulated('CreateSubnet', request, [
    'VpcId',
    'CidrBlock',
    'AvailabilityZone',
    'AvailabilityZoneId',
    'TagSpecifications',
    'DryRun',
  ]);
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const cidrBlock = request.CidrBlock;
  if (cidrBlock === undefined) throw errors.missingParameter('CidrBlock');
  if (!cidrRange(cidrBlock)) throw errors.invalidCidrBlock(cidrBlock);
  if (
    !isVpcSizedBlock(cidrBlock) ||
    !isNetworkAligned(cidrBlock) ||
    !cidrBlocksOf(vpc!).some((block) => cidrContains(block, cidrBlock))
  ) {
    throw errors.subnetRange(cidrBlock);
  }
  const siblings = ctx
    .records(SUBNETS)
    .inRegion(region)
    .filter((s) => s.vpcId === vpc!.vpcId);
  if (siblings.some((s) => cidrsOverlap(s.cidrBlock, cidrBlock))) throw errors.subnetConflict(cidrBlock);
  const zone = chooseZone(ctx, region, request);
  const tags = tagsOnCreation(request.TagSpecifications, 'subnet');
  const subnetId = ctx.ids.next('subnet');
  const subnet = ctx.records(SUBNETS).put(subnetId, {
    subnetId,
    vpcId: vpc!.vpcId,
    region,
    availabilityZone: zone.ZoneName,
    availabilityZoneId: zone.ZoneId,
    cidrBlock,
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    tags,
  });
  const acl = ensureDefaultNetworkAcl(ctx, vpc!);
  if (!acl.associations.some((a) => a.subnetId === subnetId)) associateWithDefaultAcl(ctx, acl, subnetId);
  ctx.changed(region, 'network-acl', acl.networkAclId);
  ctx.changed(region, 'subnet', subnetId);
  return { Subnet: toSubnet(ctx, subnet, 0) };
}

function chooseZone(ctx: EngineContext, region: string, request: CreateSubnetRequest) {
  const zones = ctx.catalog.regions.find((r) => r.RegionName === region)!.Zones;
  const { AvailabilityZone: name, AvailabilityZoneId: zoneId } = request;
  if (name !== undefined && zoneId !== undefined) {
    throw errors.invalidParameterCombination('Only one of availabilityZone or availabilityZoneId may be specified.');
  }
  if (name === undefined && zoneId === undefined) return zones[ctx.ids.int(zones.length)]!;
  const zone = zones.find((z) => (name !== undefined ? z.ZoneName === name : z.ZoneId === zoneId));
  if (zone) return zone;
  throw errors.invalidParameterValue(
    `Value (${name ?? zoneId}) for parameter ${name !== undefined ? 'availabilityZone' : 'availabilityZoneId'} is invalid. Subnets can currently only be created in the following availability zones: ${zones
      .map((z) => (name !== undefined ? z.ZoneName : z.ZoneId))
      .join(', ')}.`,
  );
}
