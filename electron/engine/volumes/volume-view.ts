/** Maps a volume record to AWS's `Volume` and `VolumeAttachment` shapes (EC2 API Reference: Volume). */
import type { Volume, VolumeAttachment, VolumeModification } from '@aws-sdk/client-ec2';
import type { VolumeRecord } from './volume-record';

export function toVolumeAttachment(volume: VolumeRecord): VolumeAttachment | undefined {
  const attachment = volume.attachment;
  if (!attachment) return undefined;
  return {
    AttachTime: new Date(attachment.attachTime),
    Device: attachment.device,
    InstanceId: attachment.instanceId,
    State: attachment.state ?? 'attached',
    VolumeId: volume.volumeId,
    DeleteOnTermination: attachment.deleteOnTermination,
  };
}

export function toVolume(volume: VolumeRecord): Volume {
  const attachment = toVolumeAttachment(volume);
  return {
    Attachments: attachment ? [attachment] : [],
    AvailabilityZone: volume.availabilityZone,
    CreateTime: new Date(volume.createTime),
    Encrypted: volume.encrypted,
    Size: volume.sizeGiB,
    // EC2 answers an empty snapshot id for a volume made empty.
    SnapshotId: volume.snapshotId ?? '',
    State: volume.state,
    VolumeId: volume.volumeId,
    Iops: volume.iops,
    Tags: volume.tags.length ? volume.tags.map((t) => ({ ...t })) : undefined,
    VolumeType: volume.volumeType as Volume['VolumeType'],
    MultiAttachEnabled: false,
    Throughput: volume.throughput,
  };
}

export function toVolumeModification(volume: VolumeRecord): VolumeModification | undefined {
  const m = volume.modification;
  if (!m) return undefined;
  const progress = m.state === 'completed' ? 100 : m.state === 'optimizing' ? 50 : 0;
  return {
    VolumeId: volume.volumeId,
    ModificationState: m.state,
    TargetSize: m.target.sizeGiB,
    TargetIops: m.target.iops,
    TargetVolumeType: m.target.volumeType as VolumeModification['TargetVolumeType'],
    TargetThroughput: m.target.throughput,
    TargetMultiAttachEnabled: false,
    OriginalSize: m.original.sizeGiB,
    OriginalIops: m.original.iops,
    OriginalVolumeType: m.original.volumeType as VolumeModification['OriginalVolumeType'],
    OriginalThroughput: m.original.throughput,
    OriginalMultiAttachEnabled: false,
    Progress: progress,
    StartTime: new Date(m.startTime),
    EndTime: m.endTime === undefined ? undefined : new Date(m.endTime),
  };
}
