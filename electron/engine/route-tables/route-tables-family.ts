/**
 * The route tables family: tables, their routes to internet gateways, and their associations with
 * subnets and as their VPC's main table (EC2 API Reference: API_CreateRouteTable,
 * API_DeleteRouteTable, API_DescribeRouteTables, API_CreateRoute, API_ReplaceRoute, API_DeleteRoute,
 * API_AssociateRouteTable, API_DisassociateRouteTable, API_ReplaceRouteTableAssociation).
 */
import { checkFields, flag, id, listOf, optional, region, shape, tags, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { isIpv4Cidr } from '../security-groups/cidr-blocks';
import { associateRouteTable, disassociateRouteTable, replaceRouteTableAssociation } from './associations';
import { describeRouteTables } from './describe-route-tables';
import { createRouteTable, deleteRouteTable } from './route-table-operations';
import { ROUTE_TABLES } from './route-table-record';
import { createRoute, deleteRoute, replaceRoute } from './routes';

const ipv4Cidr = (v: unknown) => typeof v === 'string' && isIpv4Cidr(v);

export const ROUTE_TABLES_FAMILY = defineFamily({
  name: 'route-tables',
  collection: ROUTE_TABLES,
  importCheck: checkFields({
    routeTableId: id('rtb'),
    region,
    vpcId: id('vpc'),
    ownerId: text,
    routes: listOf(shape({ destinationCidrBlock: ipv4Cidr, gatewayId: id('igw') }), 1000),
    associations: listOf(shape({ associationId: text, subnetId: optional(id('subnet')), main: flag }), 1000),
    clientToken: optional(text),
    tags,
  }),
  activityIdKeys: ['RouteTableId', 'RouteTableIds'],
  handlers: {
    CreateRouteTable: createRouteTable,
    DeleteRouteTable: deleteRouteTable,
    DescribeRouteTables: describeRouteTables,
    CreateRoute: createRoute,
    ReplaceRoute: replaceRoute,
    DeleteRoute: deleteRoute,
    AssociateRouteTable: associateRouteTable,
    DisassociateRouteTable: disassociateRouteTable,
    ReplaceRouteTableAssociation: replaceRouteTableAssociation,
  },
});
