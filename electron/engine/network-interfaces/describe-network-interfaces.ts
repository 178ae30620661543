/**
 * DescribeNetworkInterfaces: the region's network interfaces in AWS's `NetworkInterface` shape (every
 * private address with the public address on it, an Elastic IP's allocation and association ids), by
 * NetworkInterfaceIds (each must exist), filtered by id, subnet, VPC, group, attachment, private and
 * public address, association, MAC, status, zone and tags, and paged.
 * EC2 API Reference: API_DescribeNetworkInterfaces, API_NetworkInterface.
 */
import type {
  DescribeNetworkInterfacesRequest,
  DescribeNetworkInterfacesResult,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { privateAddressesOf } from './addresses-in-use';
import { privateDnsName } from './ip-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';
import { publicAssociation, type PublicAssociation } from './public-addresses';

export function describeNetworkInterfaces(
  ctx: EngineContext,
  region: string,
  request: DescribeNetworkInterfacesRequest,
): DescribeNetworkInterfacesResult {
  const page = describeRecords(ctx, region, NETWORK_INTERFACES, request.NetworkInterfaceIds, request, {
    filters: {
      'network-interface-id': (eni) => eni.networkInterfaceId,
      'subnet-id': (eni) => eni.subnetId,
      'vpc-id': (eni) => eni.vpcId,
      'group-id': (eni) => eni.groups.map((g) => g.groupId),
      'group-name': (eni) => eni.groups.map((g) => g.groupName),
      'attachment.instance-id': (eni) => eni.attachment?.instanceId,
      'attachment.instance-owner-id': (eni) => eni.attachment && eni.ownerId,
      'attachment.attachment-id': (eni) => eni.attachment?.attachmentId,
      'attachment.device-index': (eni) => eni.attachment && String(eni.attachment.deviceIndex),
      'attachment.status': (eni) => eni.attachment && 'attached',
      'attachment.attach-time': (eni) => eni.attachment && new Date(eni.attachment.attachTime).toISOString(),
      'attachment.delete-on-termination': (eni) => eni.attachment && String(eni.attachment.deleteOnTermination),
      'private-ip-address': (eni) => privateAddressesOf(eni),
      'addresses.private-ip-address': (eni) => privateAddressesOf(eni),
      'addresses.primary': (eni) => ['true', ...(eni.secondaryPrivateIpAddresses?.length ? ['false'] : [])],
      'private-dns-name': (eni) => privateDnsName(eni.privateIpAddress, eni.region),
      'association.public-ip': (eni) => publicIps(ctx, eni),
      'addresses.association.public-ip': (eni) => publicIps(ctx, eni),
      'association.public-dns-name': (eni) => associations(ctx, eni).map((a) => a.publicDnsName),
      'association.ip-owner-id': (eni) => associations(ctx, eni).map((a) => a.ipOwnerId),
      'addresses.association.owner-id': (eni) => associations(ctx, eni).map((a) => a.ipOwnerId),
      'association.allocation-id': (eni) => associations(ctx, eni).flatMap((a) => a.allocationId ?? []),
      'association.association-id': (eni) => associations(ctx, eni).flatMap((a) => a.associationId ?? []),
      'mac-address': (eni) => eni.macAddress,
      status: (eni) => eni.status,
      'availability-zone': (eni) => eni.availabilityZone,
      'owner-id': (eni) => eni.ownerId,
      description: (eni) => eni.description,
      'source-dest-check': (eni) => String(eni.sourceDestCheck),
      'requester-managed': () => 'false',
      'interface-type': () => 'interface',
    },
    paging: { min: 5, max: 1000, scope: 'DescribeNetworkInterfaces' },
    shape: (eni) => toNetworkInterface(ctx, eni),
  });
  return { NetworkInterfaces: page.items, NextToken: page.nextToken };
}

export function toNetworkInterface(ctx: EngineContext, eni: NetworkInterfaceRecord): NetworkInterface {
  const association = (privateIp: string) => {
    const found = publicAssociation(ctx, eni, privateIp);
    return (
      found && {
        AllocationId: found.allocationId,
        AssociationId: found.associationId,
        IpOwnerId: found.ipOwnerId,
        PublicDnsName: found.publicDnsName,
        PublicIp: found.publicIp,
      }
    );
  };
  return {
    Association: association(eni.privateIpAddress),
    Attachment: eni.attachment && {
      AttachTime: new Date(eni.attachment.attachTime),
      AttachmentId: eni.attachment.attachmentId,
      DeleteOnTermination: eni.attachment.deleteOnTermination,
      DeviceIndex: eni.attachment.deviceIndex,
      NetworkCardIndex: 0,
      InstanceId: eni.attachment.instanceId,
      InstanceOwnerId: eni.ownerId,
      Status: 'attached',
    },
    AvailabilityZone: eni.availabilityZone,
    Description: eni.description,
    Groups: eni.groups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
    InterfaceType: 'interface',
    Ipv6Addresses: [],
    MacAddress: eni.macAddress,
    NetworkInterfaceId: eni.networkInterfaceId,
    OwnerId: eni.ownerId,
    PrivateDnsName: privateDnsName(eni.privateIpAddress, eni.region),
    PrivateIpAddress: eni.privateIpAddress,
    PrivateIpAddresses: privateAddressesOf(eni).map((address, index) => ({
      Association: association(address),
      Primary: index === 0,
      PrivateDnsName: privateDnsName(address, eni.region),
      PrivateIpAddress: address,
    })),
    RequesterManaged: false,
    SourceDestCheck: eni.sourceDestCheck,
    Status: eni.status,
    SubnetId: eni.subnetId,
    TagSet: eni.tags.map((t) => ({ ...t })),
    VpcId: eni.vpcId,
  };
}

function associations(ctx: EngineContext, eni: NetworkInterfaceRecord): PublicAssociation[] {
  return privateAddressesOf(eni).flatMap((address) => publicAssociation(ctx, eni, address) ?? []);
}

function publicIps(ctx: EngineContext, eni: NetworkInterfaceRecord): string[] {
  return associations(ctx, eni).map((a) => a.publicIp);
}
