/**
 * A new network interface record in a subnet: a MAC, a private address from the subnet (the one asked
 * for, or a free one skipping AWS's five reserved addresses), optional secondary addresses, its
 * security groups and, for an instance's primary interface, its attachment and auto-assigned public
 * address. EC2 User Guide: using-eni; VPC User Guide: subnet-sizing.
 */
import type { EngineContext } from '../context';
import type { IdGenerator } from '../ids';
import type { Tag } from '../resource-collection';
import type { TakenAddresses } from './addresses-in-use';
import { allocatePrivateIp, allocatePublicIp, checkRequestedPrivateIp } from './ip-addresses';
import {
  NETWORK_INTERFACES,
  type NetworkInterfaceAttachmentRecord,
  type NetworkInterfaceRecord,
} from './network-interface-record';

/** Addresses handed out within one command, so several interfaces made together never share one. */
export type { TakenAddresses };

export interface InterfaceSubnet {
  region: string;
  availabilityZone: string;
  vpcId: string;
  subnetId: string;
  cidrBlock: string;
}

export interface NewInterface {
  subnet: InterfaceSubnet;
  /** A private address the request names (checked here), else a free one. */
  privateIpAddress?: string;
  /** Secondary addresses the request names (checked here) … */
  secondaryPrivateIpAddresses?: readonly string[];
  /** … and how many more free ones to pick. */
  secondaryPrivateIpAddressCount?: number;
  assignPublicIp: boolean;
  groups: { groupId: string; groupName: string }[];
  description: string;
  attachment?: NetworkInterfaceAttachmentRecord;
  tags: Tag[];
}

export function createInterface(ctx: EngineContext, spec: NewInterface, taken: TakenAddresses): NetworkInterfaceRecord {
  const { subnet } = spec;
  const privateIp = (requested: string | undefined) => {
    const address =
      requested === undefined
        ? allocatePrivateIp(subnet.cidrBlock, taken.private, ctx.ids)
        : checkRequestedPrivateIp(subnet.cidrBlock, requested, taken.private);
    taken.private.add(address);
    return address;
  };
  const networkInterfaceId = ctx.ids.next('eni');
  const privateIpAddress = privateIp(spec.privateIpAddress);
  const secondaries = [
    ...(spec.secondaryPrivateIpAddresses ?? []).map((a) => privateIp(a)),
    ...Array.from({ length: spec.secondaryPrivateIpAddressCount ?? 0 }, () => privateIp(undefined)),
  ];
  const publicIp = spec.assignPublicIp ? allocatePublicIp(subnet.region, taken.public, ctx.ids) : undefined;
  if (publicIp) taken.public.add(publicIp);
  const record = ctx.records(NETWORK_INTERFACES).put(networkInterfaceId, {
    networkInterfaceId,
    region: subnet.region,
    availabilityZone: subnet.availabilityZone,
    vpcId: subnet.vpcId,
    subnetId: subnet.subnetId,
    ownerId: ctx.accountId(),
    description: spec.description,
    macAddress: macAddress(ctx.ids),
    privateIpAddress,
    ...(secondaries.length ? { secondaryPrivateIpAddresses: secondaries } : {}),
    publicIp,
    groups: spec.groups.map((g) => ({ ...g })),
    sourceDestCheck: true,
    status: spec.attachment ? 'in-use' : 'available',
    attachment: spec.attachment,
    tags: spec.tags.map((t) => ({ ...t })),
  });
  ctx.changed(subnet.region, 'network-interface', networkInterfaceId);
  return record;
}

export function newAttachmentId(ids: IdGenerator): string {
  return `eni-attach-${ids.hex(17)}`;
}

function macAddress(ids: IdGenerator): string {
  // A locally administered unicast address, as AWS's ENIs use (06:…, 02:…, 0a:…).
  return ['06', ...Array.from({ length: 5 }, () => ids.hex(2))].join(':');
}
