/**
 * CreateImage (an AMI from an instance: a snapshot of each of its EBS volumes, a reboot first
 * unless NoReboot), DeregisterImage and CopyImage (into the region the request is sent to, with
 * copies of its snapshots). The AMI is `pending` until all its snapshots complete, then `available`.
 * EC2 API Reference: API_CreateImage, API_DeregisterImage, API_CopyImage; EC2 User Guide:
 * creating-an-ami-ebs, CopyingAMIs, deregister-ami.
 */
import type {
  CopyImageRequest,
  CopyImageResult,
  CreateImageRequest,
  CreateImageResult,
  DeregisterImageRequest,
  DeregisterImageResult,
} from '@aws-sdk/client-ec2';
import type { QuickStartOs } from '../../../shared/lab-operations';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES, type Tag } from '../instances/instance-record';
import { TIMINGS } from '../instances/lifecycle';
import { refuseUnsimulated } from '../not-simulated';
import { checkSnapshotRate, copySnapshotRecord, snapshotVolume } from '../snapshots/new-snapshot';
import { SNAPSHOTS } from '../snapshots/snapshot-record';
import { dropContents } from '../volumes/disk-contents';
import { VOLUMES } from '../volumes/volume-record';
import { validateTags } from '../tags/tag-rules';
import { IMAGES, type ImageBlockDevice, type ImageRecord } from './image-record';
import { checkImageName } from './image-name';
import { findLaunchImage } from './launch-image';
import { nothingDue, noteScan } from '../due-times';

/** Tags for the AMI and for its snapshots (API_CreateImage: TagSpecifications of `image` and `snapshot`). */
function splitTags(specifications: CreateImageRequest['TagSpecifications']): { image: Tag[]; snapshot: Tag[] } {
  const out = { image: [] as Tag[], snapshot: [] as Tag[] };
  for (const specification of specifications ?? []) {
    const type = specification.ResourceType;
    if (type !== 'image' && type !== 'snapshot') {
      throw errors.invalidParameterValue(`'${String(type)}' is not a valid taggable resource type for this operation.`);
    }
    for (const tag of specification.Tags ?? []) out[type].push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(out.image);
  validateTags(out.snapshot);
  return out;
}

export function createImage(ctx: EngineContext, region: string, request: CreateImageRequest): CreateImageResult {
  refuseUnsimulated('CreateImage', request, [
    'InstanceId',
    'Name',
    'Description',
    'NoReboot',
    'TagSpecifications',
    'DryRun',
  ]);
  if (!request.InstanceId) throw errors.missingParameter('InstanceId');
  const instance = findRecords(ctx, region, INSTANCES, [request.InstanceId])[0]!;
  const name = checkImageName(ctx, region, request.Name);
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw errors.incorrectInstanceState(
      `The instance '${instance.instanceId}' is not in a state from which an image can be created.`,
    );
  }
  const tags = splitTags(request.TagSpecifications);
  const volumes = ctx.records(VOLUMES);
  const attached = instance.blockDevices
    .map((device) => ({ device, volume: volumes.get(device.volumeId) }))
    .filter(({ volume }) => volume?.attachment && volume.attachment.state !== 'detaching');
  for (const { volume } of attached) checkSnapshotRate(ctx, volume!);
  const source = catalogSourceOf(ctx, region, instance.imageId);
  const imageId = ctx.ids.next('ami');
  const blockDevices: ImageBlockDevice[] = attached.map(({ device, volume }) => {
    const snapshot = snapshotVolume(ctx, volume!, {
      description: `Created by CreateImage(${instance.instanceId}) for ${imageId}`,
      tags: tags.snapshot,
    });
    return {
      deviceName: device.deviceName,
      ebs: {
        snapshotId: snapshot.snapshotId,
        sizeGiB: volume!.sizeGiB,
        volumeType: volume!.volumeType,
        iops: volume!.volumeType === 'gp2' ? undefined : volume!.iops,
        throughput: volume!.throughput,
        deleteOnTermination: volume!.attachment!.deleteOnTermination,
        encrypted: volume!.encrypted,
      },
    };
  });
  for (const disk of instance.instanceStore ?? [])
    blockDevices.push({
      deviceName: `/dev/sd${String.fromCharCode(98 + Number(disk.virtualName.slice(9)))}`,
      virtualName: disk.virtualName,
    });
  const now = ctx.clock.now();
  ctx.records(IMAGES).put(imageId, {
    imageId,
    region,
    ownerId: ctx.accountId(),
    name,
    description: request.Description,
    state: 'pending',
    creationTime: now,
    architecture: instance.architecture,
    platform: instance.platform,
    platformDetails: instance.platformDetails,
    usageOperation: instance.usageOperation,
    rootDeviceName: instance.rootDeviceName,
    blockDevices,
    os: source.os,
    defaultUser: source.defaultUser,
    sourceInstanceId: instance.instanceId,
    tags: tags.image,
  });
  ctx.changed(region, 'image', imageId);
  // Without NoReboot, EC2 shuts the instance down to take consistent snapshots and starts it again.
  if (instance.state === 'running' && request.NoReboot !== true) {
    const rebooting = ctx.records(INSTANCES).touch(instance.instanceId);
    rebooting.rebootingUntil = now + TIMINGS.rebootMs;
    ctx.changed(region, 'instance', instance.instanceId);
  }
  return { ImageId: imageId };
}

/** The OS and login user of the AMI an instance was launched from (a catalog AMI, or one of the learner's). */
function catalogSourceOf(
  ctx: EngineContext,
  region: string,
  imageId: string,
): { os: QuickStartOs; defaultUser: string } {
  const own = ctx.records(IMAGES).getInRegion(region, imageId);
  if (own) return { os: own.os, defaultUser: own.defaultUser };
  const catalog = ctx.catalog.images[region]?.find((i) => i.image.ImageId === imageId);
  return { os: catalog?.quickStart.Os ?? 'amazon-linux', defaultUser: catalog?.quickStart.DefaultUser ?? 'ec2-user' };
}

export function deregisterImage(
  ctx: EngineContext,
  region: string,
  request: DeregisterImageRequest,
): DeregisterImageResult {
  refuseUnsimulated('DeregisterImage', request, ['ImageId', 'DeleteAssociatedSnapshots', 'DryRun']);
  if (!request.ImageId) throw errors.missingParameter('ImageId');
  const image = findRecords(ctx, region, IMAGES, [request.ImageId])[0];
  if (!image) throw errors.amiIdNotFound([request.ImageId]);
  ctx.records(IMAGES).delete(image.imageId);
  ctx.changed(region, 'image', image.imageId);
  // Its snapshots stay unless asked (EC2 User Guide: deregister-ami, "Delete associated snapshots").
  const deleted = request.DeleteAssociatedSnapshots
    ? image.blockDevices.flatMap((d) => (d.ebs ? [d.ebs.snapshotId] : []))
    : [];
  for (const snapshotId of deleted) {
    ctx.records(SNAPSHOTS).delete(snapshotId);
    dropContents(ctx, snapshotId);
    ctx.changed(region, 'snapshot', snapshotId);
  }
  return {
    Return: true,
    DeleteSnapshotResults: request.DeleteAssociatedSnapshots
      ? deleted.map((SnapshotId) => ({ SnapshotId, ReturnCode: 'success' }))
      : undefined,
  };
}

export function copyImage(ctx: EngineContext, region: string, request: CopyImageRequest): CopyImageResult {
  refuseUnsimulated('CopyImage', request, [
    'SourceImageId',
    'SourceRegion',
    'Name',
    'Description',
    'Encrypted',
    'ClientToken',
    'TagSpecifications',
    'DryRun',
  ]);
  if (!request.SourceRegion) throw errors.missingParameter('SourceRegion');
  if (!ctx.catalog.regions.some((r) => r.RegionName === request.SourceRegion)) {
    throw errors.invalidParameterValue(`Invalid value '${request.SourceRegion}' for SourceRegion.`);
  }
  const sourceRegion = request.SourceRegion;
  // Checks the id's form, existence and that it is available; only the learner's own AMIs are copied.
  findLaunchImage(ctx, sourceRegion, request.SourceImageId);
  const source = ctx.records(IMAGES).getInRegion(sourceRegion, request.SourceImageId!);
  if (!source) {
    throw errors.notSimulated('CopyImage', 'SourceImageId (an AMI the lab catalog already offers in every region)');
  }
  const name = checkImageName(ctx, region, request.Name);
  const tags = splitTags(request.TagSpecifications);
  const imageId = ctx.ids.next('ami');
  const blockDevices = source.blockDevices.map((device): ImageBlockDevice => {
    if (!device.ebs) return { ...device };
    const snapshot = ctx.records(SNAPSHOTS).getInRegion(sourceRegion, device.ebs.snapshotId);
    if (!snapshot) throw errors.snapshotNotFound([device.ebs.snapshotId]);
    const copy = copySnapshotRecord(ctx, snapshot, region, {
      description: `Copied for DestinationAmi ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${snapshot.snapshotId}. Task created on ${new Date(ctx.clock.now()).toISOString()}.`,
      encrypted: request.Encrypted === true,
      tags: tags.snapshot,
    });
    return { ...device, ebs: { ...device.ebs, snapshotId: copy.snapshotId, encrypted: copy.encrypted } };
  });
  const record: ImageRecord = {
    ...structuredClone(source),
    imageId,
    region,
    name,
    description: request.Description ?? source.description,
    state: 'pending',
    creationTime: ctx.clock.now(),
    blockDevices,
    sourceImageId: source.imageId,
    sourceRegion,
    tags: tags.image,
  };
  ctx.records(IMAGES).put(imageId, record);
  ctx.changed(region, 'image', imageId);
  return { ImageId: imageId };
}

/** An AMI becomes available once every snapshot it names has completed. */
export function advanceImages(ctx: EngineContext): void {
  const images = ctx.records(IMAGES);
  const snapshots = ctx.records(SNAPSHOTS);
  // An image waits on its snapshots alone, not on the clock: while neither changed, nothing can be ready.
  if (nothingDue(images, [images.revision, snapshots.revision], 0)) return;
  for (const image of [...images.values()]) {
    if (image.state !== 'pending') continue;
    const done = image.blockDevices.every((d) => !d.ebs || snapshots.get(d.ebs.snapshotId)?.state === 'completed');
    if (!done) continue;
    images.touch(image.imageId).state = 'available';
    ctx.changed(image.region, 'image', image.imageId);
  }
  noteScan(images, [images.revision, snapshots.revision], Infinity);
}
