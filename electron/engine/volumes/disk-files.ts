/**
 * Reading and writing the files on the lab's disks from outside the EC2 API: the simulated shell
 * (which mounts a disk's image) and tests use it; it is not an EC2 operation. A change runs as one
 * engine command, so it is saved (that disk's contents record only) or, if it fails, not at all.
 * Snapshots can be read, never written. An instance's disks are its attached EBS volumes by device
 * and its instance-store disks.
 */
import type { EngineContext } from '../context';
import { INSTANCES } from '../instances/instance-record';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { changeContents, contentsOf } from './disk-contents';
import { Filesystem, FilesystemError, type DiskImage } from './filesystem';
import { VOLUMES } from './volume-record';

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
  /** A copy of what the disk holds (volume, snapshot or instance-store disk), or undefined if there is no such disk. */
  read(diskId: string): DiskImage | undefined;
  /** Reads the disk through a filesystem without changing it. */
  inspect<R>(diskId: string, look: (filesystem: Filesystem) => R): R;
  /** Changes the disk's files in one command; a snapshot is read-only. */
  change<R>(diskId: string, change: (filesystem: Filesystem) => R): R;
  /** The disks an instance has now: attached EBS volumes (root first), then instance store. */
  disksOf(instanceId: string): InstanceDisk[];
}

export function createDiskFiles(ctx: EngineContext, run: <R>(command: () => R) => R): DiskFiles {
  const regionOf = (diskId: string): string => {
    const volume = ctx.records(VOLUMES).get(diskId);
    if (volume) return volume.region;
    if (ctx.records(SNAPSHOTS).has(diskId))
      throw new FilesystemError('EROFS', `read-only file system, '${diskId}' is a snapshot`);
    const instance = instanceStoreOwner(diskId);
    if (instance) return instance.region;
    throw new Error(`There is no disk '${diskId}' in the lab.`);
  };
  /** The instance an instance-store disk (`<instance id>/ephemeral<n>`) belongs to, while it has it. */
  const instanceStoreOwner = (diskId: string) => {
    const instance = ctx.records(INSTANCES).get(diskId.split('/')[0]!);
    return instance?.instanceStore?.some((d) => d.diskId === diskId) && instance.state !== 'terminated'
      ? instance
      : undefined;
  };
  const exists = (diskId: string) =>
    ctx.records(VOLUMES).has(diskId) || ctx.records(SNAPSHOTS).has(diskId) || instanceStoreOwner(diskId) !== undefined;
  const read = (diskId: string): DiskImage | undefined => {
    if (!exists(diskId)) return undefined;
    return structuredClone(contentsOf(ctx, diskId));
  };
  return {
    read: (diskId) => run(() => read(diskId)),
    inspect: (diskId, look) =>
      run(() => {
        const image = read(diskId);
        if (!image) throw new Error(`There is no disk '${diskId}' in the lab.`);
        return look(new Filesystem(image, ctx.clock.now()));
      }),
    change: (diskId, change) => run(() => changeContents(ctx, diskId, regionOf(diskId), change)),
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
