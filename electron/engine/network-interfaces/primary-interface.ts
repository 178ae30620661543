/**
 * An instance's primary network interface (device index 0): made at launch in the instance's subnet
 * with a private address from the subnet and, where the subnet maps one, a public address from
 * Amazon's pool; that public address is released on stop and a new one associated on start; the
 * interface is deleted with the instance (DeleteOnTermination). EC2 User Guide: using-eni,
 * using-instance-addressing ("Public IPv4 addresses").
 */
import type { EngineContext } from '../context';
import type { IdGenerator } from '../ids';
import { releaseOnTermination } from '../release-on-termination';
import { takenAddresses } from './addresses-in-use';
import { allocatePrivateIp, allocatePublicIp } from './ip-addresses';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

export interface PrimaryInterfaceRequest {
  instanceId: string;
  region: string;
  availabilityZone: string;
  vpcId: string;
  subnetId: string;
  cidrBlock: string;
  assignPublicIp: boolean;
  /** Its security groups (the VPC's default group when the launch names none). */
  groups: { groupId: string; groupName: string }[];
  at: number;
}

/** Addresses handed out within one command, so several instances launched together never share one. */
export type TakenAddresses = ReturnType<typeof takenAddresses>;

export function createPrimaryInterface(
  ctx: EngineContext,
  request: PrimaryInterfaceRequest,
  taken: TakenAddresses,
): NetworkInterfaceRecord {
  const networkInterfaceId = ctx.ids.next('eni');
  const privateIpAddress = allocatePrivateIp(request.cidrBlock, taken.private, ctx.ids);
  taken.private.add(privateIpAddress);
  const publicIp = request.assignPublicIp ? allocatePublicIp(request.region, taken.public, ctx.ids) : undefined;
  if (publicIp) taken.public.add(publicIp);
  const record = ctx.records(NETWORK_INTERFACES).put(networkInterfaceId, {
    networkInterfaceId,
    region: request.region,
    availabilityZone: request.availabilityZone,
    vpcId: request.vpcId,
    subnetId: request.subnetId,
    ownerId: ctx.accountId(),
    description: '',
    macAddress: macAddress(ctx.ids),
    privateIpAddress,
    publicIp,
    groups: request.groups.map((g) => ({ ...g })),
    sourceDestCheck: true,
    status: 'in-use',
    attachment: {
      attachmentId: `eni-attach-${ctx.ids.hex(17)}`,
      instanceId: request.instanceId,
      deviceIndex: 0,
      attachTime: request.at,
      deleteOnTermination: true,
    },
    tags: [],
  });
  ctx.changed(request.region, 'network-interface', networkInterfaceId);
  return record;
}

/** A new public address from Amazon's pool for an instance that starts again. */
export function associateNewPublicIp(ctx: EngineContext, networkInterfaceId: string): void {
  const eni = ctx.records(NETWORK_INTERFACES).touch(networkInterfaceId);
  eni.publicIp = allocatePublicIp(eni.region, takenAddresses(ctx, eni.region).public, ctx.ids);
  ctx.changed(eni.region, 'network-interface', networkInterfaceId);
}

/** The auto-assigned public address goes back to Amazon's pool (stop, hibernate, terminate). */
export function releasePublicIp(ctx: EngineContext, networkInterfaceId: string): void {
  const enis = ctx.records(NETWORK_INTERFACES);
  if (!enis.get(networkInterfaceId)?.publicIp) return;
  const eni = enis.touch(networkInterfaceId);
  eni.publicIp = undefined;
  ctx.changed(eni.region, 'network-interface', networkInterfaceId);
}

/** At termination: interfaces with DeleteOnTermination go, the others are detached and become available. */
export function releaseInterfacesOf(ctx: EngineContext, networkInterfaceIds: readonly string[]): void {
  releaseOnTermination(ctx, NETWORK_INTERFACES, networkInterfaceIds, (eni) => {
    eni.attachment = undefined;
    eni.status = 'available';
    eni.publicIp = undefined;
  });
}

function macAddress(ids: IdGenerator): string {
  // A locally administered unicast address, as AWS's ENIs use (06:…, 02:…, 0a:…).
  return ['06', ...Array.from({ length: 5 }, () => ids.hex(2))].join(':');
}
