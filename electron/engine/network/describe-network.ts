/** DescribeVpcs and DescribeSubnets for the default VPC. EC2 API Reference: API_DescribeVpcs, API_DescribeSubnets. */
import { ErrorCode } from '../../../shared/errors';
import type {
  DescribeSubnetsRequest,
  DescribeSubnetsResult,
  DescribeVpcsRequest,
  DescribeVpcsResult,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { Ec2Error } from '../errors';
import { applyFilters, type FilterFields } from '../filters';
import { paginate } from '../pagination';
import type { SubnetRecord, VpcRecord } from './network-records';

const VPC_FILTERS: FilterFields<VpcRecord> = {
  'vpc-id': (v) => v.vpcId,
  'cidr-block': (v) => v.cidrBlock,
  'is-default': (v) => String(v.isDefault),
  state: () => 'available',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
};

export function describeVpcs(ctx: EngineContext, region: string, request: DescribeVpcsRequest): DescribeVpcsResult {
  let vpcs = [...ctx.repos.vpcs.values()].filter((v) => v.region === region);
  if (request.VpcIds?.length) {
    const missing = request.VpcIds.filter((id) => !vpcs.some((v) => v.vpcId === id));
    if (missing.length) throw new Ec2Error(ErrorCode.InvalidVpcIdNotFound, `The vpc ID '${missing[0]}' does not exist`);
    vpcs = vpcs.filter((v) => request.VpcIds!.includes(v.vpcId));
  }
  const page = paginate(
    applyFilters(vpcs, request.Filters, VPC_FILTERS, (v) => v.tags),
    request,
    {
      min: 5,
      max: 1000,
      scope: `vpcs:${region}`,
    },
  );
  return { Vpcs: page.items.map((v) => toVpc(v, ctx.accountId())), NextToken: page.nextToken };
}

function toVpc(v: VpcRecord, ownerId: string): Vpc {
  return {
    VpcId: v.vpcId,
    CidrBlock: v.cidrBlock,
    State: 'available',
    DhcpOptionsId: v.dhcpOptionsId,
    InstanceTenancy: 'default',
    IsDefault: v.isDefault,
    OwnerId: ownerId,
    CidrBlockAssociationSet: [
      {
        AssociationId: `vpc-cidr-assoc-${v.vpcId.slice(4)}`,
        CidrBlock: v.cidrBlock,
        CidrBlockState: { State: 'associated' },
      },
    ],
    Tags: v.tags.length ? v.tags : undefined,
  };
}

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
  let subnets = [...ctx.repos.subnets.values()].filter((s) => s.region === region);
  if (request.SubnetIds?.length) {
    const missing = request.SubnetIds.filter((id) => !subnets.some((s) => s.subnetId === id));
    if (missing.length)
      throw new Ec2Error(ErrorCode.InvalidSubnetIdNotFound, `The subnet ID '${missing[0]}' does not exist`);
    subnets = subnets.filter((s) => request.SubnetIds!.includes(s.subnetId));
  }
  subnets.sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  const page = paginate(
    applyFilters(subnets, request.Filters, SUBNET_FILTERS, (s) => s.tags),
    request,
    {
      min: 5,
      max: 1000,
      scope: `subnets:${region}`,
    },
  );
  const used = (s: SubnetRecord) =>
    [...ctx.repos.instances.values()].filter((i) => i.subnetId === s.subnetId && i.state !== 'terminated').length;
  return {
    Subnets: page.items.map((s): Subnet => ({
      SubnetId: s.subnetId,
      SubnetArn: `arn:aws:ec2:${region}:${ctx.accountId()}:subnet/${s.subnetId}`,
      VpcId: s.vpcId,
      AvailabilityZone: s.availabilityZone,
      AvailabilityZoneId: s.availabilityZoneId,
      CidrBlock: s.cidrBlock,
      // A /20 has 4,096 addresses; AWS reserves 5 in every subnet.
      AvailableIpAddressCount: 2 ** (32 - Number(s.cidrBlock.split('/')[1])) - 5 - used(s),
      DefaultForAz: s.defaultForAz,
      MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
      State: 'available',
      OwnerId: ctx.accountId(),
      Tags: s.tags.length ? s.tags : undefined,
    })),
    NextToken: page.nextToken,
  };
}
