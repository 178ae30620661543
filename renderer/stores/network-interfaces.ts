/**
 * Network interfaces of the selected region (DescribeNetworkInterfaces), for the Network interfaces
 * page and the Elastic IP association dialog. A 'network-interface' event describes again just the
 * interfaces it names (a lab of 5,000 instances has 5,000 of them: reading them all on every stop or
 * start cost the console a long frame); an 'address' event, which does not name them, describes all.
 * EC2 User Guide: using-eni.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { ErrorCode, isApiError } from '../../shared/errors';
import { mergeById } from '../domain/merge-by-id';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

const idOf = (eni: NetworkInterface) => eni.NetworkInterfaceId ?? '';

export const useNetworkInterfacesStore = defineStore('network-interfaces', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  // Replaced whole on every change, never changed in place: no deep proxies over thousands of interfaces.
  const interfaces = shallowRef<NetworkInterface[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const described = await ec2.DescribeNetworkInterfaces(regionName, {});
      if (regionName === region.value) interfaces.value = described.NetworkInterfaces ?? [];
    } finally {
      loading.value = false;
    }
  }

  /** Describes `ids` again; one that no longer exists (deleted with its instance) drops off the list. */
  async function refresh(ids: string[]): Promise<void> {
    const regionName = region.value;
    let fresh: NetworkInterface[];
    try {
      fresh = (await ec2.DescribeNetworkInterfaces(regionName, { NetworkInterfaceIds: ids })).NetworkInterfaces ?? [];
    } catch (error) {
      // NetworkInterfaceIds fails as a whole when one id is gone: the full list says which remain.
      if (isApiError(error) && error.code === ErrorCode.InvalidNetworkInterfaceIdNotFound) return load();
      throw error;
    }
    if (regionName === region.value) interfaces.value = mergeById(interfaces.value, idOf, ids, fresh);
  }

  function changed(regionName: string, ids?: string[]): void {
    if (regionName !== region.value) return;
    (ids && ids.length > 0 ? refresh(ids) : load()).catch(() => undefined);
  }

  return { interfaces, loading, load, changed };
});

registerLabData({
  storeId: useNetworkInterfacesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useNetworkInterfacesStore().load(),
  changed: {
    'network-interface': (ids, region) => useNetworkInterfacesStore().changed(region, ids),
    address: (_ids, region) => useNetworkInterfacesStore().changed(region),
  },
});
