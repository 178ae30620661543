/** DescribeVpcs. EC2 API Reference: API_DescribeVpcs, API_Vpc. */
import type { DescribeVpcsRequest, DescribeVpcsResult, Vpc } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import type { FilterFields } from '../filters';
import { VPCS, cidrBlocksOf, primaryCidrAssociationId, type VpcRecord } from './vpc-record';

const VPC_FILTERS: FilterFields<VpcRecord> = {
  'vpc-id': (v) => v.vpcId,
  'cidr-block': (v) => v.cidrBlock,
  'cidr-block-association.cidr-block': (v) => cidrBlocksOf(v),
  'cidr-block-association.association-id': (v) => [
    primaryCidrAssociationId(v),
    ...(v.secondaryCidrBlocks ?? []).map((a) => a.associationId),
  ],
  'cidr-block-association.state': () => 'associated',
  'is-default': (v) => String(v.isDefault),
  state: () => 'available',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
  'instance-tenancy': () => 'default',
};

export function describeVpcs(ctx: EngineContext, region: string, request: DescribeVpcsRequest): DescribeVpcsResult {
  const page = describeRecords(ctx, region, VPCS, request.VpcIds, request, {
    filters: { ...VPC_FILTERS, 'owner-id': () => ctx.accountId() },
    paging: { min: 5, max: 1000, scope: `vpcs:${region}` },
    shape: (v) => toVpc(ctx, v, ctx.accountId()),
  });
  return { Vpcs: page.items, NextToken: page.nextToken };
}

export function toVpc(_ctx: EngineContext, v: VpcRecord, ownerId: string): Vpc {
  return {
    VpcId: v.vpcId,
    CidrBlock: v.cidrBlock,
    State: 'available',
    DhcpOptionsId: v.dhcpOptionsId,
    InstanceTenancy: 'default',
    IsDefault: v.isDefault,
    OwnerId: ownerId,
    CidrBlockAssociationSet: [
      { AssociationId: primaryCidrAssociationId(v), CidrBlock: v.cidrBlock, CidrBlockState: { State: 'associated' } },
      ...(v.secondaryCidrBlocks ?? []).map((a) => ({
        AssociationId: a.associationId,
        CidrBlock: a.cidrBlock,
        CidrBlockState: { State: 'associated' as const },
      })),
    ],
    Tags: v.tags.length ? v.tags : undefined,
  };
}
