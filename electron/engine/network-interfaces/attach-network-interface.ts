/**
 * AttachNetworkInterface and DetachNetworkInterface. An available interface attaches to a running or
 * stopped instance in its zone at a free device index, within the instance type's interface limit,
 * with DeleteOnTermination false; the primary interface (device index 0) never detaches. An instance
 * with a second interface gets no new auto-assigned public address (EC2 User Guide: using-eni,
 * using-instance-addressing). EC2 API Reference: API_AttachNetworkInterface, API_DetachNetworkInterface.
 */
import type {
  AttachNetworkInterfaceRequest,
  AttachNetworkInterfaceResult,
  DetachNetworkInterfaceRequest,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES } from '../instances/instance-record';
import { refuseUnsimulated } from '../not-simulated';
import { newAttachmentId } from './new-interface';
import { NETWORK_INTERFACES } from './network-interface-record';

export function attachNetworkInterface(
  ctx: EngineContext,
  region: string,
  request: AttachNetworkInterfaceRequest,
): AttachNetworkInterfaceResult {
  refuseUnsimulated('AttachNetworkInterface', request, [
    'NetworkInterfaceId',
    'InstanceId',
    'DeviceIndex',
    'NetworkCardIndex',
    'DryRun',
  ]);
  if (request.NetworkCardIndex !== undefined && request.NetworkCardIndex !== 0) {
    throw errors.notSimulated('AttachNetworkInterface', 'NetworkCardIndex (other than 0)');
  }
  if (request.NetworkInterfaceId === undefined) throw errors.missingParameter('NetworkInterfaceId');
  if (request.InstanceId === undefined) throw errors.missingParameter('InstanceId');
  if (request.DeviceIndex === undefined) throw errors.missingParameter('DeviceIndex');
  const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
  const [instance] = findRecords(ctx, region, INSTANCES, [request.InstanceId]);
  const deviceIndex = request.DeviceIndex;
  if (!Number.isInteger(deviceIndex) || deviceIndex < 0) {
    throw errors.invalidParameterValue(`Value (${deviceIndex}) for parameter deviceIndex is invalid.`);
  }
  if (instance!.state !== 'running' && instance!.state !== 'stopped') {
    throw errors.incorrectInstanceState(
      `The instance '${instance!.instanceId}' is not in a state from which the requested operation can be performed.`,
    );
  }
  if (eni!.attachment) throw errors.networkInterfaceInUse(eni!.networkInterfaceId);
  if (eni!.availabilityZone !== instance!.availabilityZone) throw errors.interfaceZoneMismatch();
  const enis = ctx.records(NETWORK_INTERFACES);
  const attached = instance!.networkInterfaceIds.flatMap((id) => enis.get(id) ?? []);
  if (attached.some((other) => other.attachment?.deviceIndex === deviceIndex)) {
    throw errors.deviceIndexTaken(instance!.instanceId, deviceIndex);
  }
  const type = ctx.catalog.instanceTypes.find((t) => t.InstanceType === instance!.instanceType);
  const limit = type?.NetworkInfo?.MaximumNetworkInterfaces ?? 2;
  if (attached.length + 1 > limit) throw errors.attachmentLimitExceeded(attached.length + 1, instance!.instanceType);

  const attachmentId = newAttachmentId(ctx.ids);
  const record = enis.touch(eni!.networkInterfaceId);
  record.status = 'in-use';
  record.attachment = {
    attachmentId,
    instanceId: instance!.instanceId,
    deviceIndex,
    attachTime: ctx.clock.now(),
    deleteOnTermination: false,
  };
  ctx.records(INSTANCES).touch(instance!.instanceId).networkInterfaceIds.push(eni!.networkInterfaceId);
  ctx.changed(region, 'network-interface', eni!.networkInterfaceId);
  ctx.changed(region, 'instance', instance!.instanceId);
  return { AttachmentId: attachmentId, NetworkCardIndex: 0 };
}

export function detachNetworkInterface(
  ctx: EngineContext,
  region: string,
  request: DetachNetworkInterfaceRequest,
): Record<string, never> {
  refuseUnsimulated('DetachNetworkInterface', request, ['AttachmentId', 'Force', 'DryRun']);
  const attachmentId = request.AttachmentId;
  if (attachmentId === undefined) throw errors.missingParameter('AttachmentId');
  const eni = ctx
    .records(NETWORK_INTERFACES)
    .inRegion(region)
    .find((e) => e.attachment?.attachmentId === attachmentId);
  if (!eni?.attachment) throw errors.attachmentIdNotFound(attachmentId);
  if (eni.attachment.deviceIndex === 0) throw errors.primaryInterfaceCannotDetach();
  const instanceId = eni.attachment.instanceId;
  const record = ctx.records(NETWORK_INTERFACES).touch(eni.networkInterfaceId);
  record.attachment = undefined;
  record.status = 'available';
  const instance = ctx.records(INSTANCES).touch(instanceId);
  instance.networkInterfaceIds = instance.networkInterfaceIds.filter((id) => id !== eni.networkInterfaceId);
  ctx.changed(region, 'network-interface', eni.networkInterfaceId);
  ctx.changed(region, 'instance', instanceId);
  return {};
}
