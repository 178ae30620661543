/** Maps a snapshot record to AWS's `Snapshot` shape, its progress read from the clock (EC2 API Reference: Snapshot). */
import type { Snapshot } from '@aws-sdk/client-ec2';
import type { SnapshotRecord } from './snapshot-record';

/** How far a snapshot is, 0–100: the share of its time that has passed (100 once completed). */
export function progressOf(snapshot: SnapshotRecord, now: number): number {
  if (snapshot.state === 'completed') return 100;
  const total = Math.max(1, snapshot.completeAt - snapshot.startTime);
  return Math.min(99, Math.max(0, Math.floor(((now - snapshot.startTime) / total) * 100)));
}

export function toSnapshot(snapshot: SnapshotRecord, now: number): Snapshot {
  return {
    SnapshotId: snapshot.snapshotId,
    VolumeId: snapshot.volumeId,
    State: snapshot.state,
    StartTime: new Date(snapshot.startTime),
    Progress: `${progressOf(snapshot, now)}%`,
    OwnerId: snapshot.ownerId,
    Description: snapshot.description,
    VolumeSize: snapshot.volumeSizeGiB,
    Encrypted: snapshot.encrypted,
    StorageTier: 'standard',
    CompletionTime: snapshot.state === 'completed' ? new Date(snapshot.completeAt) : undefined,
    Tags: snapshot.tags.length ? snapshot.tags.map((t) => ({ ...t })) : undefined,
  };
}
