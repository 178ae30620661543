/**
 * What the Stop, Hibernate and Terminate confirmations warn about, per instance the request changes
 * (EC2 User Guide: Stop_Start "What happens when you stop an instance", Hibernate, terminating-instances
 * "What happens when you terminate an instance", using-instance-addressing, instance-store-lifetime,
 * RootDeviceStorage / preserving-volumes-on-termination):
 * - an auto-assigned public IPv4 address is released on stop, hibernate and terminate; an Elastic IP
 *   stays associated across a stop and is disassociated (still allocated) on terminate;
 * - instance store data is lost on stop, hibernate and terminate (only types with instance storage);
 * - the root EBS volume is kept on stop and hibernate; on terminate it is deleted or kept by its
 *   DeleteOnTermination flag;
 * - hibernation saves the contents of RAM to the root volume.
 */
import type { Instance, InstanceTypeInfo } from '@aws-sdk/client-ec2';
import { TRANSITIONS } from '../../../shared/rules/instance-transitions';
import type { ConfirmedAction } from './instance-lifecycle';

export type ActionWarning =
  | { kind: 'public-ip-released'; instanceId: string; address: string }
  | { kind: 'elastic-ip-kept'; instanceId: string; address: string }
  | { kind: 'elastic-ip-disassociated'; instanceId: string; address: string }
  | { kind: 'instance-store-lost'; instanceId: string; instanceType: string }
  | { kind: 'root-volume-kept'; instanceId: string; volumeId: string }
  | { kind: 'root-volume-deleted'; instanceId: string; volumeId: string }
  | { kind: 'root-volume-survives'; instanceId: string; volumeId: string }
  | { kind: 'ram-saved'; instanceId: string; volumeId: string };

/** Warnings that cost the learner something (red-flagged); the others are notes. */
export const LOSSES: ReadonlySet<ActionWarning['kind']> = new Set([
  'public-ip-released',
  'instance-store-lost',
  'root-volume-deleted',
]);

/** An auto-assigned address is owned by "amazon"; an Elastic IP by the account (DescribeInstances Association.IpOwnerId). */
function publicAddresses(instance: Instance): { address: string; elastic: boolean }[] {
  return (instance.NetworkInterfaces ?? []).flatMap((eni) =>
    (eni.PrivateIpAddresses ?? []).flatMap((privateAddress) => {
      const association = privateAddress.Association;
      if (!association?.PublicIp) return [];
      return [{ address: association.PublicIp, elastic: association.IpOwnerId !== 'amazon' }];
    }),
  );
}

function rootVolume(instance: Instance): { volumeId: string; deleteOnTermination: boolean } | undefined {
  const root = instance.BlockDeviceMappings?.find((mapping) => mapping.DeviceName === instance.RootDeviceName);
  if (!root?.Ebs?.VolumeId) return undefined;
  return { volumeId: root.Ebs.VolumeId, deleteOnTermination: root.Ebs.DeleteOnTermination ?? false };
}

export function actionWarnings(
  action: ConfirmedAction,
  instances: readonly Instance[],
  typeInfo: (instanceType: string) => InstanceTypeInfo | undefined,
): ActionWarning[] {
  if (action === 'reboot') return [];
  const warnings: ActionWarning[] = [];
  for (const instance of instances) {
    const state = instance.State?.Name;
    // Only the instances the request changes: stopping a stopped one releases nothing.
    if (!state || TRANSITIONS[action][state].kind !== 'begin') continue;
    const instanceId = instance.InstanceId ?? '';
    for (const { address, elastic } of publicAddresses(instance)) {
      const kind = !elastic
        ? 'public-ip-released'
        : action === 'terminate'
          ? 'elastic-ip-disassociated'
          : 'elastic-ip-kept';
      warnings.push({ kind, instanceId, address });
    }
    const instanceType = instance.InstanceType ?? '';
    if (typeInfo(instanceType)?.InstanceStorageSupported) {
      warnings.push({ kind: 'instance-store-lost', instanceId, instanceType });
    }
    const root = rootVolume(instance);
    if (!root) continue;
    const { volumeId } = root;
    if (action === 'hibernate') warnings.push({ kind: 'ram-saved', instanceId, volumeId });
    const kind =
      action !== 'terminate'
        ? 'root-volume-kept'
        : root.deleteOnTermination
          ? 'root-volume-deleted'
          : 'root-volume-survives';
    warnings.push({ kind, instanceId, volumeId });
  }
  return warnings;
}
