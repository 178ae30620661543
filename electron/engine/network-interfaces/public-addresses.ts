/**
 * The public IPv4 side of a network interface: which public address sits on each of its private
 * addresses (an Elastic IP, or on the primary address an auto-assigned one from Amazon's pool), and
 * the auto-assigned address's life. EC2 User Guide: using-instance-addressing ("Public IPv4
 * addresses"): an auto-assigned address is released on stop, hibernate and terminate and when an
 * Elastic IP is associated; a new one comes on start, and when the Elastic IP is disassociated,
 * except for an instance with more than one network interface attached; an Elastic IP stays.
 */
import { ADDRESSES, elasticIpOn, type AddressRecord } from '../addresses/address-record';
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { takenAddresses } from './addresses-in-use';
import { allocatePublicIp, publicDnsName } from './ip-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

export interface PublicAssociation {
  publicIp: string;
  publicDnsName: string;
  /** `amazon` for an auto-assigned address, the account for an Elastic IP. */
  ipOwnerId: string;
  allocationId?: string;
  associationId?: string;
}

/** The public address on one private address of the interface, if any. */
export function publicAssociation(
  ctx: EngineContext,
  eni: NetworkInterfaceRecord,
  privateIpAddress: string,
): PublicAssociation | undefined {
  const elastic = elasticIpOn(ctx.records(ADDRESSES).inRegion(eni.region), eni.networkInterfaceId, privateIpAddress);
  if (elastic) return elasticAssociation(ctx, elastic);
  if (privateIpAddress !== eni.privateIpAddress || !eni.publicIp) return undefined;
  return { publicIp: eni.publicIp, publicDnsName: publicDnsName(eni.publicIp, eni.region), ipOwnerId: 'amazon' };
}

function elasticAssociation(ctx: EngineContext, address: AddressRecord): PublicAssociation {
  return {
    publicIp: address.publicIp,
    publicDnsName: publicDnsName(address.publicIp, address.region),
    ipOwnerId: ctx.accountId(),
    allocationId: address.allocationId,
    associationId: address.association?.associationId,
  };
}

/** Whether the interface's primary public address is an Elastic IP. */
export function hasElasticIpOnPrimary(ctx: EngineContext, eni: NetworkInterfaceRecord): boolean {
  return (
    elasticIpOn(ctx.records(ADDRESSES).inRegion(eni.region), eni.networkInterfaceId, eni.privateIpAddress) !== undefined
  );
}

/**
 * Whether the interface gets an auto-assigned address now: it is the primary interface of an
 * instance that was launched with one, pending or running, with no other interface attached and no
 * Elastic IP on it.
 */
export function mayAutoAssign(ctx: EngineContext, eni: NetworkInterfaceRecord): boolean {
  if (eni.attachment?.deviceIndex !== 0 || eni.publicIp) return false;
  const instance = ctx.records(INSTANCES).get(eni.attachment.instanceId);
  return (
    instance !== undefined &&
    instance.assignPublicIp &&
    (instance.state === 'pending' || instance.state === 'running') &&
    instance.networkInterfaceIds.length === 1
  );
}

/** A new public address from Amazon's pool, where the interface is due one (start, Elastic IP gone). */
export function autoAssignPublicIp(ctx: EngineContext, networkInterfaceId: string): void {
  const current = ctx.records(NETWORK_INTERFACES).get(networkInterfaceId);
  if (!current || !mayAutoAssign(ctx, current)) return;
  const eni = ctx.records(NETWORK_INTERFACES).touch(networkInterfaceId);
  eni.publicIp = allocatePublicIp(eni.region, takenAddresses(ctx, eni.region).public, ctx.ids);
  ctx.changed(eni.region, 'network-interface', networkInterfaceId);
}

/** The auto-assigned public address goes back to Amazon's pool (stop, hibernate); an Elastic IP stays. */
export function releasePublicIp(ctx: EngineContext, networkInterfaceId: string): void {
  const enis = ctx.records(NETWORK_INTERFACES);
  const current = enis.get(networkInterfaceId);
  if (!current?.publicIp || hasElasticIpOnPrimary(ctx, current)) return;
  const eni = enis.touch(networkInterfaceId);
  eni.publicIp = undefined;
  ctx.changed(eni.region, 'network-interface', networkInterfaceId);
}
