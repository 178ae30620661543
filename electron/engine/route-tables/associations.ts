/**
 * AssociateRouteTable, DisassociateRouteTable and ReplaceRouteTableAssociation. A subnet has one
 * explicit association at most (`Resource.AlreadyAssociated`), with a table of its own VPC; a
 * disassociated subnet falls back to the main table. ReplaceRouteTableAssociation moves a subnet's
 * association, or the main association (making another table the VPC's main table), under a new id.
 * The main association cannot be disassociated. EC2 API Reference: API_AssociateRouteTable,
 * API_DisassociateRouteTable, API_ReplaceRouteTableAssociation.
 */
import type {
  AssociateRouteTableRequest,
  AssociateRouteTableResult,
  DisassociateRouteTableRequest,
  ReplaceRouteTableAssociationRequest,
  ReplaceRouteTableAssociationResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { SUBNETS } from '../subnets/subnet-record';
import { ROUTE_TABLES, type RouteTableAssociationRecord, type RouteTableRecord } from './route-table-record';
import { newAssociationId } from './route-table-operations';

export function associateRouteTable(
  ctx: EngineContext,
  region: string,
  request: AssociateRouteTableRequest,
): AssociateRouteTableResult {
  refuseUnsimulated('AssociateRouteTable', request, ['RouteTableId', 'SubnetId', 'DryRun']);
  if (!request.RouteTableId) throw errors.missingParameter('RouteTableId');
  if (!request.SubnetId) throw errors.missingParameter('SubnetId');
  const [table] = findRecords(ctx, region, ROUTE_TABLES, [request.RouteTableId]);
  const [subnet] = findRecords(ctx, region, SUBNETS, [request.SubnetId]);
  if (subnet!.vpcId !== table!.vpcId) {
    throw errors.invalidParameterValue(
      `routetable ${table!.routeTableId} and subnet ${subnet!.subnetId} belong to different networks`,
    );
  }
  const associated = ctx
    .records(ROUTE_TABLES)
    .inRegion(region)
    .some((t) => t.associations.some((a) => a.subnetId === subnet!.subnetId));
  if (associated) throw errors.associationConflict(table!.routeTableId);
  const associationId = newAssociationId(ctx);
  ctx
    .records(ROUTE_TABLES)
    .touch(table!.routeTableId)
    .associations.push({ associationId, subnetId: subnet!.subnetId, main: false });
  ctx.changed(region, 'route-table', table!.routeTableId);
  return { AssociationId: associationId, AssociationState: { State: 'associated' } };
}

export function disassociateRouteTable(
  ctx: EngineContext,
  region: string,
  request: DisassociateRouteTableRequest,
): Record<string, never> {
  if (!request.AssociationId) throw errors.missingParameter('AssociationId');
  const { table, association } = findAssociation(ctx, region, request.AssociationId);
  if (association.main) {
    throw errors.invalidParameterValue(
      `cannot disassociate the main route table association ${association.associationId}`,
    );
  }
  removeAssociation(ctx, table, association.associationId);
  return {};
}

export function replaceRouteTableAssociation(
  ctx: EngineContext,
  region: string,
  request: ReplaceRouteTableAssociationRequest,
): ReplaceRouteTableAssociationResult {
  if (!request.AssociationId) throw errors.missingParameter('AssociationId');
  if (!request.RouteTableId) throw errors.missingParameter('RouteTableId');
  const { table: from, association } = findAssociation(ctx, region, request.AssociationId);
  const [to] = findRecords(ctx, region, ROUTE_TABLES, [request.RouteTableId]);
  if (to!.vpcId !== from.vpcId) {
    throw errors.invalidParameterValue(
      `routetable ${to!.routeTableId} and association ${association.associationId} belong to different networks`,
    );
  }
  removeAssociation(ctx, from, association.associationId);
  const newId = newAssociationId(ctx);
  ctx
    .records(ROUTE_TABLES)
    .touch(to!.routeTableId)
    .associations.push({ associationId: newId, subnetId: association.subnetId, main: association.main });
  ctx.changed(region, 'route-table', to!.routeTableId);
  return { NewAssociationId: newId, AssociationState: { State: 'associated' } };
}

/** Removes every association of a subnet (the subnet is deleted). */
export function forgetSubnetInRouteTables(ctx: EngineContext, region: string, subnetId: string): void {
  for (const table of ctx.records(ROUTE_TABLES).inRegion(region)) {
    for (const association of table.associations.filter((a) => a.subnetId === subnetId)) {
      removeAssociation(ctx, table, association.associationId);
    }
  }
}

function findAssociation(
  ctx: EngineContext,
  region: string,
  associationId: string,
): { table: RouteTableRecord; association: RouteTableAssociationRecord } {
  for (const table of ctx.records(ROUTE_TABLES).inRegion(region)) {
    const association = table.associations.find((a) => a.associationId === associationId);
    if (association) return { table, association };
  }
  throw errors.associationIdNotFound(associationId);
}

function removeAssociation(ctx: EngineContext, table: RouteTableRecord, associationId: string): void {
  const record = ctx.records(ROUTE_TABLES).touch(table.routeTableId);
  record.associations = record.associations.filter((a) => a.associationId !== associationId);
  ctx.changed(table.region, 'route-table', table.routeTableId);
}
