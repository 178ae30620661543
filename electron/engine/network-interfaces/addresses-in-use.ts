/**
 * The private and public addresses a region holds (every interface's private addresses, primary and
 * secondary, the public addresses on them and every allocated Elastic IP), so new ones never collide,
 * and what is left in a subnet: AWS reserves the first four addresses and the last of every subnet
 * (VPC User Guide: subnet-sizing).
 */
import { ADDRESSES } from '../addresses/address-record';
import type { EngineContext } from '../context';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

/** Every private address of an interface, the primary one first. */
export function privateAddressesOf(eni: NetworkInterfaceRecord): string[] {
  return [eni.privateIpAddress, ...(eni.secondaryPrivateIpAddresses ?? [])];
}

export function takenAddresses(ctx: EngineContext, region: string) {
  const taken = { private: new Set<string>(), public: new Set<string>() };
  for (const eni of ctx.records(NETWORK_INTERFACES).inRegion(region)) {
    for (const address of privateAddressesOf(eni)) taken.private.add(address);
    if (eni.publicIp) taken.public.add(eni.publicIp);
  }
  for (const address of ctx.records(ADDRESSES).inRegion(region)) taken.public.add(address.publicIp);
  return taken;
}

/** How many private addresses each subnet of the region has handed out, by subnet id. */
export function addressesUsedBySubnet(ctx: EngineContext, region: string): Map<string, number> {
  const used = new Map<string, number>();
  for (const eni of ctx.records(NETWORK_INTERFACES).inRegion(region)) {
    used.set(eni.subnetId, (used.get(eni.subnetId) ?? 0) + privateAddressesOf(eni).length);
  }
  return used;
}

/** The addresses a subnet of this CIDR block can ever hand out: its size less AWS's five. */
export function usableAddresses(cidrBlock: string): number {
  return 2 ** (32 - Number(cidrBlock.split('/')[1])) - 5;
}
