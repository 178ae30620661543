/**
 * The disks an instance launches with: the root volume from the AMI's root snapshot (a catalog
 * AMI's holds its OS's files; the learner's own AMI's holds what its instance had), the AMI's other
 * EBS mappings, the request's BlockDeviceMappings (extra volumes, sizes, types, DeleteOnTermination
 * — true by default for volumes made at launch — NoDevice to drop one of the AMI's, VirtualName for
 * instance store), and the type's NVMe instance-store disks, raw. Everything is checked before any
 * disk is made. EC2 API Reference: API_RunInstances, API_BlockDeviceMapping; EC2 User Guide:
 * block-device-mapping-concepts, InstanceStorage.
 */
import type { BlockDeviceMapping, InstanceTypeInfo, RunInstancesRequest } from '@aws-sdk/client-ec2';
import type { CatalogImage } from '../catalog/catalog';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import type { Tag } from '../resource-collection';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { contentsOf, putContents, putSkeleton } from '../volumes/disk-contents';
import { rawImage } from '../volumes/filesystem';
import { createVolumeRecord } from '../volumes/new-volume';
import { checkDeviceName, resolveVolumeSpec, type VolumeSpec } from '../volumes/volume-rules';
import type { BlockDevice, InstanceStoreDisk } from './instance-record';

export interface PlannedVolume {
  deviceName: string;
  spec: VolumeSpec;
  encrypted: boolean;
  deleteOnTermination: boolean;
  snapshotId?: string;
  /** The snapshot is one of the lab's records (its files are copied); else a catalog AMI's. */
  labSnapshot: boolean;
  root: boolean;
}

export function planLaunchVolumes(
  ctx: EngineContext,
  region: string,
  request: RunInstancesRequest,
  image: CatalogImage,
): PlannedVolume[] {
  const rootDeviceName = image.image.RootDeviceName ?? '/dev/xvda';
  const byDevice = new Map<string, BlockDeviceMapping>();
  for (const mapping of image.image.BlockDeviceMappings ?? []) byDevice.set(mapping.DeviceName!, mapping);
  const requested = new Map<string, BlockDeviceMapping>();
  for (const mapping of request.BlockDeviceMappings ?? []) {
    if (!mapping.DeviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
    if (requested.has(mapping.DeviceName)) {
      throw errors.invalidParameterValue(
        `The device '${mapping.DeviceName}' is used in more than one block-device mapping`,
      );
    }
    requested.set(mapping.DeviceName, mapping);
  }
  const planned: PlannedVolume[] = [];
  for (const deviceName of new Set([...byDevice.keys(), ...requested.keys()])) {
    const fromImage = byDevice.get(deviceName);
    const asked = requested.get(deviceName);
    const root = deviceName === rootDeviceName;
    if (asked?.NoDevice !== undefined) {
      if (root)
        throw errors.invalidParameterValue(`The device '${deviceName}' is the root device and cannot be suppressed`);
      continue;
    }
    if (!root) checkDeviceName(deviceName);
    // Instance store mappings: the type's disks come anyway (NVMe); a type without them ignores it.
    const virtualName = asked?.VirtualName ?? (asked?.Ebs ? undefined : fromImage?.VirtualName);
    if (virtualName !== undefined) {
      if (!/^ephemeral([0-9]|1[0-9]|2[0-3])$/.test(virtualName)) {
        throw errors.invalidParameterValue(`Value (${virtualName}) for parameter virtualName is invalid.`);
      }
      if (root) throw errors.invalidParameterValue(`The root device '${deviceName}' must be an EBS volume`);
      continue;
    }
    const imageEbs = fromImage?.Ebs;
    const askedEbs = asked?.Ebs;
    if (!imageEbs && !askedEbs) throw errors.missingParameter('BlockDeviceMapping.Ebs');
    const snapshotId = askedEbs?.SnapshotId ?? imageEbs?.SnapshotId;
    let snapshotGiB = imageEbs?.VolumeSize ?? (root ? image.quickStart.RootVolumeSizeGiB : undefined);
    let labSnapshot = false;
    let encrypted = askedEbs?.Encrypted ?? imageEbs?.Encrypted ?? false;
    if (snapshotId && snapshotId !== imageEbs?.SnapshotId) {
      const snapshot = findRecords(ctx, region, SNAPSHOTS, [snapshotId])[0]!;
      if (snapshot.state !== 'completed')
        throw errors.incorrectState(`Snapshot is in invalid state - ${snapshot.state}`);
      snapshotGiB = snapshot.volumeSizeGiB;
      encrypted ||= snapshot.encrypted;
    }
    if (snapshotId) labSnapshot = ctx.records(SNAPSHOTS).getInRegion(region, snapshotId) !== undefined;
    const sizeGiB = askedEbs?.VolumeSize ?? snapshotGiB;
    if (sizeGiB === undefined) throw errors.missingParameter('size or snapshotId');
    const volumeType = askedEbs?.VolumeType ?? imageEbs?.VolumeType ?? 'gp3';
    const spec = resolveVolumeSpec({
      volumeType,
      sizeGiB,
      iops: askedEbs?.Iops ?? (askedEbs?.VolumeType ? undefined : imageEbs?.Iops),
      throughput: askedEbs?.Throughput ?? (askedEbs?.VolumeType ? undefined : imageEbs?.Throughput),
    });
    if (snapshotGiB !== undefined && sizeGiB < snapshotGiB) {
      throw errors.volumeSmallerThanSnapshot(sizeGiB, snapshotId ?? '', snapshotGiB);
    }
    planned.push({
      deviceName,
      spec,
      encrypted,
      deleteOnTermination: askedEbs?.DeleteOnTermination ?? imageEbs?.DeleteOnTermination ?? true,
      snapshotId,
      labSnapshot,
      root,
    });
  }
  if (!planned.some((p) => p.root))
    throw errors.invalidParameterValue(`The AMI has no root device '${rootDeviceName}'`);
  return planned.sort((a, b) => Number(b.root) - Number(a.root));
}

export interface LaunchDisksRequest {
  instanceId: string;
  region: string;
  availabilityZone: string;
  image: CatalogImage;
  hostname: string;
  tags: Tag[];
  at: number;
}

/** Makes the planned volumes, attached, with their files; returns the instance's block devices. */
export function createLaunchVolumes(
  ctx: EngineContext,
  planned: readonly PlannedVolume[],
  request: LaunchDisksRequest,
): BlockDevice[] {
  return planned.map((plan) => {
    const contents = plan.labSnapshot ? contentsOf(ctx, plan.snapshotId!) : rawImage();
    const volume = createVolumeRecord(ctx, {
      region: request.region,
      availabilityZone: request.availabilityZone,
      spec: plan.spec,
      encrypted: plan.encrypted,
      snapshotId: plan.snapshotId,
      tags: request.tags,
      at: request.at,
      attachment: {
        instanceId: request.instanceId,
        device: plan.deviceName,
        attachTime: request.at,
        deleteOnTermination: plan.deleteOnTermination,
      },
      contents,
    });
    if (plan.root && !plan.labSnapshot) {
      putSkeleton(ctx, volume.volumeId, request.region, {
        os: request.image.quickStart.Os,
        user: request.image.quickStart.DefaultUser,
        software: request.image.quickStart.Software,
        hostname: request.hostname,
        at: request.at,
      });
    }
    return { deviceName: plan.deviceName, volumeId: volume.volumeId };
  });
}

/** The type's instance-store disks, raw, one contents record each (EC2 User Guide: InstanceStorage). */
export function createInstanceStore(
  ctx: EngineContext,
  type: InstanceTypeInfo,
  instanceId: string,
  region: string,
): InstanceStoreDisk[] | undefined {
  const disks = type.InstanceStorageInfo?.Disks ?? [];
  if (!type.InstanceStorageSupported || !disks.length) return undefined;
  const made: InstanceStoreDisk[] = [];
  for (const disk of disks) {
    for (let n = 0; n < (disk.Count ?? 1); n++) {
      const virtualName = `ephemeral${made.length}`;
      const diskId = `${instanceId}/${virtualName}`;
      made.push({ diskId, virtualName, sizeGiB: disk.SizeInGB ?? 0, diskType: disk.Type === 'hdd' ? 'hdd' : 'ssd' });
      putContents(ctx, diskId, region, rawImage());
    }
  }
  return made;
}
