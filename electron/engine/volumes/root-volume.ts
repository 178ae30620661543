/**
 * An instance's root volume: made at launch from the AMI's root snapshot, attached at the root
 * device, and deleted with the instance when DeleteOnTermination is set (the default), else left
 * `available`. EC2 User Guide: RootDeviceStorage, terminating-instances ("Preserve data").
 */
import type { EngineContext } from '../context';
import { releaseOnTermination } from '../release-on-termination';
import { VOLUMES, type VolumeRecord } from './volume-record';

export interface RootVolumeRequest {
  instanceId: string;
  region: string;
  availabilityZone: string;
  deviceName: string;
  sizeGiB: number;
  volumeType: string;
  encrypted: boolean;
  snapshotId?: string;
  deleteOnTermination: boolean;
  tags: { Key: string; Value: string }[];
  at: number;
}

export function createRootVolume(ctx: EngineContext, request: RootVolumeRequest): VolumeRecord {
  const volumeId = ctx.ids.next('vol');
  const record = ctx.records(VOLUMES).put(volumeId, {
    volumeId,
    region: request.region,
    availabilityZone: request.availabilityZone,
    sizeGiB: request.sizeGiB,
    volumeType: request.volumeType,
    encrypted: request.encrypted,
    snapshotId: request.snapshotId,
    createTime: request.at,
    state: 'in-use',
    attachment: {
      instanceId: request.instanceId,
      device: request.deviceName,
      attachTime: request.at,
      deleteOnTermination: request.deleteOnTermination,
    },
    tags: request.tags.map((t) => ({ ...t })),
  });
  ctx.changed(request.region, 'volume', volumeId);
  return record;
}

/** At termination: volumes with DeleteOnTermination go, the others are detached and become available. */
export function releaseVolumesOf(ctx: EngineContext, volumeIds: readonly string[]): void {
  releaseOnTermination(ctx, VOLUMES, volumeIds, (volume) => {
    volume.attachment = undefined;
    volume.state = 'available';
  });
}
