/**
 * AssignPrivateIpAddresses and UnassignPrivateIpAddresses: secondary private IPv4 addresses of an
 * interface, named or counted, from its subnet (never reserved, never another's unless
 * AllowReassignment moves it), within the attached instance type's addresses per interface; the
 * primary address cannot be unassigned, and an Elastic IP on an unassigned address is disassociated.
 * EC2 API Reference: API_AssignPrivateIpAddresses, API_UnassignPrivateIpAddresses; EC2 User Guide:
 * MultipleIP.
 */
import type {
  AssignPrivateIpAddressesRequest,
  AssignPrivateIpAddressesResult,
  UnassignPrivateIpAddressesRequest,
} from '@aws-sdk/client-ec2';
import { ADDRESSES } from '../addresses/address-record';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES } from '../instances/instance-record';
import { refuseUnsimulated } from '../not-simulated';
import { SUBNETS } from '../subnets/subnet-record';
import { privateAddressesOf, takenAddresses } from './addresses-in-use';
import { allocatePrivateIp, checkRequestedPrivateIp } from './ip-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

/** An unattached interface has no instance type to read a limit from; the lab keeps it to 50 addresses. */
const UNATTACHED_LIMIT = 50;

export function assignPrivateIpAddresses(
  ctx: EngineContext,
  region: string,
  request: AssignPrivateIpAddressesRequest,
): AssignPrivateIpAddressesResult {
  refuseUnsimulated('AssignPrivateIpAddresses', request, [
    'NetworkInterfaceId',
    'PrivateIpAddresses',
    'SecondaryPrivateIpAddressCount',
    'AllowReassignment',
  ]);
  if (request.NetworkInterfaceId === undefined) throw errors.missingParameter('NetworkInterfaceId');
  const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
  const named = request.PrivateIpAddresses ?? [];
  const count = request.SecondaryPrivateIpAddressCount;
  if (named.length > 0 === (count !== undefined)) {
    throw errors.invalidParameterCombination(
      'Either PrivateIpAddresses or SecondaryPrivateIpAddressCount must be specified, but not both.',
    );
  }
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw errors.invalidParameterValue(
      `Value (${count}) for parameter secondaryPrivateIpAddressCount is invalid. Expected a positive integer.`,
    );
  }
  const wanted = count ?? named.length;
  if (privateAddressesOf(eni!).length + wanted > addressLimit(ctx, eni!)) throw errors.privateIpAddressLimitExceeded();

  const subnet = ctx.records(SUBNETS).get(eni!.subnetId)!;
  const taken = takenAddresses(ctx, region);
  const mine = new Set(privateAddressesOf(eni!));
  const moved: string[] = [];
  const assigned = named.map((address) => {
    if (mine.has(address)) throw errors.ipAddressInUse(address);
    if (taken.private.has(address) && request.AllowReassignment === true) {
      moved.push(address);
      taken.private.delete(address);
    }
    const checked = checkRequestedPrivateIp(subnet.cidrBlock, address, taken.private);
    taken.private.add(checked);
    return checked;
  });
  for (let i = 0; i < (count ?? 0); i++) {
    const address = allocatePrivateIp(subnet.cidrBlock, taken.private, ctx.ids);
    taken.private.add(address);
    assigned.push(address);
  }
  for (const address of moved) unassignFromOwner(ctx, region, address);
  const record = ctx.records(NETWORK_INTERFACES).touch(eni!.networkInterfaceId);
  record.secondaryPrivateIpAddresses = [...(record.secondaryPrivateIpAddresses ?? []), ...assigned];
  ctx.changed(region, 'network-interface', eni!.networkInterfaceId);
  return {
    NetworkInterfaceId: eni!.networkInterfaceId,
    AssignedPrivateIpAddresses: assigned.map((PrivateIpAddress) => ({ PrivateIpAddress })),
  };
}

export function unassignPrivateIpAddresses(
  ctx: EngineContext,
  region: string,
  request: UnassignPrivateIpAddressesRequest,
): Record<string, never> {
  refuseUnsimulated('UnassignPrivateIpAddresses', request, ['NetworkInterfaceId', 'PrivateIpAddresses']);
  if (request.NetworkInterfaceId === undefined) throw errors.missingParameter('NetworkInterfaceId');
  if (!request.PrivateIpAddresses?.length) throw errors.missingParameter('PrivateIpAddresses');
  const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
  const secondaries = eni!.secondaryPrivateIpAddresses ?? [];
  if (request.PrivateIpAddresses.some((address) => !secondaries.includes(address))) {
    throw errors.addressesNotAssigned(eni!.networkInterfaceId);
  }
  for (const address of request.PrivateIpAddresses) unassign(ctx, eni!, address);
  return {};
}

/** A secondary address leaves its interface; an Elastic IP on it is disassociated. */
function unassign(ctx: EngineContext, eni: NetworkInterfaceRecord, address: string): void {
  const record = ctx.records(NETWORK_INTERFACES).touch(eni.networkInterfaceId);
  const rest = (record.secondaryPrivateIpAddresses ?? []).filter((a) => a !== address);
  record.secondaryPrivateIpAddresses = rest.length ? rest : undefined;
  const addresses = ctx.records(ADDRESSES);
  for (const elastic of addresses.inRegion(eni.region)) {
    const association = elastic.association;
    if (association?.networkInterfaceId !== eni.networkInterfaceId || association.privateIpAddress !== address)
      continue;
    addresses.touch(elastic.allocationId).association = undefined;
    ctx.changed(eni.region, 'address', elastic.allocationId);
  }
  ctx.changed(eni.region, 'network-interface', eni.networkInterfaceId);
}

/** AllowReassignment: a secondary address another interface holds moves here. */
function unassignFromOwner(ctx: EngineContext, region: string, address: string): void {
  const owner = ctx
    .records(NETWORK_INTERFACES)
    .inRegion(region)
    .find((e) => e.secondaryPrivateIpAddresses?.includes(address));
  if (!owner) throw errors.ipAddressInUse(address);
  unassign(ctx, owner, address);
}

/** The attached instance type's private IPv4 addresses per interface (EC2 User Guide: AvailableIpPerENI). */
function addressLimit(ctx: EngineContext, eni: NetworkInterfaceRecord): number {
  const instanceId = eni.attachment?.instanceId;
  const instance = instanceId === undefined ? undefined : ctx.records(INSTANCES).get(instanceId);
  if (!instance) return UNATTACHED_LIMIT;
  const type = ctx.catalog.instanceTypes.find((t) => t.InstanceType === instance.instanceType);
  return type?.NetworkInfo?.Ipv4AddressesPerInterface ?? UNATTACHED_LIMIT;
}
