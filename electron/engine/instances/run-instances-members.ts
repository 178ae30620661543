/**
 * Which RunInstances members the lab serves, and the refusal of every other one (API_RunInstances):
 * served are the image, type, counts, key pair, subnet and zone, user data, protection, shutdown
 * behaviour, the root volume's size, type, encryption and DeleteOnTermination, EBS optimization,
 * hibernation, security groups (checked in run-instances.ts against the subnet's VPC), tags, the
 * client token, DryRun and LaunchTemplate (merged into the request first, apply-launch-template.ts).
 */
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import { errors } from '../errors';
import { refuseUnsimulated } from '../not-simulated';

const SERVED: readonly (keyof RunInstancesRequest)[] = [
  'ImageId',
  'InstanceType',
  'MinCount',
  'MaxCount',
  'KeyName',
  'SubnetId',
  'Placement',
  'UserData',
  'DisableApiTermination',
  'DisableApiStop',
  'InstanceInitiatedShutdownBehavior',
  'BlockDeviceMappings',
  'EbsOptimized',
  'HibernationOptions',
  'TagSpecifications',
  'ClientToken',
  'DryRun',
  'SecurityGroupIds',
  'SecurityGroups',
  'Monitoring',
  'LaunchTemplate',
];

export function checkRunInstancesMembers(request: RunInstancesRequest, rootDeviceName: string): void {
  refuseUnsimulated('RunInstances', request, SERVED);
  // Detailed monitoring (CloudWatch every minute) is not simulated; basic monitoring is what every instance has.
  if (request.Monitoring?.Enabled === true) throw errors.notSimulated('RunInstances', 'Monitoring.Enabled');
  if (request.Placement) {
    const { Tenancy, GroupName, ...placement } = request.Placement;
    if (Tenancy !== undefined && Tenancy !== 'default') throw errors.notSimulated('RunInstances', 'Placement.Tenancy');
    if (GroupName) throw errors.notSimulated('RunInstances', 'Placement.GroupName');
    refuseUnsimulated('RunInstances', placement, ['AvailabilityZone'], 'Placement.');
  }
  for (const mapping of request.BlockDeviceMappings ?? []) {
    // Volumes beyond the root one arrive with the storage family; until then they are refused, not dropped.
    if (mapping.DeviceName !== rootDeviceName)
      throw errors.notSimulated('RunInstances', 'BlockDeviceMappings (a device other than the root device)');
    refuseUnsimulated('RunInstances', mapping, ['DeviceName', 'Ebs'], 'BlockDeviceMapping.');
    refuseUnsimulated(
      'RunInstances',
      mapping.Ebs ?? {},
      ['VolumeSize', 'VolumeType', 'Encrypted', 'DeleteOnTermination'],
      'BlockDeviceMapping.Ebs.',
    );
  }
}
