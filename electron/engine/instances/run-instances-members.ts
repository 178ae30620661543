/**
 * Which RunInstances members the lab serves, and the refusal of every other one (API_RunInstances):
 * served are the image, type, counts, key pair, subnet and zone, user data, protection, shutdown
 * behaviour, block-device mappings (EBS volumes with size, type, IOPS, throughput, encryption, snapshot
 * and DeleteOnTermination; NoDevice; instance-store VirtualName), EBS optimization, hibernation,
 * security groups (checked against the subnet's VPC), the private IPv4 address, one network
 * interface at device index 0 (its subnet, groups, private address, AssociatePublicIpAddress,
 * DeleteOnTermination and description; launch-network.ts refuses its other members), tags, the
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
  'PrivateIpAddress',
  'NetworkInterfaces',
  'LaunchTemplate',
];

export function checkRunInstancesMembers(request: RunInstancesRequest): void {
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
    refuseUnsimulated('RunInstances', mapping, ['DeviceName', 'Ebs', 'NoDevice', 'VirtualName'], 'BlockDeviceMapping.');
    refuseUnsimulated(
      'RunInstances',
      mapping.Ebs ?? {},
      ['VolumeSize', 'VolumeType', 'Encrypted', 'DeleteOnTermination', 'Iops', 'Throughput', 'SnapshotId'],
      'BlockDeviceMapping.Ebs.',
    );
  }
}
