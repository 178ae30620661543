/**
 * Turns the wizard's form into the RunInstances request the console would send. The network goes as
 * the console sends it, in the primary interface's specification (device index 0: the subnet, the
 * auto-assign choice, the groups), never also at the instance level. EC2 API Reference:
 * API_RunInstances, API_InstanceNetworkInterfaceSpecification.
 */
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import type { QuickStartImage } from '../../../shared/lab-operations';
import { encodeUserData } from '../instances/user-data';
import { wholeNumber, type LaunchForm } from './launch-form';

export function buildRunInstancesRequest(
  form: LaunchForm,
  image: QuickStartImage,
  hibernationSupported: boolean,
  securityGroupIds: string[] = [],
): RunInstancesRequest {
  const count = wholeNumber(form.count);
  const tags = [
    ...(form.name.trim() ? [{ Key: 'Name', Value: form.name }] : []),
    ...form.tags.map((tag) => ({ Key: tag.key.trim(), Value: tag.value })),
  ];
  const request: RunInstancesRequest = {
    ImageId: image.ImageId,
    InstanceType: form.instanceType as RunInstancesRequest['InstanceType'],
    MinCount: count,
    MaxCount: count,
    InstanceInitiatedShutdownBehavior: form.shutdownBehavior,
    DisableApiTermination: form.terminationProtection,
    DisableApiStop: form.stopProtection,
    BlockDeviceMappings: [
      {
        DeviceName: image.RootDeviceName,
        Ebs: {
          VolumeSize: wholeNumber(form.rootSize),
          VolumeType: form.rootVolumeType,
          Encrypted: form.rootEncrypted || (hibernationSupported && form.hibernation),
          DeleteOnTermination: true,
        },
      },
    ],
  };
  if (tags.length > 0) request.TagSpecifications = [{ ResourceType: 'instance', Tags: tags }];
  if (form.keyName) request.KeyName = form.keyName;
  request.NetworkInterfaces = [
    {
      DeviceIndex: 0,
      ...(form.subnetId ? { SubnetId: form.subnetId } : {}),
      AssociatePublicIpAddress: form.autoAssignPublicIp,
      ...(securityGroupIds.length > 0 ? { Groups: securityGroupIds } : {}),
    },
  ];
  if (hibernationSupported) request.HibernationOptions = { Configured: form.hibernation };
  // RunInstances takes UserData as base64 text (EC2 API Reference: RunInstances, UserData).
  if (form.userData) request.UserData = encodeUserData(form.userData);
  return request;
}
