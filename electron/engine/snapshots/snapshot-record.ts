/**
 * An EBS snapshot as the engine keeps it: the volume it copies, its progress on the clock, where
 * it was copied from (EC2 API Reference: Snapshot). Its files are a disk-contents record of its own.
 */
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export type SnapshotState = 'pending' | 'completed' | 'error';

export interface SnapshotRecord {
  snapshotId: string;
  region: string;
  ownerId: string;
  /** The volume it was taken of (for a copy: the source snapshot's volume). */
  volumeId: string;
  volumeSizeGiB: number;
  encrypted: boolean;
  description: string;
  state: SnapshotState;
  startTime: number;
  /** When a pending snapshot completes; progress is the share of the time from start to here. */
  completeAt: number;
  /** A copy names its source (CopySnapshot). */
  sourceSnapshotId?: string;
  sourceRegion?: string;
  tags: Tag[];
}

export const SNAPSHOTS = defineCollection<SnapshotRecord>({
  name: 'snapshots',
  regionOf: (r) => r.region,
  idOf: (r) => r.snapshotId,
  idPrefix: 'snap',
  malformed: errors.snapshotIdMalformed,
  notFound: errors.snapshotNotFound,
  tagResourceType: 'snapshot',
  kind: 'snapshot',
});
