/**
 * AssociateAddress and DisassociateAddress. An Elastic IP maps to a private address of a network
 * interface, named by the interface (and PrivateIpAddress) or by an instance with one interface; on
 * an interface's primary address it replaces the auto-assigned public address, which is released.
 * One already associated moves only with AllowReassociation (`Resource.AlreadyAssociated`).
 * Disassociated from an instance that was launched with an auto-assigned address, the instance gets a
 * new one at once if it is running and has one interface (EC2 User Guide: using-instance-addressing,
 * "Public IPv4 addresses"; elastic-ip-addresses-eip). EC2 API Reference: API_AssociateAddress,
 * API_DisassociateAddress.
 */
import type { AssociateAddressRequest, AssociateAddressResult, DisassociateAddressRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES } from '../instances/instance-record';
import { privateAddressesOf } from '../network-interfaces/addresses-in-use';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from '../network-interfaces/network-interface-record';
import { autoAssignPublicIp } from '../network-interfaces/public-addresses';
import { refuseUnsimulated } from '../not-simulated';
import { ADDRESSES, elasticIpOn, type AddressRecord } from './address-record';

const BOTH_IDS = 'You may specify public IP or allocation id, but not both in the same call';

export function associateAddress(
  ctx: EngineContext,
  region: string,
  request: AssociateAddressRequest,
): AssociateAddressResult {
  refuseUnsimulated('AssociateAddress', request, [
    'AllocationId',
    'PublicIp',
    'InstanceId',
    'NetworkInterfaceId',
    'PrivateIpAddress',
    'AllowReassociation',
    'DryRun',
  ]);
  if (request.AllocationId !== undefined && request.PublicIp !== undefined) {
    throw errors.invalidParameterCombination(BOTH_IDS);
  }
  if (request.AllocationId === undefined) {
    if (request.PublicIp !== undefined) {
      throw errors.invalidParameterCombination(
        'You must specify an allocation id when mapping an address to a VPC instance',
      );
    }
    throw errors.missingParameter('AllocationId');
  }
  const [address] = findRecords(ctx, region, ADDRESSES, [request.AllocationId]);
  const eni = targetInterface(ctx, region, request);
  const privateIpAddress = request.PrivateIpAddress ?? eni.privateIpAddress;
  if (!privateAddressesOf(eni).includes(privateIpAddress)) {
    throw errors.addressNotOnInterface(privateIpAddress, eni.networkInterfaceId);
  }
  const current = address!.association;
  if (current?.networkInterfaceId === eni.networkInterfaceId && current.privateIpAddress === privateIpAddress) {
    return { AssociationId: current.associationId };
  }
  if (current && request.AllowReassociation !== true) {
    throw errors.addressAlreadyAssociated(address!.allocationId, current.associationId);
  }
  if (current) disassociate(ctx, address!);
  // An Elastic IP already on that private address gives way to the new one and stays allocated.
  const previous = elasticIpOn(ctx.records(ADDRESSES).inRegion(region), eni.networkInterfaceId, privateIpAddress);
  if (previous) disassociate(ctx, previous, { reassign: false });

  const associationId = ctx.ids.next('eipassoc');
  ctx.records(ADDRESSES).touch(address!.allocationId).association = {
    associationId,
    networkInterfaceId: eni.networkInterfaceId,
    privateIpAddress,
  };
  if (privateIpAddress === eni.privateIpAddress) {
    ctx.records(NETWORK_INTERFACES).touch(eni.networkInterfaceId).publicIp = address!.publicIp;
  }
  announce(ctx, address!, eni.networkInterfaceId);
  return { AssociationId: associationId };
}

export function disassociateAddress(
  ctx: EngineContext,
  region: string,
  request: DisassociateAddressRequest,
): Record<string, never> {
  refuseUnsimulated('DisassociateAddress', request, ['AssociationId', 'PublicIp', 'DryRun']);
  if (request.AssociationId !== undefined && request.PublicIp !== undefined) {
    throw errors.invalidParameterCombination(BOTH_IDS);
  }
  const addresses = ctx.records(ADDRESSES).inRegion(region);
  let address: AddressRecord | undefined;
  if (request.AssociationId !== undefined) {
    address = addresses.find((a) => a.association?.associationId === request.AssociationId);
    if (!address) throw errors.associationIdNotFound(request.AssociationId);
  } else if (request.PublicIp !== undefined) {
    // Deprecated, still accepted: the address by its public IP (API_DisassociateAddress).
    address = addresses.find((a) => a.publicIp === request.PublicIp);
    if (!address) throw errors.addressNotFound(request.PublicIp);
  } else {
    throw errors.missingParameter('AssociationId');
  }
  if (address.association) disassociate(ctx, address);
  return {};
}

/** The interface a request names, or the one interface of the instance it names. */
function targetInterface(ctx: EngineContext, region: string, request: AssociateAddressRequest): NetworkInterfaceRecord {
  if (request.NetworkInterfaceId !== undefined) {
    const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
    if (request.InstanceId !== undefined && eni!.attachment?.instanceId !== request.InstanceId) {
      throw errors.invalidParameterCombination(
        `The network interface '${eni!.networkInterfaceId}' is not attached to instance '${request.InstanceId}'.`,
      );
    }
    return eni!;
  }
  if (request.InstanceId === undefined) throw errors.missingParameter('InstanceId');
  const [instance] = findRecords(ctx, region, INSTANCES, [request.InstanceId]);
  if (instance!.state === 'shutting-down' || instance!.state === 'terminated') {
    throw errors.incorrectInstanceState(
      `The instance '${instance!.instanceId}' is not in a valid state for this operation.`,
    );
  }
  if (instance!.networkInterfaceIds.length > 1) throw errors.multipleInterfaces(instance!.instanceId);
  return ctx.records(NETWORK_INTERFACES).get(instance!.networkInterfaceIds[0]!)!;
}

/**
 * Ends an Elastic IP's association. On an interface's primary address the public address goes, and
 * an instance launched with an auto-assigned address gets a new one where it is due one.
 */
function disassociate(ctx: EngineContext, address: AddressRecord, options = { reassign: true }): void {
  const { networkInterfaceId, privateIpAddress } = address.association!;
  ctx.records(ADDRESSES).touch(address.allocationId).association = undefined;
  const eni = ctx.records(NETWORK_INTERFACES).get(networkInterfaceId);
  if (eni && privateIpAddress === eni.privateIpAddress && eni.publicIp === address.publicIp) {
    ctx.records(NETWORK_INTERFACES).touch(networkInterfaceId).publicIp = undefined;
    if (options.reassign) autoAssignPublicIp(ctx, networkInterfaceId);
  }
  announce(ctx, address, networkInterfaceId);
}

function announce(ctx: EngineContext, address: AddressRecord, networkInterfaceId: string): void {
  ctx.changed(address.region, 'address', address.allocationId);
  ctx.changed(address.region, 'network-interface', networkInterfaceId);
  const instanceId = ctx.records(NETWORK_INTERFACES).get(networkInterfaceId)?.attachment?.instanceId;
  if (instanceId) ctx.changed(address.region, 'instance', instanceId);
}
