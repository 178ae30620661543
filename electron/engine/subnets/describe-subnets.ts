/** DescribeSubnets. EC2 API Reference: API_DescribeSubnets; VPC User Guide: subnet-sizing (5 reserved addresses). */
import type { DescribeSubnetsRequest, DescribeSubnetsResult, Subnet } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import type { FilterFields } from '../filters';
import { addressesUsedIn, usableAddresses } from '../network-interfaces/addresses-in-use';
import { SUBNETS, type SubnetRecord } from './subnet-record';

const SUBNET_FILTERS: FilterFields<SubnetRecord> = {
  'subnet-id': (s) => s.subnetId,
  'vpc-id': (s) => s.vpcId,
  'availability-zone': (s) => s.availabilityZone,
  'availability-zone-id': (s) => s.availabilityZoneId,
  'cidr-block': (s) => s.cidrBlock,
  'default-for-az': (s) => String(s.defaultForAz),
  'map-public-ip-on-launch': (s) => String(s.mapPublicIpOnLaunch),
  state: () => 'available',
};

export function describeSubnets(
  ctx: EngineContext,
  region: string,
  request: DescribeSubnetsRequest,
): DescribeSubnetsResult {
  const subnets = ctx
    .records(SUBNETS)
    .inRegion(region)
    .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  const page = describeRecords(ctx, region, SUBNETS, request.SubnetIds, request, {
    items: subnets,
    filters: SUBNET_FILTERS,
    paging: { min: 5, max: 1000, scope: `subnets:${region}` },
    shape: (s) => toSubnet(ctx, s, addressesUsedIn(ctx, s.subnetId)),
  });
  return { Subnets: page.items, NextToken: page.nextToken };
}

export function toSubnet(ctx: EngineContext, s: SubnetRecord, addressesUsed: number): Subnet {
  return {
    SubnetId: s.subnetId,
    SubnetArn: `arn:aws:ec2:${s.region}:${ctx.accountId()}:subnet/${s.subnetId}`,
    VpcId: s.vpcId,
    AvailabilityZone: s.availabilityZone,
    AvailabilityZoneId: s.availabilityZoneId,
    CidrBlock: s.cidrBlock,
    AvailableIpAddressCount: usableAddresses(s.cidrBlock) - addressesUsed,
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    State: 'available',
    OwnerId: ctx.accountId(),
    Tags: s.tags.length ? s.tags : undefined,
  };
}
