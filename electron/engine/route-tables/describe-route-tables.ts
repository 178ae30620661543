/**
 * DescribeRouteTables: each table with its routes (the local route first; a route to a detached or
 * deleted gateway is `blackhole`) and its associations, filtered and paged.
 * EC2 API Reference: API_DescribeRouteTables, API_RouteTable, API_Route.
 */
import type { DescribeRouteTablesRequest, DescribeRouteTablesResult, RouteTable } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { ROUTE_TABLES, type RouteTableRecord } from './route-table-record';
import { routesOf } from './subnet-route-table';

export function describeRouteTables(
  ctx: EngineContext,
  region: string,
  request: DescribeRouteTablesRequest,
): DescribeRouteTablesResult {
  const page = describeRecords(ctx, region, ROUTE_TABLES, request.RouteTableIds, request, {
    filters: {
      'route-table-id': (t) => t.routeTableId,
      'vpc-id': (t) => t.vpcId,
      'owner-id': (t) => t.ownerId,
      'association.route-table-association-id': (t) => t.associations.map((a) => a.associationId),
      'association.route-table-id': (t) => (t.associations.length ? t.routeTableId : undefined),
      'association.subnet-id': (t) => t.associations.map((a) => a.subnetId),
      'association.main': (t) => String(t.associations.some((a) => a.main)),
      'route.destination-cidr-block': (t) => routesOf(ctx, t).map((r) => r.destinationCidrBlock),
      'route.gateway-id': (t) => routesOf(ctx, t).map((r) => r.gatewayId),
      'route.origin': (t) => routesOf(ctx, t).map((r) => r.origin),
      'route.state': (t) => routesOf(ctx, t).map((r) => r.state),
    },
    paging: { min: 5, max: 100, scope: `route-tables:${region}` },
    shape: (t) => toRouteTable(ctx, t),
  });
  return { RouteTables: page.items, NextToken: page.nextToken };
}

export function toRouteTable(ctx: EngineContext, t: RouteTableRecord): RouteTable {
  return {
    Associations: t.associations.map((a) => ({
      Main: a.main,
      RouteTableAssociationId: a.associationId,
      RouteTableId: t.routeTableId,
      SubnetId: a.subnetId,
      AssociationState: { State: 'associated' },
    })),
    PropagatingVgws: [],
    RouteTableId: t.routeTableId,
    Routes: routesOf(ctx, t).map((r) => ({
      DestinationCidrBlock: r.destinationCidrBlock,
      GatewayId: r.gatewayId,
      Origin: r.origin,
      State: r.state,
    })),
    Tags: t.tags.map((tag) => ({ ...tag })),
    VpcId: t.vpcId,
    OwnerId: t.ownerId,
  };
}
