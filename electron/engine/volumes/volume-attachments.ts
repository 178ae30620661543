/**
 * AttachVolume and DetachVolume: same Availability Zone, one instance at a time, a free and valid
 * device name, an instance that is running or stopped; the root volume detaches only while its
 * instance is stopped. Attaching and detaching take a few seconds on the clock.
 * EC2 API Reference: API_AttachVolume, API_DetachVolume; EBS User Guide: ebs-attaching-volume,
 * ebs-detaching-volume.
 */
import type { AttachVolumeRequest, DetachVolumeRequest, VolumeAttachment } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES } from '../instances/instance-record';
import { refuseUnsimulated } from '../not-simulated';
import { VOLUME_TIMINGS } from './volume-lifecycle';
import { VOLUMES, type VolumeRecord } from './volume-record';
import { checkDeviceName } from './volume-rules';
import { toVolumeAttachment } from './volume-view';

function findVolume(ctx: EngineContext, region: string, volumeId: string | undefined): VolumeRecord {
  if (!volumeId) throw errors.missingParameter('VolumeId');
  return findRecords(ctx, region, VOLUMES, [volumeId])[0]!;
}

export function attachVolume(ctx: EngineContext, region: string, request: AttachVolumeRequest): VolumeAttachment {
  refuseUnsimulated('AttachVolume', request, ['VolumeId', 'InstanceId', 'Device', 'DryRun']);
  if (!request.Device) throw errors.missingParameter('Device');
  if (!request.InstanceId) throw errors.missingParameter('InstanceId');
  const volume = findVolume(ctx, region, request.VolumeId);
  const instance = findRecords(ctx, region, INSTANCES, [request.InstanceId])[0]!;
  checkDeviceName(request.Device);
  if (volume.attachment) throw errors.volumeAlreadyAttached(volume.volumeId);
  if (volume.state !== 'available') {
    throw errors.incorrectState(`Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
  }
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw errors.incorrectInstanceState(`Instance '${instance.instanceId}' is not 'running' or 'stopped'.`);
  }
  if (volume.availabilityZone !== instance.availabilityZone) {
    throw errors.volumeZoneMismatch(volume.volumeId, instance.instanceId);
  }
  const taken = [instance.rootDeviceName, ...instance.blockDevices.map((d) => d.deviceName)];
  if (taken.includes(request.Device)) throw errors.deviceInUse(request.Device);

  const now = ctx.clock.now();
  const touched = ctx.records(VOLUMES).touch(volume.volumeId);
  touched.state = 'in-use';
  // Volumes attached after launch keep their data when the instance terminates (EC2 User Guide: terminating-instances).
  touched.attachment = {
    instanceId: instance.instanceId,
    device: request.Device,
    attachTime: now,
    deleteOnTermination: false,
    state: 'attaching',
  };
  touched.transitionDueAt = now + VOLUME_TIMINGS.attachingMs;
  const owner = ctx.records(INSTANCES).touch(instance.instanceId);
  owner.blockDevices.push({ deviceName: request.Device, volumeId: volume.volumeId });
  ctx.changed(region, 'volume', volume.volumeId);
  ctx.changed(region, 'instance', instance.instanceId);
  return toVolumeAttachment(touched)!;
}

export function detachVolume(ctx: EngineContext, region: string, request: DetachVolumeRequest): VolumeAttachment {
  refuseUnsimulated('DetachVolume', request, ['VolumeId', 'InstanceId', 'Device', 'Force', 'DryRun']);
  const volume = findVolume(ctx, region, request.VolumeId);
  const attachment = volume.attachment;
  if (!attachment) {
    if (request.InstanceId) throw errors.attachmentNotFound(volume.volumeId, request.InstanceId);
    throw errors.incorrectState(`Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
  }
  if (request.InstanceId) {
    findRecords(ctx, region, INSTANCES, [request.InstanceId]);
    if (request.InstanceId !== attachment.instanceId)
      throw errors.attachmentNotFound(volume.volumeId, request.InstanceId);
  }
  if (request.Device && request.Device !== attachment.device) {
    throw errors.attachmentNotFound(volume.volumeId, request.InstanceId ?? attachment.instanceId);
  }
  if (attachment.state === 'detaching') return toVolumeAttachment(volume)!;
  const instance = ctx.records(INSTANCES).get(attachment.instanceId);
  // Force does not lift this rule: the root volume of a running instance stays (API_DetachVolume).
  if (instance && attachment.device === instance.rootDeviceName && instance.state !== 'stopped') {
    throw errors.incorrectState(
      `Unable to detach root volume '${volume.volumeId}' from instance '${instance.instanceId}'`,
    );
  }
  const touched = ctx.records(VOLUMES).touch(volume.volumeId);
  touched.attachment!.state = 'detaching';
  touched.transitionDueAt = ctx.clock.now() + (request.Force ? VOLUME_TIMINGS.attachingMs : VOLUME_TIMINGS.detachingMs);
  ctx.changed(region, 'volume', volume.volumeId);
  return toVolumeAttachment(touched)!;
}
