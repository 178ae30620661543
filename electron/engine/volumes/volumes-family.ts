/**
 * The volumes family: EBS volumes as records of their own, made at launch or by CreateVolume,
 * attached, detached, modified and deleted on the clock, by EC2's operation names.
 */
import { VOLUME_SIZE_LIMITS_GIB } from '../../../shared/rules/volumes';
import { checkFields, count, flag, id, oneOf, optional, region, shape, tags, text, time, zone } from '../import-checks';
import { defineFamily } from '../resource-family';
import { createVolume } from './create-volume';
import { deleteVolume } from './delete-volume';
import { describeVolumes, describeVolumesModifications } from './describe-volumes';
import { modifyVolume } from './modify-volume';
import { attachVolume, detachVolume } from './volume-attachments';
import { advanceVolumes } from './volume-lifecycle';
import { VOLUMES } from './volume-record';

const performance = shape({
  sizeGiB: count,
  volumeType: oneOf(Object.keys(VOLUME_SIZE_LIMITS_GIB)),
  iops: optional(count),
  throughput: optional(count),
});

export const VOLUMES_FAMILY = defineFamily({
  name: 'volumes',
  collection: VOLUMES,
  importCheck: checkFields({
    volumeId: id('vol'),
    region,
    availabilityZone: zone,
    sizeGiB: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 16384,
    volumeType: oneOf(Object.keys(VOLUME_SIZE_LIMITS_GIB)),
    iops: optional(count),
    throughput: optional(count),
    encrypted: flag,
    snapshotId: optional(id('snap')),
    createTime: time,
    state: oneOf(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
    transitionDueAt: optional(time),
    attachment: optional(
      shape({
        instanceId: id('i'),
        device: text,
        attachTime: time,
        deleteOnTermination: flag,
        state: optional(oneOf(['attaching', 'attached', 'detaching'])),
      }),
    ),
    modification: optional(
      shape({
        state: oneOf(['modifying', 'optimizing', 'completed']),
        startTime: time,
        dueAt: optional(time),
        endTime: optional(time),
        original: performance,
        target: performance,
      }),
    ),
    tags,
  }),
  activityIdKeys: ['VolumeIds', 'VolumeId'],
  createdIdKey: 'VolumeId',
  advance: advanceVolumes,
  handlers: {
    CreateVolume: createVolume,
    DescribeVolumes: describeVolumes,
    AttachVolume: attachVolume,
    DetachVolume: detachVolume,
    DeleteVolume: deleteVolume,
    ModifyVolume: modifyVolume,
    DescribeVolumesModifications: describeVolumesModifications,
  },
});
