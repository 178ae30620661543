/**
 * CreateRouteTable and DeleteRouteTable. A new table has only the `local` route(s) of its VPC; every
 * VPC is made with its main table. The main table, and a table still associated with a subnet,
 * cannot be deleted (`DependencyViolation`). EC2 API Reference: API_CreateRouteTable,
 * API_DeleteRouteTable; VPC User Guide: VPC_Route_Tables.
 */
import type { CreateRouteTableRequest, CreateRouteTableResult, DeleteRouteTableRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import type { Tag } from '../resource-collection';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { VPCS } from '../vpcs/vpc-record';
import { toRouteTable } from './describe-route-tables';
import { ROUTE_TABLES, type RouteRecord, type RouteTableRecord } from './route-table-record';

/** Makes a route table record; `main` gives it the VPC's main association. The caller announces it. */
export function newRouteTable(
  ctx: EngineContext,
  region: string,
  vpcId: string,
  options: { main?: boolean; routes?: RouteRecord[]; tags?: Tag[] } = {},
): RouteTableRecord {
  const routeTableId = ctx.ids.next('rtb');
  const record = ctx.records(ROUTE_TABLES).put(routeTableId, {
    routeTableId,
    region,
    vpcId,
    ownerId: ctx.accountId(),
    routes: options.routes ?? [],
    associations: options.main ? [{ associationId: newAssociationId(ctx), main: true }] : [],
    tags: options.tags ?? [],
  });
  return record;
}

export function newAssociationId(ctx: EngineContext): string {
  return `rtbassoc-${ctx.ids.hex(17)}`;
}

export function createRouteTable(
  ctx: EngineContext,
  region: string,
  request: CreateRouteTableRequest,
): CreateRouteTableResult {
  if (!request.VpcId) throw errors.missingParameter('VpcId');
  const [vpc] = findRecords(ctx, region, VPCS, [request.VpcId]);
  const tags = tagsOnCreation(request.TagSpecifications, 'route-table');
  if (request.ClientToken) {
    const earlier = ctx
      .records(ROUTE_TABLES)
      .inRegion(region)
      .find((t) => t.clientToken === request.ClientToken);
    if (earlier) return { RouteTable: toRouteTable(ctx, earlier), ClientToken: request.ClientToken };
  }
  const table = newRouteTable(ctx, region, vpc!.vpcId, { tags });
  if (request.ClientToken) ctx.records(ROUTE_TABLES).touch(table.routeTableId).clientToken = request.ClientToken;
  ctx.changed(region, 'route-table', table.routeTableId);
  return { RouteTable: toRouteTable(ctx, table), ClientToken: request.ClientToken };
}

export function deleteRouteTable(
  ctx: EngineContext,
  region: string,
  request: DeleteRouteTableRequest,
): Record<string, never> {
  if (!request.RouteTableId) throw errors.missingParameter('RouteTableId');
  const [table] = findRecords(ctx, region, ROUTE_TABLES, [request.RouteTableId]);
  if (table!.associations.length) throw errors.hasDependencies('routeTable', table!.routeTableId);
  ctx.records(ROUTE_TABLES).delete(table!.routeTableId);
  ctx.changed(region, 'route-table', table!.routeTableId);
  return {};
}
