/**
 * An elastic network interface as the engine keeps it: its MAC, its primary and secondary private
 * IPv4 addresses, the public address on the primary one, its security groups and what it is attached to.
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
  /** Secondary private IPv4 addresses (AssignPrivateIpAddresses), in the order they were assigned. */
  secondaryPrivateIpAddresses?: string[];
  /**
   * The public IPv4 address on the primary private address: an auto-assigned one from Amazon's
   * pool, or an Elastic IP (then an address record names this interface and this private address).
   */
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
