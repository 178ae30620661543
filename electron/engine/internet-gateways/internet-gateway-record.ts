/**
 * An internet gateway as the engine keeps it: attached to at most one VPC, a VPC having at most one
 * (VPC User Guide: VPC_Internet_Gateway; EC2 API Reference: API_InternetGateway).
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface InternetGatewayRecord {
  internetGatewayId: string;
  region: string;
  ownerId: string;
  /** The VPC it is attached to, if any. */
  vpcId?: string;
  tags: Tag[];
}

export const INTERNET_GATEWAYS = defineCollection<InternetGatewayRecord>({
  name: 'internet-gateways',
  regionOf: (r) => r.region,
  idOf: (r) => r.internetGatewayId,
  idPrefix: 'igw',
  notFound: errors.internetGatewayIdNotFound,
  tagResourceType: 'internet-gateway',
  kind: 'internet-gateway',
});

/** The gateway attached to a VPC, if one is. */
export function gatewayOfVpc(
  records: Iterable<InternetGatewayRecord>,
  vpcId: string,
): InternetGatewayRecord | undefined {
  for (const record of records) if (record.vpcId === vpcId) return record;
  return undefined;
}
