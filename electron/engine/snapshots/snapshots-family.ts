/** The snapshots family: EBS snapshots of volumes, their progress on the clock, copies across regions. */
import { checkFields, count, anyText, flag, id, oneOf, optional, region, tags, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { advanceSnapshots } from './new-snapshot';
import { copySnapshot, createSnapshot, deleteSnapshot, describeSnapshots } from './snapshot-operations';
import { SNAPSHOTS } from './snapshot-record';

export const SNAPSHOTS_FAMILY = defineFamily({
  name: 'snapshots',
  collection: SNAPSHOTS,
  importCheck: checkFields({
    snapshotId: id('snap'),
    region,
    ownerId: text,
    volumeId: id('vol'),
    volumeSizeGiB: count,
    encrypted: flag,
    description: anyText,
    state: oneOf(['pending', 'completed', 'error']),
    startTime: time,
    completeAt: time,
    sourceSnapshotId: optional(id('snap')),
    sourceRegion: optional(region),
    tags,
  }),
  activityIdKeys: ['SnapshotIds', 'SnapshotId', 'SourceSnapshotId'],
  createdIdKey: 'SnapshotId',
  advance: advanceSnapshots,
  handlers: {
    CreateSnapshot: createSnapshot,
    DescribeSnapshots: describeSnapshots,
    DeleteSnapshot: deleteSnapshot,
    CopySnapshot: copySnapshot,
  },
});
