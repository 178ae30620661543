/**
 * An Elastic IP address as the engine keeps it: a public IPv4 address allocated to the account in a
 * region (domain `vpc`) until released, and, while associated, the network interface and private
 * address it maps to. The instance is read from that interface's attachment. EC2 User Guide:
 * elastic-ip-addresses-eip; EC2 API Reference: Address.
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface AddressAssociationRecord {
  associationId: string;
  networkInterfaceId: string;
  privateIpAddress: string;
}

export interface AddressRecord {
  allocationId: string;
  region: string;
  publicIp: string;
  association?: AddressAssociationRecord;
  tags: Tag[];
}

export const ADDRESSES = defineCollection<AddressRecord>({
  name: 'addresses',
  regionOf: (r) => r.region,
  idOf: (r) => r.allocationId,
  idPrefix: 'eipalloc',
  notFound: errors.allocationIdNotFound,
  tagResourceType: 'elastic-ip',
  kind: 'address',
});

/** The Elastic IP associated with this private address of this interface, if any. */
export function elasticIpOn(
  addresses: readonly AddressRecord[],
  networkInterfaceId: string,
  privateIpAddress: string,
): AddressRecord | undefined {
  return addresses.find(
    (a) =>
      a.association?.networkInterfaceId === networkInterfaceId && a.association.privateIpAddress === privateIpAddress,
  );
}
