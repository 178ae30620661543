/** A VPC as the engine keeps it; today each region has its default VPC (EC2 User Guide: default-vpc). */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface VpcRecord {
  vpcId: string;
  region: string;
  cidrBlock: string;
  isDefault: boolean;
  dhcpOptionsId: string;
  tags: Tag[];
}

export const VPCS = defineCollection<VpcRecord>({
  name: 'vpcs',
  regionOf: (r) => r.region,
  idOf: (r) => r.vpcId,
  idPrefix: 'vpc',
  notFound: errors.vpcIdNotFound,
  tagResourceType: 'vpc',
  kind: 'vpc',
});
