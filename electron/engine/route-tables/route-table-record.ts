/**
 * A route table as the engine keeps it: its VPC, the routes added to it (the `local` route of each
 * of the VPC's blocks is not stored: every table has it, derived from the VPC), and its
 * associations: with subnets, and the VPC's main association. A subnet with no explicit association
 * uses the main route table. VPC User Guide: VPC_Route_Tables; EC2 API Reference: API_RouteTable.
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface RouteRecord {
  destinationCidrBlock: string;
  /** An internet gateway's id (the lab's only route target). */
  gatewayId: string;
}

export interface RouteTableAssociationRecord {
  associationId: string;
  /** The subnet, for a subnet association; absent for the main association. */
  subnetId?: string;
  main: boolean;
}

export interface RouteTableRecord {
  routeTableId: string;
  region: string;
  vpcId: string;
  ownerId: string;
  routes: RouteRecord[];
  associations: RouteTableAssociationRecord[];
  /** The ClientToken it was made with, so a retried CreateRouteTable answers the same table. */
  clientToken?: string;
  tags: Tag[];
}

export const ROUTE_TABLES = defineCollection<RouteTableRecord>({
  name: 'route-tables',
  regionOf: (r) => r.region,
  idOf: (r) => r.routeTableId,
  idPrefix: 'rtb',
  notFound: errors.routeTableIdNotFound,
  tagResourceType: 'route-table',
  kind: 'route-table',
});

export function isMainTable(table: RouteTableRecord): boolean {
  return table.associations.some((a) => a.main);
}
