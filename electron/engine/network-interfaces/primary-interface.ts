/**
 * An instance's primary network interface (device index 0): made at launch in the instance's subnet
 * with a private address from the subnet and, where the subnet maps one or the launch asks for it, a
 * public address from Amazon's pool; at termination the instance's interfaces marked
 * DeleteOnTermination go (their Elastic IPs are disassociated), the others are detached and keep
 * their Elastic IPs. EC2 User Guide: using-eni, using-instance-addressing, terminating-instances.
 */
import { ADDRESSES } from '../addresses/address-record';
import type { EngineContext } from '../context';
import { releaseOnTermination } from '../release-on-termination';
import type { Tag } from '../resource-collection';
import { createInterface, newAttachmentId, type InterfaceSubnet, type TakenAddresses } from './new-interface';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';
import { hasElasticIpOnPrimary } from './public-addresses';

export type { TakenAddresses };

export interface PrimaryInterfaceRequest {
  instanceId: string;
  subnet: InterfaceSubnet;
  privateIpAddress?: string;
  assignPublicIp: boolean;
  deleteOnTermination: boolean;
  description: string;
  /** Its security groups (the VPC's default group when the launch names none). */
  groups: { groupId: string; groupName: string }[];
  tags: Tag[];
  at: number;
}

export function createPrimaryInterface(
  ctx: EngineContext,
  request: PrimaryInterfaceRequest,
  taken: TakenAddresses,
): NetworkInterfaceRecord {
  return createInterface(
    ctx,
    {
      subnet: request.subnet,
      privateIpAddress: request.privateIpAddress,
      assignPublicIp: request.assignPublicIp,
      groups: request.groups,
      description: request.description,
      tags: request.tags,
      attachment: {
        attachmentId: newAttachmentId(ctx.ids),
        instanceId: request.instanceId,
        deviceIndex: 0,
        attachTime: request.at,
        deleteOnTermination: request.deleteOnTermination,
      },
    },
    taken,
  );
}

/** At termination: interfaces with DeleteOnTermination go, the others are detached and become available. */
export function releaseInterfacesOf(ctx: EngineContext, networkInterfaceIds: readonly string[]): void {
  const enis = ctx.records(NETWORK_INTERFACES);
  const deleted = networkInterfaceIds.filter((id) => enis.get(id)?.attachment?.deleteOnTermination !== false);
  disassociateElasticIpsOf(ctx, deleted);
  releaseOnTermination(ctx, NETWORK_INTERFACES, networkInterfaceIds, (eni) => {
    const keepsElasticIp = hasElasticIpOnPrimary(ctx, eni);
    eni.attachment = undefined;
    eni.status = 'available';
    if (!keepsElasticIp) eni.publicIp = undefined;
  });
}

/** The Elastic IPs on interfaces that go away are disassociated and stay allocated. */
export function disassociateElasticIpsOf(ctx: EngineContext, networkInterfaceIds: readonly string[]): void {
  const addresses = ctx.records(ADDRESSES);
  for (const address of [...addresses.values()]) {
    if (!address.association || !networkInterfaceIds.includes(address.association.networkInterfaceId)) continue;
    addresses.touch(address.allocationId).association = undefined;
    ctx.changed(address.region, 'address', address.allocationId);
  }
}
