/** The region every EC2 call goes to: listed by DescribeRegions, chosen in the top bar, remembered. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Region } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { registerLabData } from './engine-events';

const STORAGE_KEY = 'ec2lab.region';

export const useRegionStore = defineStore('region', () => {
  const regions = ref<Region[]>([]);
  const selected = ref<string>(readStored());

  /** Lists the regions; keeps the remembered one if it still exists, else falls back to `defaultRegion`. */
  async function load(defaultRegion: string): Promise<void> {
    const result = await ec2.DescribeRegions(selected.value || defaultRegion, {});
    regions.value = [...(result.Regions ?? [])].sort((a, b) => (a.RegionName ?? '').localeCompare(b.RegionName ?? ''));
    const known = regions.value.some((region) => region.RegionName === selected.value);
    if (!known) selected.value = defaultRegion;
  }

  function select(regionName: string): void {
    selected.value = regionName;
    try {
      localStorage.setItem(STORAGE_KEY, regionName);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this session only.
    }
  }

  return { regions, selected, load, select };
});

registerLabData({
  storeId: useRegionStore.$id,
  stage: 'settings',
  reload: (status) => useRegionStore().load(status.defaultRegion),
});

function readStored(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
