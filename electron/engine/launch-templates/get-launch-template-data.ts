/**
 * GetLaunchTemplateData: the launch parameters of an existing instance, in the form a launch
 * template takes them, so a learner can turn an instance into a template
 * (EC2 API Reference: API_GetLaunchTemplateData). The lab answers the members it serves in
 * templates (template-data.ts): the AMI, type, key pair, security groups (by id), user data,
 * protections, shutdown behaviour, EBS optimization, hibernation, monitoring, the zone, the root
 * volume (size, type, encryption, DeleteOnTermination; not its snapshot, which comes from the AMI)
 * and the instance's own tags (not AWS's `aws:` ones).
 */
import type {
  GetLaunchTemplateDataRequest,
  GetLaunchTemplateDataResult,
  ResponseLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import { RESERVED_TAG_PREFIX } from '../../../shared/rules/tags';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { INSTANCES } from '../instances/instance-record';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { VOLUMES } from '../volumes/volume-record';

export function getLaunchTemplateData(
  ctx: EngineContext,
  region: string,
  request: GetLaunchTemplateDataRequest,
): GetLaunchTemplateDataResult {
  if (request.InstanceId === undefined) throw errors.missingParameter('InstanceId');
  const [instance] = findRecords(ctx, region, INSTANCES, [request.InstanceId]);
  const primary = ctx.records(NETWORK_INTERFACES).get(instance!.networkInterfaceIds[0] ?? '');
  const root = instance!.blockDevices.find((d) => d.deviceName === instance!.rootDeviceName);
  const volume = root ? ctx.records(VOLUMES).get(root.volumeId) : undefined;
  const tags = instance!.tags.filter((t) => !t.Key.toLowerCase().startsWith(RESERVED_TAG_PREFIX));
  const data: ResponseLaunchTemplateData = {
    ImageId: instance!.imageId,
    InstanceType: instance!.instanceType as ResponseLaunchTemplateData['InstanceType'],
    KeyName: instance!.keyName,
    SecurityGroupIds: primary?.groups.map((g) => g.groupId),
    UserData: instance!.userData,
    DisableApiTermination: instance!.disableApiTermination,
    DisableApiStop: instance!.disableApiStop,
    InstanceInitiatedShutdownBehavior: instance!.shutdownBehavior,
    EbsOptimized: instance!.ebsOptimized,
    HibernationOptions: { Configured: instance!.hibernationConfigured },
    Monitoring: { Enabled: false },
    Placement: { AvailabilityZone: instance!.availabilityZone },
    BlockDeviceMappings: volume
      ? [
          {
            DeviceName: instance!.rootDeviceName,
            Ebs: {
              VolumeSize: volume.sizeGiB,
              VolumeType: volume.volumeType as 'gp3',
              Encrypted: volume.encrypted,
              DeleteOnTermination: volume.attachment?.deleteOnTermination ?? true,
            },
          },
        ]
      : undefined,
    TagSpecifications: tags.length ? [{ ResourceType: 'instance', Tags: tags.map((t) => ({ ...t })) }] : undefined,
  };
  return { LaunchTemplateData: data };
}
