/**
 * The block devices Linux shows inside an instance, named as the instance's hypervisor names them:
 * on Nitro types EBS volumes and instance-store disks are NVMe devices (`/dev/nvme0n1` for the root,
 * with its partition `nvme0n1p1`, then `nvme1n1` …), whatever device name the API gave them; on Xen
 * types (t2, m4, c4 …) `/dev/sdf` appears as `/dev/xvdf` (EC2 User Guide: nvme-ebs-volumes,
 * device_naming, ebs-using-volumes). A filesystem's UUID is made from its disk's id, so it moves with
 * a detached volume as a real one does, and /etc/fstab can name it.
 */
import type { EngineContext } from '../context';
import type { InstanceRecord } from '../instances/instance-record';
import { contentsOf } from '../volumes/disk-contents';
import type { FilesystemType } from '../volumes/filesystem';
import { VOLUMES } from '../volumes/volume-record';

export interface GuestBlockDevice {
  /** The Linux name without /dev (`nvme1n1`, `xvdf`). */
  name: string;
  diskId: string;
  kind: 'ebs' | 'instance-store';
  /** The API's device name (`/dev/sdf`) or virtual name (`ephemeral0`). */
  apiName: string;
  sizeGiB: number;
  root: boolean;
  /** The root disk's partition that holds its filesystem (`nvme0n1p1`, `xvda1`). */
  partition?: string;
  major: number;
  minor: number;
  /** The filesystem on it (on the root disk: in its partition); absent while raw. */
  fsType?: FilesystemType;
  uuid?: string;
}

export function hypervisorOf(ctx: EngineContext, instanceType: string): 'nitro' | 'xen' {
  const type = ctx.catalog.instanceTypes.find((t) => t.InstanceType === instanceType);
  return type?.Hypervisor === 'xen' ? 'xen' : 'nitro';
}

/** A stable UUID for a disk's filesystem (FNV-1a over its id, spread over 128 bits). */
export function filesystemUuid(diskId: string): string {
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (const char of `${diskId}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 32)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20, 32)}`;
}

/** `/dev/sdf` → `xvdf`, `/dev/sda1` → `xvda` (Xen's names for the API's device names). */
function xenName(apiName: string): string {
  const letters = apiName
    .replace(/^\/dev\//, '')
    .replace(/^(sd|xvd)/, '')
    .replace(/\d+$/, '');
  return `xvd${letters || 'a'}`;
}

/** The instance's disks now: attached EBS volumes (root first, then by device name), then instance store. */
export function attachedDisks(ctx: EngineContext, instance: InstanceRecord) {
  const volumes = ctx.records(VOLUMES);
  const attached = instance.blockDevices.flatMap((device) => {
    const volume = volumes.get(device.volumeId);
    if (!volume?.attachment || volume.attachment.state === 'detaching') return [];
    return [
      {
        diskId: volume.volumeId,
        kind: 'ebs' as const,
        apiName: device.deviceName,
        sizeGiB: volume.sizeGiB,
        root: device.deviceName === instance.rootDeviceName,
      },
    ];
  });
  attached.sort((a, b) => Number(b.root) - Number(a.root) || a.apiName.localeCompare(b.apiName));
  const store = (instance.instanceStore ?? []).map((disk) => ({
    diskId: disk.diskId,
    kind: 'instance-store' as const,
    apiName: disk.virtualName,
    sizeGiB: disk.sizeGiB,
    root: false,
  }));
  return [...attached, ...store];
}

export function blockDevicesOf(ctx: EngineContext, instance: InstanceRecord): GuestBlockDevice[] {
  const nitro = hypervisorOf(ctx, instance.instanceType) === 'nitro';
  let nextMinor = 0;
  let nextStoreLetter = 1;
  return attachedDisks(ctx, instance).map((disk, index): GuestBlockDevice => {
    const format = contentsOf(ctx, disk.diskId).format;
    const filesystem = format ? { fsType: format, uuid: filesystemUuid(disk.diskId) } : {};
    if (nitro) {
      const name = `nvme${index}n1`;
      const major = 259;
      const minor = nextMinor;
      nextMinor += disk.root ? 2 : 1;
      return { ...disk, name, major, minor, ...(disk.root ? { partition: `${name}p1` } : {}), ...filesystem };
    }
    const name =
      disk.kind === 'ebs' ? xenName(disk.apiName) : `xvd${'bcdefghijklmnopqrstuvwxyz'[nextStoreLetter++ - 1]}`;
    const letterIndex = name.charCodeAt(3) - 97;
    return {
      ...disk,
      name,
      major: 202,
      minor: letterIndex * 16,
      ...(disk.root ? { partition: `${name}1` } : {}),
      ...filesystem,
    };
  });
}
