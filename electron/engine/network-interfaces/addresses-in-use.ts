/**
 * The private and public addresses a region's network interfaces hold, so new ones never collide,
 * and what is left in a subnet: AWS reserves the first four addresses and the last of every subnet
 * (VPC User Guide: subnet-sizing).
 */
import type { EngineContext } from '../context';
import { NETWORK_INTERFACES } from './network-interface-record';

export function takenAddresses(ctx: EngineContext, region: string) {
  const taken = { private: new Set<string>(), public: new Set<string>() };
  for (const eni of ctx.records(NETWORK_INTERFACES).inRegion(region)) {
    taken.private.add(eni.privateIpAddress);
    if (eni.publicIp) taken.public.add(eni.publicIp);
  }
  return taken;
}

/** How many private addresses each subnet of the region has handed out, by subnet id. */
export function addressesUsedBySubnet(ctx: EngineContext, region: string): Map<string, number> {
  const used = new Map<string, number>();
  for (const eni of ctx.records(NETWORK_INTERFACES).inRegion(region)) {
    used.set(eni.subnetId, (used.get(eni.subnetId) ?? 0) + 1);
  }
  return used;
}

/** The addresses a subnet of this CIDR block can ever hand out: its size less AWS's five. */
export function usableAddresses(cidrBlock: string): number {
  return 2 ** (32 - Number(cidrBlock.split('/')[1])) - 5;
}
