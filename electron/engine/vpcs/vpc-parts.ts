/**
 * What every VPC is made with: its main route table (the `local` route only, or also a route to
 * the internet gateway for the default VPC), its default network ACL, and its default security group
 * (the security groups family's own). VPC User Guide: VPC_Route_Tables ("Main route table"),
 * vpc-network-acls ("Default network ACL"), default-security-group.
 */
import type { EngineContext } from '../context';
import { ensureDefaultNetworkAcl } from '../network-acls/new-network-acl';
import { newRouteTable } from '../route-tables/route-table-operations';
import { mainRouteTableOf } from '../route-tables/subnet-route-table';
import { ensureDefaultSecurityGroup } from '../security-groups/default-security-group';
import type { VpcRecord } from './vpc-record';

/** Makes whichever of the VPC's own parts it lacks; `internetGatewayId` routes 0.0.0.0/0 of a new main table there. */
export function ensureVpcParts(ctx: EngineContext, vpc: VpcRecord, internetGatewayId?: string): void {
  if (!mainRouteTableOf(ctx, vpc.region, vpc.vpcId)) {
    newRouteTable(ctx, vpc.region, vpc.vpcId, {
      main: true,
      routes: internetGatewayId ? [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: internetGatewayId }] : [],
    });
  }
  ensureDefaultNetworkAcl(ctx, vpc);
  ensureDefaultSecurityGroup(ctx, vpc);
}
