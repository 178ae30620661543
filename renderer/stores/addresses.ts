/**
 * Elastic IP addresses of the selected region (DescribeAddresses), and the console's allocate,
 * associate, disassociate and release. An 'address' event, or an 'instance' or 'network-interface'
 * one (an association shows the instance), describes them again: they are few (five per region).
 * EC2 User Guide: elastic-ip-addresses-eip.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { Address, AssociateAddressRequest, Tag } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

/** Where an Elastic IP goes: an instance (its one interface) or a network interface and one of its private addresses. */
export type AssociationTarget =
  | { kind: 'instance'; instanceId: string; privateIpAddress?: string }
  | { kind: 'network-interface'; networkInterfaceId: string; privateIpAddress?: string };

export const useAddressesStore = defineStore('addresses', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const addresses = ref<Address[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const described = await ec2.DescribeAddresses(regionName, {});
      if (regionName === region.value) addresses.value = described.Addresses ?? [];
    } finally {
      loading.value = false;
    }
  }

  /** AllocateAddress; answers the new allocation id and the CLI command. */
  async function allocate(tags: Tag[]): Promise<{ allocationId: string; publicIp: string; cli: string }> {
    const regionName = region.value;
    const input = {
      Domain: 'vpc' as const,
      TagSpecifications: tags.length ? [{ ResourceType: 'elastic-ip' as const, Tags: tags }] : undefined,
    };
    const allocated = await ec2.AllocateAddress(regionName, input);
    await load();
    return {
      allocationId: allocated.AllocationId ?? '',
      publicIp: allocated.PublicIp ?? '',
      cli: toCliCommand('AllocateAddress', input, regionName),
    };
  }

  async function associate(
    allocationId: string,
    target: AssociationTarget,
    allowReassociation: boolean,
  ): Promise<string> {
    const regionName = region.value;
    const input: AssociateAddressRequest = {
      AllocationId: allocationId,
      ...(target.kind === 'instance'
        ? { InstanceId: target.instanceId }
        : { NetworkInterfaceId: target.networkInterfaceId }),
      PrivateIpAddress: target.privateIpAddress || undefined,
      AllowReassociation: allowReassociation || undefined,
    };
    await ec2.AssociateAddress(regionName, input);
    await load();
    return toCliCommand('AssociateAddress', input, regionName);
  }

  async function disassociate(associationId: string): Promise<string> {
    const regionName = region.value;
    const input = { AssociationId: associationId };
    await ec2.DisassociateAddress(regionName, input);
    await load();
    return toCliCommand('DisassociateAddress', input, regionName);
  }

  async function release(allocationId: string): Promise<string> {
    const regionName = region.value;
    const input = { AllocationId: allocationId };
    await ec2.ReleaseAddress(regionName, input);
    await load();
    return toCliCommand('ReleaseAddress', input, regionName);
  }

  /** Describes the region's addresses again after an event in the region shown. */
  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { addresses, loading, load, allocate, associate, disassociate, release, changed };
});

registerLabData({
  storeId: useAddressesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useAddressesStore().load(),
  changed: {
    address: (_ids, region) => useAddressesStore().changed(region),
    'network-interface': (_ids, region) => useAddressesStore().changed(region),
  },
});
