/**
 * DescribeNetworkInterfaces: the region's network interfaces in AWS's `NetworkInterface` shape, by
 * NetworkInterfaceIds (each must exist), filtered by id, subnet, VPC, group, attached instance,
 * private and public address, MAC, status, zone and tags, and paged.
 * EC2 API Reference: API_DescribeNetworkInterfaces, API_NetworkInterface.
 */
import type {
  DescribeNetworkInterfacesRequest,
  DescribeNetworkInterfacesResult,
  NetworkInterface,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { privateDnsName, publicDnsName } from './ip-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

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
      'attachment.attachment-id': (eni) => eni.attachment?.attachmentId,
      'attachment.device-index': (eni) => eni.attachment && String(eni.attachment.deviceIndex),
      'private-ip-address': (eni) => eni.privateIpAddress,
      'addresses.private-ip-address': (eni) => eni.privateIpAddress,
      'association.public-ip': (eni) => eni.publicIp,
      'addresses.association.public-ip': (eni) => eni.publicIp,
      'mac-address': (eni) => eni.macAddress,
      status: (eni) => eni.status,
      'availability-zone': (eni) => eni.availabilityZone,
      'owner-id': (eni) => eni.ownerId,
      description: (eni) => eni.description,
      'source-dest-check': (eni) => String(eni.sourceDestCheck),
      'interface-type': () => 'interface',
    },
    paging: { min: 5, max: 1000, scope: 'DescribeNetworkInterfaces' },
    shape: toNetworkInterface,
  });
  return { NetworkInterfaces: page.items, NextToken: page.nextToken };
}

export function toNetworkInterface(eni: NetworkInterfaceRecord): NetworkInterface {
  const privateDns = privateDnsName(eni.privateIpAddress, eni.region);
  const association = eni.publicIp
    ? { IpOwnerId: 'amazon', PublicDnsName: publicDnsName(eni.publicIp, eni.region), PublicIp: eni.publicIp }
    : undefined;
  return {
    Association: association,
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
    PrivateDnsName: privateDns,
    PrivateIpAddress: eni.privateIpAddress,
    PrivateIpAddresses: [
      { Association: association, Primary: true, PrivateDnsName: privateDns, PrivateIpAddress: eni.privateIpAddress },
    ],
    RequesterManaged: false,
    SourceDestCheck: eni.sourceDestCheck,
    Status: eni.status,
    SubnetId: eni.subnetId,
    TagSet: eni.tags.map((t) => ({ ...t })),
    VpcId: eni.vpcId,
  };
}
