/**
 * CreateRoute, ReplaceRoute and DeleteRoute, by IPv4 destination, to an internet gateway (the lab's
 * only target; others are refused as not simulated). The gateway must be attached to the table's
 * VPC when the route is made; a destination already routed is `RouteAlreadyExists`; the `local`
 * route cannot be replaced or removed. EC2 API Reference: API_CreateRoute, API_ReplaceRoute,
 * API_DeleteRoute; VPC User Guide: VPC_Route_Tables ("Routes").
 */
import type {
  CreateRouteRequest,
  CreateRouteResult,
  DeleteRouteRequest,
  ReplaceRouteRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INTERNET_GATEWAYS } from '../internet-gateways/internet-gateway-record';
import { numberToIp } from '../network-interfaces/ip-addresses';
import { refuseUnsimulated } from '../not-simulated';
import { cidrRange } from '../vpcs/cidr-ranges';
import { ROUTE_TABLES, type RouteTableRecord } from './route-table-record';
import { routesOf } from './subnet-route-table';

const SERVED = ['RouteTableId', 'DestinationCidrBlock', 'GatewayId', 'DryRun'];

export function createRoute(ctx: EngineContext, region: string, request: CreateRouteRequest): CreateRouteResult {
  refuseUnsimulated('CreateRoute', request, SERVED);
  const { table, destination } = routeTarget(ctx, region, request);
  const gatewayId = checkedGateway(ctx, region, table, request.GatewayId);
  if (routesOf(ctx, table).some((r) => r.destinationCidrBlock === destination)) {
    throw errors.routeAlreadyExists(destination);
  }
  ctx.records(ROUTE_TABLES).touch(table.routeTableId).routes.push({ destinationCidrBlock: destination, gatewayId });
  ctx.changed(region, 'route-table', table.routeTableId);
  return { Return: true };
}

export function replaceRoute(ctx: EngineContext, region: string, request: ReplaceRouteRequest): Record<string, never> {
  refuseUnsimulated('ReplaceRoute', request, SERVED);
  const { table, destination } = routeTarget(ctx, region, request);
  const gatewayId = checkedGateway(ctx, region, table, request.GatewayId);
  const index = existingRoute(ctx, table, destination, 'replace');
  ctx.records(ROUTE_TABLES).touch(table.routeTableId).routes[index] = { destinationCidrBlock: destination, gatewayId };
  ctx.changed(region, 'route-table', table.routeTableId);
  return {};
}

export function deleteRoute(ctx: EngineContext, region: string, request: DeleteRouteRequest): Record<string, never> {
  refuseUnsimulated('DeleteRoute', request, ['RouteTableId', 'DestinationCidrBlock', 'DryRun']);
  const { table, destination } = routeTarget(ctx, region, request);
  const index = existingRoute(ctx, table, destination, 'remove');
  ctx.records(ROUTE_TABLES).touch(table.routeTableId).routes.splice(index, 1);
  ctx.changed(region, 'route-table', table.routeTableId);
  return {};
}

function routeTarget(
  ctx: EngineContext,
  region: string,
  request: { RouteTableId?: string; DestinationCidrBlock?: string },
): { table: RouteTableRecord; destination: string } {
  if (!request.RouteTableId) throw errors.missingParameter('RouteTableId');
  if (!request.DestinationCidrBlock) throw errors.missingParameter('DestinationCidrBlock');
  const [table] = findRecords(ctx, region, ROUTE_TABLES, [request.RouteTableId]);
  const range = cidrRange(request.DestinationCidrBlock);
  if (!range) throw errors.invalidCidrBlock(request.DestinationCidrBlock, 'destinationCidrBlock');
  // AWS keeps a destination as its network address (10.0.0.5/16 is 10.0.0.0/16).
  return { table: table!, destination: `${numberToIp(range.first)}/${range.bits}` };
}

function checkedGateway(ctx: EngineContext, region: string, table: RouteTableRecord, gatewayId: string | undefined) {
  if (!gatewayId) throw errors.missingParameter('GatewayId');
  const [gateway] = findRecords(ctx, region, INTERNET_GATEWAYS, [gatewayId]);
  if (gateway!.vpcId !== table.vpcId) throw errors.differentNetworks(table.routeTableId, gatewayId);
  return gateway!.internetGatewayId;
}

/** The index of an added route to `destination`; the local route is never replaced or removed. */
function existingRoute(
  ctx: EngineContext,
  table: RouteTableRecord,
  destination: string,
  action: 'replace' | 'remove',
): number {
  const local = routesOf(ctx, table).find((r) => r.gatewayId === 'local' && r.destinationCidrBlock === destination);
  if (local) {
    throw errors.invalidParameterValue(
      `cannot ${action} local route ${destination} in route table ${table.routeTableId}`,
    );
  }
  const index = table.routes.findIndex((r) => r.destinationCidrBlock === destination);
  if (index < 0) throw errors.routeNotFound(table.routeTableId, destination);
  return index;
}
