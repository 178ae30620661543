/**
 * EBS volumes of the selected region (DescribeVolumes), and the console's create, attach, detach,
 * delete and create-snapshot. A 'volume' event describes the region's volumes again (they change
 * state on the clock: creating → available, attaching → in-use …). EBS User Guide: ebs-volumes.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type { CreateVolumeRequest, Volume } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export const useVolumesStore = defineStore('volumes', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const volumes = ref<Volume[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const described = await ec2.DescribeVolumes(regionName, {});
      if (regionName === region.value) volumes.value = described.Volumes ?? [];
    } finally {
      loading.value = false;
    }
  }

  /** Runs one operation in the selected region, describes again, and answers its CLI command. */
  async function run<K extends 'CreateVolume' | 'AttachVolume' | 'DetachVolume' | 'DeleteVolume' | 'CreateSnapshot'>(
    operation: K,
    input: Parameters<(typeof ec2)[K]>[1],
  ): Promise<string> {
    const regionName = region.value;
    await (ec2[operation] as (region: string, input: unknown) => Promise<unknown>)(regionName, input);
    await load();
    return toCliCommand(operation, input as never, regionName);
  }

  const create = (input: CreateVolumeRequest) => run('CreateVolume', input);
  const attach = (volumeId: string, instanceId: string, device: string) =>
    run('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: device });
  const detach = (volumeId: string, force: boolean) =>
    run('DetachVolume', force ? { VolumeId: volumeId, Force: true } : { VolumeId: volumeId });
  const remove = (volumeId: string) => run('DeleteVolume', { VolumeId: volumeId });
  const snapshot = (volumeId: string, description: string) =>
    run('CreateSnapshot', description ? { VolumeId: volumeId, Description: description } : { VolumeId: volumeId });

  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { volumes, loading, load, create, attach, detach, remove, snapshot, changed };
});

registerLabData({
  storeId: useVolumesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useVolumesStore().load(),
  changed: { volume: (_ids, region) => useVolumesStore().changed(region) },
});
