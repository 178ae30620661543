/**
 * RegisterImage from a snapshot of a root volume (an EBS-backed AMI made of snapshots the learner
 * owns): the root device must be mapped to a completed snapshot; other mappings name snapshots or
 * instance-store disks. The AMI's operating system and login user are read from the snapshot's files
 * (`/etc/os-release`, the user with uid 1000), as the OS itself would find them. Manifest-based
 * (instance-store) registration from S3 is not simulated.
 * EC2 API Reference: API_RegisterImage; EC2 User Guide: creating-an-ami-ebs ("Create an AMI from a
 * snapshot"), ami-boot-mode.
 */
import type { BlockDeviceMapping, RegisterImageRequest, RegisterImageResult } from '@aws-sdk/client-ec2';
import type { QuickStartOs } from '../../../shared/lab-operations';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { viewContents } from '../volumes/disk-contents';
import { validateTags } from '../tags/tag-rules';
import { IMAGES, type ImageBlockDevice } from './image-record';
import { checkImageName } from './image-name';

/** The lab offers no 32-bit types, so an AMI registered without an architecture is x86_64, not AWS's i386. */
const ARCHITECTURES = ['x86_64', 'arm64'];

export function registerImage(ctx: EngineContext, region: string, request: RegisterImageRequest): RegisterImageResult {
  refuseUnsimulated('RegisterImage', request, [
    'Name',
    'Description',
    'Architecture',
    'RootDeviceName',
    'BlockDeviceMappings',
    'VirtualizationType',
    'EnaSupport',
    'SriovNetSupport',
    'BootMode',
    'TagSpecifications',
    'DryRun',
  ]);
  const name = checkImageName(ctx, region, request.Name);
  const architecture = request.Architecture ?? 'x86_64';
  if (!ARCHITECTURES.includes(architecture)) {
    throw errors.invalidParameterValue(`Invalid value '${architecture}' for Architecture.`);
  }
  if (request.VirtualizationType && request.VirtualizationType !== 'hvm') {
    throw errors.notSimulated('RegisterImage', 'VirtualizationType paravirtual');
  }
  if (!request.RootDeviceName) throw errors.missingParameter('RootDeviceName');
  const mappings = request.BlockDeviceMappings ?? [];
  if (mappings.length === 0) throw errors.missingParameter('BlockDeviceMapping');
  const root = mappings.find((m) => m.DeviceName === request.RootDeviceName);
  if (!root?.Ebs?.SnapshotId) {
    throw errors.invalidBlockDeviceMapping(
      `The root device name ${request.RootDeviceName} must be mapped to an EBS snapshot in the block device mapping.`,
    );
  }
  const blockDevices = mappings.map((mapping) => imageDevice(ctx, region, mapping));
  const tags = (request.TagSpecifications ?? []).flatMap((specification) => {
    if (specification.ResourceType !== 'image') {
      throw errors.invalidParameterValue(
        `'${String(specification.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    return (specification.Tags ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
  });
  validateTags(tags);
  const system = systemOf(ctx, root.Ebs.SnapshotId);
  const imageId = ctx.ids.next('ami');
  ctx.records(IMAGES).put(imageId, {
    imageId,
    region,
    ownerId: ctx.accountId(),
    name,
    description: request.Description,
    state: 'pending',
    creationTime: ctx.clock.now(),
    architecture,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    rootDeviceName: request.RootDeviceName,
    blockDevices,
    os: system.os,
    defaultUser: system.user,
    tags,
  });
  ctx.changed(region, 'image', imageId);
  return { ImageId: imageId };
}

function imageDevice(ctx: EngineContext, region: string, mapping: BlockDeviceMapping): ImageBlockDevice {
  const deviceName = mapping.DeviceName;
  if (!deviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
  if (mapping.VirtualName) return { deviceName, virtualName: mapping.VirtualName };
  const ebs = mapping.Ebs;
  if (!ebs?.SnapshotId) throw errors.notSimulated('RegisterImage', 'an EBS mapping without a SnapshotId');
  const snapshot = findRecords(ctx, region, SNAPSHOTS, [ebs.SnapshotId])[0]!;
  if (snapshot.state !== 'completed') throw errors.incorrectState(`Snapshot is in invalid state - ${snapshot.state}`);
  const sizeGiB = ebs.VolumeSize ?? snapshot.volumeSizeGiB;
  if (sizeGiB < snapshot.volumeSizeGiB) {
    throw errors.volumeSmallerThanSnapshot(sizeGiB, snapshot.snapshotId, snapshot.volumeSizeGiB);
  }
  const volumeType = ebs.VolumeType ?? 'gp2';
  return {
    deviceName,
    ebs: {
      snapshotId: snapshot.snapshotId,
      sizeGiB,
      volumeType,
      iops: ebs.Iops,
      throughput: ebs.Throughput,
      deleteOnTermination: ebs.DeleteOnTermination ?? true,
      encrypted: snapshot.encrypted,
    },
  };
}

const OS_IDS: Record<string, QuickStartOs> = {
  amzn: 'amazon-linux',
  ubuntu: 'ubuntu',
  debian: 'debian',
  rhel: 'rhel',
  sles: 'suse',
};

/** The distribution and the login user the snapshot's files name; Amazon Linux's if they name none. */
function systemOf(ctx: EngineContext, snapshotId: string): { os: QuickStartOs; user: string } {
  const fs = viewContents(ctx, snapshotId);
  const fallback = { os: 'amazon-linux' as QuickStartOs, user: 'ec2-user' };
  if (!fs.formatted) return fallback;
  const read = (path: string) => {
    try {
      return fs.readText(path);
    } catch {
      return '';
    }
  };
  const id = /^ID="?([a-z]+)"?$/m.exec(read('/etc/os-release'))?.[1];
  const user = /^([^:]+):x:1000:/m.exec(read('/etc/passwd'))?.[1];
  return { os: (id && OS_IDS[id]) || fallback.os, user: user ?? fallback.user };
}
