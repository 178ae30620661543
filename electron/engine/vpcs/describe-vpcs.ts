/** DescribeVpcs. EC2 API Reference: API_DescribeVpcs. */
import type { DescribeVpcsRequest, DescribeVpcsResult, Vpc } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import type { FilterFields } from '../filters';
import { VPCS, type VpcRecord } from './vpc-record';

const VPC_FILTERS: FilterFields<VpcRecord> = {
  'vpc-id': (v) => v.vpcId,
  'cidr-block': (v) => v.cidrBlock,
  'is-default': (v) => String(v.isDefault),
  state: () => 'available',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
};

export function describeVpcs(ctx: EngineContext, region: string, request: DescribeVpcsRequest): DescribeVpcsResult {
  const page = describeRecords(ctx, region, VPCS, request.VpcIds, request, {
    filters: VPC_FILTERS,
    paging: { min: 5, max: 1000, scope: `vpcs:${region}` },
    shape: (v) => toVpc(v, ctx.accountId()),
  });
  return { Vpcs: page.items, NextToken: page.nextToken };
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
