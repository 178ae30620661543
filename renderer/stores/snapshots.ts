/**
 * EBS snapshots the lab's account owns in the selected region (DescribeSnapshots OwnerIds self),
 * and the console's delete and create-volume-from-snapshot. A pending snapshot's progress moves
 * with the lab clock, so while one is pending every clock event describes them again; a 'snapshot'
 * event does too. EBS User Guide: ebs-snapshots.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { Snapshot } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { registerLabData, useEngineEventsStore } from './engine-events';
import { useRegionStore } from './region';
import { useVolumesStore } from './volumes';

export const useSnapshotsStore = defineStore('snapshots', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const snapshots = ref<Snapshot[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const described = await ec2.DescribeSnapshots(regionName, { OwnerIds: ['self'] });
      if (regionName === region.value) snapshots.value = described.Snapshots ?? [];
    } finally {
      loading.value = false;
    }
  }

  async function remove(snapshotId: string): Promise<string> {
    const regionName = region.value;
    const input = { SnapshotId: snapshotId };
    await ec2.DeleteSnapshot(regionName, input);
    await load();
    return toCliCommand('DeleteSnapshot', input, regionName);
  }

  async function createVolume(snapshotId: string, zone: string): Promise<string> {
    const regionName = region.value;
    const input = { SnapshotId: snapshotId, AvailabilityZone: zone };
    await ec2.CreateVolume(regionName, input);
    await useVolumesStore().load();
    return toCliCommand('CreateVolume', input, regionName);
  }

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  useEngineEventsStore().on('clock', () => {
    if (snapshots.value.some((s) => s.State === 'pending')) load().catch(() => undefined);
  });

  return { snapshots, loading, load, remove, createVolume, changed };
});

registerLabData({
  storeId: useSnapshotsStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useSnapshotsStore().load(),
  changed: { snapshot: (_ids, region) => useSnapshotsStore().changed(region) },
});
