/**
 * The volumes family: EBS volumes as records of their own. Today they are made with their instance
 * (root volumes); the storage operations (CreateVolume, AttachVolume …) join here.
 */
import { checkFields, count, flag, id, list, oneOf, region, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { VOLUMES } from './volume-record';

export const VOLUMES_FAMILY = defineFamily({
  name: 'volumes',
  collection: VOLUMES,
  importCheck: checkFields({
    volumeId: id('vol'),
    region,
    availabilityZone: text,
    sizeGiB: count,
    volumeType: text,
    encrypted: flag,
    createTime: time,
    state: oneOf(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
    tags: list,
  }),
  activityIdKeys: ['VolumeIds', 'VolumeId'],
  createdIdKey: 'VolumeId',
  handlers: {},
});
