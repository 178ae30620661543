/**
 * How the engine's families make, copy and drop what disks hold: a new volume is raw or a copy of
 * its snapshot, a snapshot is a copy of its volume at that moment, an instance-store disk is wiped
 * on stop. Every change goes through the unit of work, so it is saved with the command that made it.
 */
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { privateDnsName } from '../network-interfaces/ip-addresses';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { DISK_CONTENTS, type DiskContentsRecord } from './disk-contents-record';
import { VOLUMES } from './volume-record';
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

/** The disk's contents as they are (raw if the disk has no record yet); the caller must not change them. */
export function contentsOf(ctx: EngineContext, diskId: string): DiskImage {
  const record = ctx.records(DISK_CONTENTS).get(diskId);
  if (!record) {
    const skeleton = savedRootSkeleton(ctx, diskId);
    return skeleton ? osSkeleton(skeleton) : rawImage();
  }
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
  const record: DiskContentsRecord = existing
    ? contents.touch(diskId)
    : { diskId, region, ...rawImage(), skeleton: savedRootSkeleton(ctx, diskId) };
  if (record.skeleton) {
    Object.assign(record, osSkeleton(record.skeleton));
    delete record.skeleton;
  }
  const result = change(new Filesystem(record, ctx.clock.now()));
  // A raw disk keeps no record, except a saved root volume, which would otherwise read as its OS again.
  const keepRaw = record.format === undefined && savedRootSkeleton(ctx, diskId) !== undefined;
  if (record.format === undefined && !keepRaw) dropContents(ctx, diskId);
  else if (!existing) contents.put(diskId, record);
  return result;
}
