/**
 * An elastic network interface as the engine keeps it: its MAC, its primary private IPv4 address,
 * the public address associated with it, its security groups and what it is attached to.
 * EC2 User Guide: using-eni; EC2 API Reference: NetworkInterface.
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface NetworkInterfaceAttachmentRecord {
  attachmentId: string;
  instanceId: string;
  deviceIndex: number;
  attachTime: number;
  deleteOnTermination: boolean;
}

export interface NetworkInterfaceRecord {
  networkInterfaceId: string;
  region: string;
  availabilityZone: string;
  vpcId: string;
  subnetId: string;
  ownerId: string;
  description: string;
  macAddress: string;
  privateIpAddress: string;
  /** The public IPv4 address associated with the primary private address; Amazon's pool today. */
  publicIp?: string;
  groups: { groupId: string; groupName: string }[];
  sourceDestCheck: boolean;
  status: 'available' | 'in-use';
  attachment?: NetworkInterfaceAttachmentRecord;
  tags: Tag[];
}

export const NETWORK_INTERFACES = defineCollection<NetworkInterfaceRecord>({
  name: 'network-interfaces',
  regionOf: (r) => r.region,
  idOf: (r) => r.networkInterfaceId,
  idPrefix: 'eni',
  malformed: errors.networkInterfaceIdMalformed,
  notFound: errors.networkInterfaceIdNotFound,
  tagResourceType: 'network-interface',
  kind: 'network-interface',
});
