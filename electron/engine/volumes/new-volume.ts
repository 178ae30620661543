/**
 * Makes a volume record and what it holds, for every way a volume comes to be: CreateVolume (empty
 * and raw, or from a snapshot), and launch (the root volume from the AMI, extra block-device
 * mappings), which makes it already attached.
 */
import type { EngineContext } from '../context';
import type { Tag } from '../resource-collection';
import { copyContents, putContents } from './disk-contents';
import { rawImage, type DiskImage } from './filesystem';
import type { VolumeSpec } from './volume-rules';
import { VOLUMES, type VolumeAttachmentRecord, type VolumeRecord } from './volume-record';

export interface NewVolumeRequest {
  region: string;
  availabilityZone: string;
  spec: VolumeSpec;
  encrypted: boolean;
  snapshotId?: string;
  tags: Tag[];
  at: number;
  /** Made attached at launch; otherwise `creating` until its time is up. */
  attachment?: Omit<VolumeAttachmentRecord, 'state'>;
  creatingUntil?: number;
  /** Its files: a copy of the snapshot's (when `snapshotId` names one the lab keeps), else this image, else raw. */
  contents?: DiskImage;
}

export function createVolumeRecord(ctx: EngineContext, request: NewVolumeRequest): VolumeRecord {
  const volumeId = ctx.ids.next('vol');
  const record: VolumeRecord = {
    volumeId,
    region: request.region,
    availabilityZone: request.availabilityZone,
    sizeGiB: request.spec.sizeGiB,
    volumeType: request.spec.volumeType,
    iops: request.spec.iops,
    throughput: request.spec.throughput,
    encrypted: request.encrypted,
    snapshotId: request.snapshotId,
    createTime: request.at,
    state: request.attachment ? 'in-use' : 'creating',
    transitionDueAt: request.attachment ? undefined : request.creatingUntil,
    attachment: request.attachment ? { ...request.attachment, state: 'attached' } : undefined,
    tags: request.tags.map((t) => ({ ...t })),
  };
  ctx.records(VOLUMES).put(volumeId, record);
  if (request.contents) putContents(ctx, volumeId, request.region, request.contents);
  else if (request.snapshotId) copyContents(ctx, request.snapshotId, volumeId, request.region);
  else putContents(ctx, volumeId, request.region, rawImage());
  ctx.changed(request.region, 'volume', volumeId);
  return record;
}
