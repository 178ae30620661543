/**
 * DescribeAddresses: the region's Elastic IPs in AWS's `Address` shape (the instance read from the
 * associated interface's attachment), by AllocationIds or PublicIps (each must exist) and filters; no
 * paging, as EC2 has none for it. EC2 API Reference: API_DescribeAddresses, API_Address.
 */
import type { Address, DescribeAddressesRequest, DescribeAddressesResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { ADDRESSES, type AddressRecord } from './address-record';

export function describeAddresses(
  ctx: EngineContext,
  region: string,
  request: DescribeAddressesRequest,
): DescribeAddressesResult {
  const all = ctx.records(ADDRESSES).inRegion(region);
  const byPublicIp = request.PublicIps?.length
    ? describeItems(
        all,
        {},
        {
          named: {
            ids: request.PublicIps,
            idOf: (a) => a.publicIp,
            notFound: (ips) => errors.addressNotFound(ips[0]!),
          },
          filters: {},
          shape: (a) => a,
        },
      ).items
    : all;
  const page = describeItems(byPublicIp, request, {
    named: { ids: request.AllocationIds, idOf: (a) => a.allocationId, notFound: errors.allocationIdNotFound },
    filters: {
      'allocation-id': (a) => a.allocationId,
      'association-id': (a) => a.association?.associationId,
      domain: () => 'vpc',
      'instance-id': (a) => instanceOf(ctx, a),
      'network-border-group': (a) => a.region,
      'network-interface-id': (a) => a.association?.networkInterfaceId,
      'network-interface-owner-id': (a) => a.association && ctx.accountId(),
      'private-ip-address': (a) => a.association?.privateIpAddress,
      'public-ip': (a) => a.publicIp,
    },
    tagsOf: (a) => a.tags,
    shape: (a) => toAddress(ctx, a),
  });
  return { Addresses: page.items };
}

export function toAddress(ctx: EngineContext, address: AddressRecord): Address {
  const association = address.association;
  return {
    AllocationId: address.allocationId,
    AssociationId: association?.associationId,
    Domain: 'vpc',
    InstanceId: instanceOf(ctx, address),
    NetworkBorderGroup: address.region,
    NetworkInterfaceId: association?.networkInterfaceId,
    NetworkInterfaceOwnerId: association && ctx.accountId(),
    PrivateIpAddress: association?.privateIpAddress,
    PublicIp: address.publicIp,
    PublicIpv4Pool: 'amazon',
    Tags: address.tags.length ? address.tags.map((t) => ({ ...t })) : undefined,
  };
}

/** The instance an Elastic IP serves: the one its interface is attached to. */
function instanceOf(ctx: EngineContext, address: AddressRecord): string | undefined {
  const id = address.association?.networkInterfaceId;
  return id === undefined ? undefined : ctx.records(NETWORK_INTERFACES).get(id)?.attachment?.instanceId;
}
