/**
 * How the engine's families make, copy and drop what disks hold: a new volume is raw or a copy of
 * its snapshot, a snapshot is a copy of its volume at that moment, an instance-store disk is wiped
 * on stop. Every change goes through the unit of work, so it is saved with the command that made it.
 */
import type { EngineContext } from '../context';
import { DISK_CONTENTS, type DiskContentsRecord } from './disk-contents-record';
import { Filesystem, rawImage, type DiskImage } from './filesystem';
import { osSkeleton, type SkeletonRequest } from './os-skeleton';

/** Sets what a disk holds; a raw disk keeps no record at all (most data volumes and instance store start so). */
export function putContents(ctx: EngineContext, diskId: string, region: string, image: DiskImage): void {
  if (image.format === undefined) dropContents(ctx, diskId);
  else ctx.records(DISK_CONTENTS).put(diskId, { diskId, region, ...structuredClone(image) });
}

/** A fresh root volume's OS files, named and made when first needed (see DiskContentsRecord.skeleton). */
export function putSkeleton(ctx: EngineContext, diskId: string, region: string, skeleton: SkeletonRequest): void {
  ctx.records(DISK_CONTENTS).put(diskId, { diskId, region, ...rawImage(), skeleton: { ...skeleton } });
}

/** The disk's contents as they are (raw if the disk has no record yet); the caller must not change them. */
export function contentsOf(ctx: EngineContext, diskId: string): DiskImage {
  const record = ctx.records(DISK_CONTENTS).get(diskId);
  if (!record) return rawImage();
  if (record.skeleton) return osSkeleton(record.skeleton);
  return { format: record.format, entries: record.entries, usedBytes: record.usedBytes };
}

/** Copies one disk's contents onto another (a snapshot of a volume, a volume from a snapshot). */
export function copyContents(ctx: EngineContext, fromId: string, toId: string, region: string): void {
  putContents(ctx, toId, region, contentsOf(ctx, fromId));
}

export function dropContents(ctx: EngineContext, diskId: string): void {
  ctx.records(DISK_CONTENTS).delete(diskId);
}

/** Changes a disk's files in place; the record is saved with the command. */
export function changeContents<R>(
  ctx: EngineContext,
  diskId: string,
  region: string,
  change: (filesystem: Filesystem) => R,
): R {
  const contents = ctx.records(DISK_CONTENTS);
  const existing = contents.has(diskId);
  const record: DiskContentsRecord = existing ? contents.touch(diskId) : { diskId, region, ...rawImage() };
  if (record.skeleton) {
    Object.assign(record, osSkeleton(record.skeleton));
    delete record.skeleton;
  }
  const result = change(new Filesystem(record, ctx.clock.now()));
  if (record.format === undefined) dropContents(ctx, diskId);
  else if (!existing) contents.put(diskId, record);
  return result;
}
