/** A subnet as the engine keeps it: a block of its VPC in one Availability Zone (VPC User Guide: configure-subnets). */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface SubnetRecord {
  subnetId: string;
  vpcId: string;
  region: string;
  availabilityZone: string;
  availabilityZoneId: string;
  cidrBlock: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  tags: Tag[];
}

export const SUBNETS = defineCollection<SubnetRecord>({
  name: 'subnets',
  regionOf: (r) => r.region,
  idOf: (r) => r.subnetId,
  idPrefix: 'subnet',
  notFound: errors.subnetIdNotFound,
  tagResourceType: 'subnet',
  kind: 'subnet',
});
