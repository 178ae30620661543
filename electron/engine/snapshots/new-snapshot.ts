/**
 * Takes a snapshot of a volume: a copy of its files at this moment, `pending` for a while that
 * grows with the volume's size, then `completed`; at most five pending per volume (EBS User Guide:
 * ebs-creating-snapshot, "Snapshot creation is asynchronous"; ebs-resource-quotas). Used by
 * CreateSnapshot and CreateImage.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { Tag } from '../resource-collection';
import { copyContents } from '../volumes/disk-contents';
import type { VolumeRecord } from '../volumes/volume-record';
import { SNAPSHOTS, type SnapshotRecord } from './snapshot-record';
import { nothingDue, noteScan } from '../due-times';

export const MAX_PENDING_PER_VOLUME = 5;

/** A first (full) snapshot takes about half a minute plus a second per GiB in the lab. */
export function snapshotDuration(sizeGiB: number): number {
  return 30_000 + sizeGiB * 1_000;
}

export function checkSnapshotRate(ctx: EngineContext, volume: VolumeRecord, adding = 1): void {
  const pending = ctx
    .records(SNAPSHOTS)
    .inRegion(volume.region)
    .filter((s) => s.volumeId === volume.volumeId && s.state === 'pending').length;
  if (pending + adding > MAX_PENDING_PER_VOLUME) throw errors.snapshotRateExceeded();
}

export function snapshotVolume(
  ctx: EngineContext,
  volume: VolumeRecord,
  fields: { description: string; tags: Tag[] },
): SnapshotRecord {
  const snapshotId = ctx.ids.next('snap');
  const now = ctx.clock.now();
  const record = ctx.records(SNAPSHOTS).put(snapshotId, {
    snapshotId,
    region: volume.region,
    ownerId: ctx.accountId(),
    volumeId: volume.volumeId,
    volumeSizeGiB: volume.sizeGiB,
    encrypted: volume.encrypted,
    description: fields.description,
    state: 'pending',
    startTime: now,
    completeAt: now + snapshotDuration(volume.sizeGiB),
    tags: fields.tags.map((t) => ({ ...t })),
  });
  copyContents(ctx, volume.volumeId, snapshotId, volume.region);
  ctx.changed(volume.region, 'snapshot', snapshotId);
  return record;
}

/** A copy of a completed snapshot into a region (CopySnapshot, CopyImage): pending, then completed. */
export function copySnapshotRecord(
  ctx: EngineContext,
  source: SnapshotRecord,
  region: string,
  fields: { description: string; encrypted: boolean; tags: Tag[] },
): SnapshotRecord {
  const snapshotId = ctx.ids.next('snap');
  const now = ctx.clock.now();
  const record = ctx.records(SNAPSHOTS).put(snapshotId, {
    snapshotId,
    region,
    ownerId: ctx.accountId(),
    volumeId: source.volumeId,
    volumeSizeGiB: source.volumeSizeGiB,
    encrypted: fields.encrypted || source.encrypted,
    description: fields.description,
    state: 'pending',
    startTime: now,
    completeAt: now + snapshotDuration(source.volumeSizeGiB),
    sourceSnapshotId: source.snapshotId,
    sourceRegion: source.region,
    tags: fields.tags.map((t) => ({ ...t })),
  });
  copyContents(ctx, source.snapshotId, snapshotId, region);
  ctx.changed(region, 'snapshot', snapshotId);
  return record;
}

/** Completes the snapshots whose time came; reads nothing while no snapshot changed and none is due. */
export function advanceSnapshots(ctx: EngineContext, now: number): void {
  const snapshots = ctx.records(SNAPSHOTS);
  if (nothingDue(snapshots, [snapshots.revision], now)) return;
  let dueAt = Infinity;
  for (const snapshot of [...snapshots.values()]) {
    if (snapshot.state !== 'pending') continue;
    if (snapshot.completeAt > now) {
      dueAt = Math.min(dueAt, snapshot.completeAt);
      continue;
    }
    snapshots.touch(snapshot.snapshotId).state = 'completed';
    ctx.changed(snapshot.region, 'snapshot', snapshot.snapshotId);
  }
  noteScan(snapshots, [snapshots.revision], dueAt);
}
