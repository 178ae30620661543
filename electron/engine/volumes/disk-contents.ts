/**
 * How the engine's families make, copy and drop what disks hold: a new volume is raw or a copy of
 * its snapshot, a snapshot is a copy of its volume at that moment, an instance-store disk is wiped
 * on stop. Every change goes through the unit of work, so it is saved with the command that made it.
 * A change replaces the disk's record with a new one (a shallow copy of its entries, changed), so a
 * rollback needs no deep copy and a copy of a disk shares entries and data with it.
 */
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { LAPTOP_DISK_ID, laptopSkeleton } from '../laptop/laptop-disk';
import { privateDnsName } from '../network-interfaces/ip-addresses';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { adoptBlobs, labBlobs, trackBlobReferences } from './disk-blobs';
import { DISK_CONTENTS, type DiskContentsRecord } from './disk-contents-record';
import { VOLUMES } from './volume-record';
import { Filesystem, rawImage, type DiskImage, type FilesystemOptions } from './filesystem';
import { osSkeleton, type SkeletonRequest } from './os-skeleton';

function contentsRecords(ctx: EngineContext) {
  // Counting which blobs disks name must start before the first change to a disk.
  trackBlobReferences(ctx);
  return ctx.records(DISK_CONTENTS);
}

/** Sets what a disk holds; a raw disk keeps no record at all (most data volumes and instance store start so). */
export function putContents(ctx: EngineContext, diskId: string, region: string | undefined, image: DiskImage): void {
  const contents = contentsRecords(ctx);
  if (image.format === undefined) {
    contents.delete(diskId);
    return;
  }
  adoptBlobs(ctx, image);
  contents.put(diskId, recordOf(diskId, region, image));
}

/** A fresh root volume's OS files, named and made when first needed (see DiskContentsRecord.skeleton). */
export function putSkeleton(ctx: EngineContext, diskId: string, region: string, skeleton: SkeletonRequest): void {
  contentsRecords(ctx).put(diskId, { diskId, region, ...rawImage(), skeleton: { ...skeleton } });
}

/**
 * A root volume saved before volumes held files has no contents record: it holds its AMI's OS
 * files, as a fresh one would (a catalog AMI's root snapshot, attached at its instance's root device).
 */
function savedRootSkeleton(ctx: EngineContext, diskId: string): SkeletonRequest | undefined {
  const volume = ctx.records(VOLUMES).get(diskId);
  const instance = volume?.attachment && ctx.records(INSTANCES).get(volume.attachment.instanceId);
  if (!volume || !instance || volume.attachment!.device !== instance.rootDeviceName) return undefined;
  const image = ctx.catalog.images[instance.region]?.find((i) => i.image.ImageId === instance.imageId);
  if (!image) return undefined;
  const eni = instance.networkInterfaceIds[0] && ctx.records(NETWORK_INTERFACES).get(instance.networkInterfaceIds[0]);
  return {
    os: image.quickStart.Os,
    user: image.quickStart.DefaultUser,
    software: image.quickStart.Software,
    hostname: eni ? privateDnsName(eni.privateIpAddress, instance.region) : 'localhost.localdomain',
    at: volume.createTime,
  };
}

/**
 * What a disk without a record holds: the laptop's first files, a saved root volume's OS, or
 * nothing. A made image carries its own data (`blobs`).
 */
function imageWithoutRecord(ctx: EngineContext, diskId: string): DiskImage | undefined {
  if (diskId === LAPTOP_DISK_ID) return laptopSkeleton(ctx.clock.now());
  const skeleton = savedRootSkeleton(ctx, diskId);
  return skeleton ? osSkeleton(skeleton) : undefined;
}

/** Whether a disk without a record holds something (see imageWithoutRecord): then a raw one keeps its record. */
function holdsFilesWithoutRecord(ctx: EngineContext, diskId: string): boolean {
  return diskId === LAPTOP_DISK_ID || savedRootSkeleton(ctx, diskId) !== undefined;
}

/**
 * The disk's contents as they are (raw if the disk has no record yet): the record's own entries,
 * which the caller must not change, or a made image that carries its data.
 */
export function contentsOf(ctx: EngineContext, diskId: string): DiskImage {
  const record = ctx.records(DISK_CONTENTS).get(diskId);
  if (!record) return imageWithoutRecord(ctx, diskId) ?? rawImage();
  if (record.skeleton) return osSkeleton(record.skeleton);
  return { format: record.format, entries: record.entries, usedBytes: record.usedBytes };
}

/** Reads a disk without changing it and without copying it: every change through the filesystem throws EROFS. */
export function viewContents(
  ctx: EngineContext,
  diskId: string,
  options: Omit<FilesystemOptions, 'blobs'> = {},
): Filesystem {
  const image = contentsOf(ctx, diskId);
  return new Filesystem(image, ctx.clock.now(), {
    readOnly: `'${diskId}' is open for reading only`,
    ...options,
    // A made image (an OS skeleton) carries its data; a record's is in the lab.
    blobs: image.blobs ? undefined : labBlobs(ctx),
  });
}

/** Copies one disk's contents onto another (a snapshot of a volume, a volume from a snapshot): names, never data. */
export function copyContents(ctx: EngineContext, fromId: string, toId: string, region: string): void {
  const record = ctx.records(DISK_CONTENTS).get(fromId);
  if (record?.skeleton) putSkeleton(ctx, toId, region, record.skeleton);
  else putContents(ctx, toId, region, contentsOf(ctx, fromId));
}

export function dropContents(ctx: EngineContext, diskId: string): void {
  contentsRecords(ctx).delete(diskId);
}

/** Changes a disk's files; the new record is saved with the command, or the old one kept if it fails. */
export function changeContents<R>(
  ctx: EngineContext,
  diskId: string,
  region: string | undefined,
  change: (filesystem: Filesystem) => R,
  options: Omit<FilesystemOptions, 'blobs' | 'readOnly'> = {},
): R {
  const contents = contentsRecords(ctx);
  const current = contents.get(diskId);
  const image: DiskImage = current
    ? current.skeleton
      ? osSkeleton(current.skeleton)
      : { format: current.format, entries: { ...current.entries }, usedBytes: current.usedBytes }
    : (imageWithoutRecord(ctx, diskId) ?? rawImage());
  adoptBlobs(ctx, image);
  const result = change(new Filesystem(image, ctx.clock.now(), { ...options, blobs: labBlobs(ctx) }));
  // A raw disk keeps no record, unless having none would mean it holds something (a saved root
  // volume's OS, the laptop's first files).
  if (image.format === undefined && !holdsFilesWithoutRecord(ctx, diskId)) contents.delete(diskId);
  else contents.put(diskId, recordOf(diskId, region ?? current?.region, image));
  return result;
}

function recordOf(diskId: string, region: string | undefined, image: DiskImage): DiskContentsRecord {
  const record: DiskContentsRecord = { diskId, entries: image.entries, usedBytes: image.usedBytes };
  if (region !== undefined) record.region = region;
  if (image.format !== undefined) record.format = image.format;
  return record;
}
