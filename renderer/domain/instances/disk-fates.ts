/**
 * An instance's disks and what each one's data does on reboot, stop, hibernate and terminate: EBS
 * volumes keep their data across reboot, stop and hibernate (the root volume holds the saved RAM)
 * and on terminate are deleted or detached as DeleteOnTermination says; instance-store disks keep
 * it across a reboot only. Instance-store disks are not in DescribeInstances: they come from the
 * type's InstanceStorageInfo, named ephemeral0, ephemeral1 … as in block device mappings.
 * EC2 User Guide: InstanceStorage ("Instance store lifetime"), ebs-volumes, preserving-volumes-on-termination,
 * hibernating-prerequisites.
 */
import type { Instance, InstanceTypeInfo } from '@aws-sdk/client-ec2';

export const DISK_EVENTS = ['reboot', 'stop', 'hibernate', 'terminate'] as const;
export type DiskEvent = (typeof DISK_EVENTS)[number];
export type DiskFate = 'kept' | 'keptRam' | 'wiped' | 'deleted' | 'detached' | 'unavailable';

export interface InstanceDisk {
  kind: 'rootEbs' | 'dataEbs' | 'store';
  /** A volume id, or the instance-store disk's virtual name (ephemeral0 …). */
  id: string;
  device: string;
  fates: Record<DiskEvent, DiskFate>;
}

/** The type's instance-store disks, one entry per disk: ephemeral0, ephemeral1 … with size and media. */
export function instanceStoreDisks(
  type: InstanceTypeInfo | undefined,
): { name: string; sizeGb: number; media: string }[] {
  const disks = type?.InstanceStorageInfo?.Disks ?? [];
  return disks
    .flatMap((disk) =>
      Array.from({ length: disk.Count ?? 1 }, () => ({
        sizeGb: disk.SizeInGB ?? 0,
        media: String(disk.Type ?? 'ssd'),
      })),
    )
    .map((disk, index) => ({ name: `ephemeral${index}`, ...disk }));
}

export function instanceDisks(instance: Instance, type: InstanceTypeInfo | undefined): InstanceDisk[] {
  // Hibernate is possible only for an instance launched with hibernation enabled.
  const hibernates = instance.HibernationOptions?.Configured === true;
  const ebs = (instance.BlockDeviceMappings ?? []).flatMap((mapping): InstanceDisk[] => {
    if (!mapping.Ebs?.VolumeId) return [];
    const root = mapping.DeviceName === instance.RootDeviceName;
    return [
      {
        kind: root ? 'rootEbs' : 'dataEbs',
        id: mapping.Ebs.VolumeId,
        device: mapping.DeviceName ?? '',
        fates: {
          reboot: 'kept',
          stop: 'kept',
          hibernate: hibernates ? (root ? 'keptRam' : 'kept') : 'unavailable',
          terminate: mapping.Ebs.DeleteOnTermination ? 'deleted' : 'detached',
        },
      },
    ];
  });
  const store = instanceStoreDisks(type).map((disk): InstanceDisk => ({
    kind: 'store',
    id: disk.name,
    device: disk.name,
    fates: { reboot: 'kept', stop: 'wiped', hibernate: hibernates ? 'wiped' : 'unavailable', terminate: 'wiped' },
  }));
  return [...ebs, ...store];
}
