/**
 * The volumes family: EBS volumes as records of their own. Today they are made with their instance
 * (root volumes); the storage operations (CreateVolume, AttachVolume …) join here.
 */
import { VOLUME_SIZE_LIMITS_GIB } from '../../../shared/rules/volumes';
import { checkFields, flag, id, oneOf, optional, region, shape, tags, text, time, zone } from '../import-checks';
import { defineFamily } from '../resource-family';
import { VOLUMES } from './volume-record';

export const VOLUMES_FAMILY = defineFamily({
  name: 'volumes',
  collection: VOLUMES,
  importCheck: checkFields({
    volumeId: id('vol'),
    region,
    availabilityZone: zone,
    sizeGiB: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 16384,
    volumeType: oneOf(Object.keys(VOLUME_SIZE_LIMITS_GIB)),
    encrypted: flag,
    snapshotId: optional(id('snap')),
    createTime: time,
    state: oneOf(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
    attachment: optional(shape({ instanceId: id('i'), device: text, attachTime: time, deleteOnTermination: flag })),
    tags,
  }),
  activityIdKeys: ['VolumeIds', 'VolumeId'],
  createdIdKey: 'VolumeId',
  handlers: {},
});
