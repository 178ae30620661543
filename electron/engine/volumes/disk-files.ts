/**
 * Reading and writing the files on the lab's disks from outside the EC2 API: the simulated shells
 * (each filesystem call of theirs is one call here) and tests use it; it is not an EC2 operation.
 * A change runs as one engine command, so it is saved (that disk's contents record and the data it
 * wrote) or, if it fails, not at all. `inspect` reads the disk where it is, without copying it.
 * Snapshots can be read, never written. An instance's disks are its attached EBS volumes by device
 * and its instance-store disks; the learner's laptop is the disk `LAPTOP_DISK_ID`.
 */
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { LAPTOP_DISK_ID } from '../laptop/laptop-disk';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { changeContents, contentsOf, viewContents } from './disk-contents';
import { labBlobs } from './disk-blobs';
import { type Filesystem, FilesystemError, type DiskImage } from './filesystem';
import { VOLUMES } from './volume-record';

const GIB = 1024 ** 3;
/** What `df` shows as the laptop's disk. */
const LAPTOP_DISK_BYTES = 256 * GIB;

export interface InstanceDisk {
  /** The volume id, or `<instance id>/ephemeral<n>` for an instance-store disk. */
  diskId: string;
  kind: 'ebs' | 'instance-store';
  /** The API's device name (`/dev/xvda`, `/dev/sdf`), or the virtual name (`ephemeral0`) for instance store. */
  deviceName: string;
  sizeGiB: number;
  root: boolean;
}

export interface DiskFiles {
  /**
   * A copy of what the disk holds (volume, snapshot, instance-store disk, laptop) that carries its
   * files' data (`blobs`), so `new Filesystem(copy, now)` reads it anywhere; undefined if there is no such disk.
   */
  read(diskId: string): DiskImage | undefined;
  /**
   * Reads the disk through a read-only filesystem, where it is (no copy: a `stat` costs what a map
   * lookup does); every change through it throws EROFS. The filesystem is good only inside `look`.
   */
  inspect<R>(diskId: string, look: (filesystem: Filesystem) => R): R;
  /** Changes the disk's files in one command; a snapshot is read-only. */
  change<R>(diskId: string, change: (filesystem: Filesystem) => R): R;
  /** The disks an instance has now: attached EBS volumes (root first), then instance store. */
  disksOf(instanceId: string): InstanceDisk[];
}

export function createDiskFiles(ctx: EngineContext, run: <R>(command: () => R) => R): DiskFiles {
  /** The instance an instance-store disk (`<instance id>/ephemeral<n>`) belongs to, while it has it. */
  const instanceStoreOwner = (diskId: string) => {
    const instance = ctx.records(INSTANCES).get(diskId.split('/')[0]!);
    const disk = instance?.instanceStore?.find((d) => d.diskId === diskId);
    return disk && instance!.state !== 'terminated' ? { instance: instance!, disk } : undefined;
  };
  /** Where the disk is and how big, or undefined if the lab has no such disk. */
  const diskOf = (diskId: string) => {
    if (diskId === LAPTOP_DISK_ID) return { region: undefined, sizeBytes: LAPTOP_DISK_BYTES, snapshot: false };
    const volume = ctx.records(VOLUMES).get(diskId);
    if (volume) return { region: volume.region, sizeBytes: volume.sizeGiB * GIB, snapshot: false };
    const snapshot = ctx.records(SNAPSHOTS).get(diskId);
    if (snapshot) return { region: snapshot.region, sizeBytes: snapshot.volumeSizeGiB * GIB, snapshot: true };
    const store = instanceStoreOwner(diskId);
    if (store) return { region: store.instance.region, sizeBytes: store.disk.sizeGiB * GIB, snapshot: false };
    return undefined;
  };
  const requireDisk = (diskId: string) => {
    const disk = diskOf(diskId);
    if (!disk) throw new Error(`There is no disk '${diskId}' in the lab.`);
    return disk;
  };
  const read = (diskId: string): DiskImage | undefined => {
    if (!diskOf(diskId)) return undefined;
    const image = contentsOf(ctx, diskId);
    const copy: DiskImage = structuredClone({
      format: image.format,
      entries: image.entries,
      usedBytes: image.usedBytes,
    });
    if (copy.format === undefined) delete copy.format;
    const store = image.blobs ? undefined : labBlobs(ctx);
    for (const entry of Object.values(copy.entries)) {
      if (entry.type !== 'file') continue;
      const data = image.blobs ? image.blobs[entry.blob] : store!.read(entry.blob);
      if (data !== undefined) (copy.blobs ??= {})[entry.blob] = data;
    }
    return copy;
  };
  return {
    read: (diskId) => run(() => read(diskId)),
    inspect: (diskId, look) => run(() => look(viewContents(ctx, diskId, { sizeBytes: requireDisk(diskId).sizeBytes }))),
    change: (diskId, change) =>
      run(() => {
        const disk = requireDisk(diskId);
        if (disk.snapshot) throw new FilesystemError('EROFS', `read-only file system, '${diskId}' is a snapshot`);
        return changeContents(ctx, diskId, disk.region, change, { sizeBytes: disk.sizeBytes });
      }),
    disksOf: (instanceId) =>
      run(() => {
        const instance = ctx.records(INSTANCES).get(instanceId);
        if (!instance) return [];
        const volumes = ctx.records(VOLUMES);
        const ebs = instance.blockDevices.flatMap((device): InstanceDisk[] => {
          const volume = volumes.get(device.volumeId);
          if (!volume?.attachment || volume.attachment.state === 'detaching') return [];
          const root = device.deviceName === instance.rootDeviceName;
          return [
            { diskId: volume.volumeId, kind: 'ebs', deviceName: device.deviceName, sizeGiB: volume.sizeGiB, root },
          ];
        });
        ebs.sort((a, b) => Number(b.root) - Number(a.root));
        const store = (instance.instanceStore ?? []).map((disk): InstanceDisk => ({
          diskId: disk.diskId,
          kind: 'instance-store',
          deviceName: disk.virtualName,
          sizeGiB: disk.sizeGiB,
          root: false,
        }));
        return [...ebs, ...store];
      }),
  };
}
