/**
 * Network interfaces of the selected region (DescribeNetworkInterfaces), for the Network interfaces
 * page and the Elastic IP association dialog. A 'network-interface' event describes them again.
 * EC2 User Guide: using-eni.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export const useNetworkInterfacesStore = defineStore('network-interfaces', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const interfaces = ref<NetworkInterface[]>([]);
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

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { interfaces, loading, load, changed };
});

registerLabData({
  storeId: useNetworkInterfacesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useNetworkInterfacesStore().load(),
  changed: {
    'network-interface': (_ids, region) => useNetworkInterfacesStore().changed(region),
    address: (_ids, region) => useNetworkInterfacesStore().changed(region),
  },
});
