/**
 * CreateVpc: a VPC of an IPv4 block from /16 to /28 (`InvalidVpc.Range`; a block that is no CIDR is
 * `InvalidParameterValue`), made with its main route table (the local route only), its default
 * network ACL and its default security group. DNS resolution is on, DNS hostnames off. IPv6,
 * IPAM pools and dedicated tenancy are not simulated. EC2 API Reference: API_CreateVpc;
 * VPC User Guide: vpc-cidr-blocks, create-vpc, vpc-dns.
 */
import type { CreateVpcRequest, CreateVpcResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { defaultNetworkAclOf } from '../network-acls/new-network-acl';
import { refuseUnsimulated } from '../not-simulated';
import { mainRouteTableOf } from '../route-tables/subnet-route-table';
import { defaultGroupOf, SECURITY_GROUPS } from '../security-groups/security-group-record';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { cidrRange, isNetworkAligned, isVpcSizedBlock } from './cidr-ranges';
import { toVpc } from './describe-vpcs';
import { ensureVpcParts } from './vpc-parts';
import { VPCS } from './vpc-record';

export function createVpc(ctx: EngineContext, region: string, request: CreateVpcRequest): CreateVpcResult {
  refuseUnsimulated('CreateVpc', request, ['CidrBlock', 'InstanceTenancy', 'TagSpecifications', 'DryRun']);
  if (request.InstanceTenancy !== undefined && request.InstanceTenancy !== 'default') {
    throw errors.notSimulated('CreateVpc', `InstanceTenancy ${request.InstanceTenancy}`);
  }
  const cidrBlock = checkedVpcBlock(request.CidrBlock);
  const tags = tagsOnCreation(request.TagSpecifications, 'vpc');
  const vpcId = ctx.ids.next('vpc');
  const vpc = ctx.records(VPCS).put(vpcId, {
    vpcId,
    region,
    cidrBlock,
    isDefault: false,
    dhcpOptionsId: ctx.ids.next('dopt'),
    enableDnsSupport: true,
    enableDnsHostnames: false,
    tags,
  });
  ensureVpcParts(ctx, vpc);
  ctx.changed(region, 'vpc', vpcId);
  const table = mainRouteTableOf(ctx, region, vpcId)!;
  ctx.changed(region, 'route-table', table.routeTableId);
  ctx.changed(region, 'network-acl', defaultNetworkAclOf(ctx, region, vpcId)!.networkAclId);
  ctx.changed(region, 'security-group', defaultGroupOf(ctx.records(SECURITY_GROUPS).inRegion(region), vpcId)!.groupId);
  // A new VPC is `pending` in CreateVpc's answer and `available` from then on.
  return { Vpc: { ...toVpc(ctx, vpc, ctx.accountId()), State: 'pending' } };
}

/** A VPC block as AWS takes one: a CIDR, /16 to /28, naming its network's first address. */
export function checkedVpcBlock(cidrBlock: string | undefined): string {
  if (cidrBlock === undefined) throw errors.missingParameter('CidrBlock');
  if (!cidrRange(cidrBlock)) throw errors.invalidCidrBlock(cidrBlock);
  if (!isVpcSizedBlock(cidrBlock) || !isNetworkAligned(cidrBlock)) throw errors.vpcRange(cidrBlock);
  return cidrBlock;
}
