/**
 * Which route table a subnet uses (its explicit association, else its VPC's main table), the
 * routes a table has (the `local` route of each of the VPC's blocks first, then those added), and
 * whether a route is `active` or a `blackhole` (its internet gateway detached from the VPC or
 * deleted). VPC User Guide: VPC_Route_Tables ("Main route table", "Route priority").
 */
import type { EngineContext } from '../context';
import { INTERNET_GATEWAYS } from '../internet-gateways/internet-gateway-record';
import { cidrBlocksOf, VPCS } from '../vpcs/vpc-record';
import { ROUTE_TABLES, isMainTable, type RouteTableRecord } from './route-table-record';

export interface EffectiveRoute {
  destinationCidrBlock: string;
  gatewayId: string;
  origin: 'CreateRouteTable' | 'CreateRoute';
  state: 'active' | 'blackhole';
}

export function mainRouteTableOf(ctx: EngineContext, region: string, vpcId: string): RouteTableRecord | undefined {
  return ctx
    .records(ROUTE_TABLES)
    .inRegion(region)
    .find((t) => t.vpcId === vpcId && isMainTable(t));
}

/** The table a subnet's traffic follows: its explicit association, else the main table of its VPC. */
export function routeTableOfSubnet(
  ctx: EngineContext,
  region: string,
  subnet: { subnetId: string; vpcId: string },
): RouteTableRecord | undefined {
  const explicit = ctx
    .records(ROUTE_TABLES)
    .inRegion(region)
    .find((t) => t.associations.some((a) => a.subnetId === subnet.subnetId));
  return explicit ?? mainRouteTableOf(ctx, region, subnet.vpcId);
}

export function routesOf(ctx: EngineContext, table: RouteTableRecord): EffectiveRoute[] {
  const vpc = ctx.records(VPCS).getInRegion(table.region, table.vpcId);
  const local: EffectiveRoute[] = (vpc ? cidrBlocksOf(vpc) : []).map((cidr) => ({
    destinationCidrBlock: cidr,
    gatewayId: 'local',
    origin: 'CreateRouteTable',
    state: 'active',
  }));
  const gateways = ctx.records(INTERNET_GATEWAYS);
  const added: EffectiveRoute[] = table.routes.map((route) => ({
    destinationCidrBlock: route.destinationCidrBlock,
    gatewayId: route.gatewayId,
    origin: 'CreateRoute',
    state: gateways.getInRegion(table.region, route.gatewayId)?.vpcId === table.vpcId ? 'active' : 'blackhole',
  }));
  return [...local, ...added];
}
