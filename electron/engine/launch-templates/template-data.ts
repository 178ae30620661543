/**
 * The launch parameters of a launch template version (`LaunchTemplateData`), checked as the lab can
 * launch them. What the lab does not simulate is refused by name, never dropped, as RunInstances
 * refuses it (run-instances-members.ts). The form of each value (user data, shutdown behaviour,
 * tags, the root volume's members) is checked when the version is written, with RunInstances'
 * messages. What the parameters refer to (the AMI, the instance type, the key pair, the security
 * groups) is reported as AWS reports it: the version is created, and each problem comes back in
 * the answer's `Warning` (API_CreateLaunchTemplate, Response Elements "warning": "If the launch
 * template contains parameters or parameter combinations that are not valid, an error code and an
 * error message are returned for each issue that's found"; EC2 User Guide:
 * launch-template-restrictions "Parameters not validated"). RunInstances checks them all again
 * when it launches from the template.
 */
import type {
  RequestLaunchTemplateData,
  ResponseLaunchTemplateData,
  ValidationError,
  ValidationWarning,
} from '@aws-sdk/client-ec2';
import { MAX_USER_DATA_BYTES } from '../../../shared/rules/instances';
import type { EngineContext } from '../context';
import { Ec2Error, errors } from '../errors';
import { findRecords } from '../find-records';
import { isWellFormedId } from '../ids';
import { KEY_PAIRS, keyPairNamed } from '../key-pairs/key-pair-record';
import { refuseUnsimulated } from '../not-simulated';
import { findGroup } from '../security-groups/find-groups';
import { SECURITY_GROUPS } from '../security-groups/security-group-record';
import { validateTags } from '../tags/tag-rules';

/** The members of LaunchTemplateData the lab serves: those RunInstances serves that a template can carry. */
export const SERVED_TEMPLATE_MEMBERS = [
  'ImageId',
  'InstanceType',
  'KeyName',
  'SecurityGroupIds',
  'SecurityGroups',
  'UserData',
  'DisableApiTermination',
  'DisableApiStop',
  'InstanceInitiatedShutdownBehavior',
  'EbsOptimized',
  'HibernationOptions',
  'Monitoring',
  'Placement',
  'BlockDeviceMappings',
  'TagSpecifications',
] as const satisfies readonly (keyof RequestLaunchTemplateData)[];

/** The resource types a template tags at launch, as the lab makes them (API_LaunchTemplateTagSpecificationRequest). */
export const TEMPLATE_TAG_TYPES = ['instance', 'volume', 'network-interface'];

/**
 * The data as the lab keeps and answers it (AWS's ResponseLaunchTemplateData), after its form is
 * checked; `operation` names the call in refusals.
 */
export function checkTemplateData(
  operation: string,
  data: RequestLaunchTemplateData | undefined,
): ResponseLaunchTemplateData {
  if (!data || !Object.values(data).some((value) => value !== undefined)) throw errors.launchTemplateDataMissing();
  refuseUnsimulated(operation, data, SERVED_TEMPLATE_MEMBERS, 'LaunchTemplateData.');
  const kept: ResponseLaunchTemplateData = {};
  if (data.ImageId !== undefined) kept.ImageId = data.ImageId;
  if (data.InstanceType !== undefined) kept.InstanceType = data.InstanceType;
  if (data.KeyName !== undefined) kept.KeyName = data.KeyName;
  if (data.SecurityGroupIds?.length) kept.SecurityGroupIds = [...data.SecurityGroupIds];
  if (data.SecurityGroups?.length) kept.SecurityGroups = [...data.SecurityGroups];
  if (data.UserData !== undefined && data.UserData !== '') kept.UserData = checkUserData(data.UserData);
  if (data.DisableApiTermination !== undefined) kept.DisableApiTermination = data.DisableApiTermination;
  if (data.DisableApiStop !== undefined) kept.DisableApiStop = data.DisableApiStop;
  if (data.InstanceInitiatedShutdownBehavior !== undefined) {
    const behaviour = data.InstanceInitiatedShutdownBehavior as string;
    if (behaviour !== 'stop' && behaviour !== 'terminate') {
      throw errors.invalidParameterValue(
        `Value (${behaviour}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop', 'terminate'.`,
      );
    }
    kept.InstanceInitiatedShutdownBehavior = behaviour;
  }
  if (data.EbsOptimized !== undefined) kept.EbsOptimized = data.EbsOptimized;
  if (data.HibernationOptions) {
    refuseUnsimulated(operation, data.HibernationOptions, ['Configured'], 'LaunchTemplateData.HibernationOptions.');
    kept.HibernationOptions = { Configured: data.HibernationOptions.Configured === true };
  }
  if (data.Monitoring) {
    // Detailed monitoring (CloudWatch every minute) is not simulated, as in RunInstances.
    if (data.Monitoring.Enabled === true) throw errors.notSimulated(operation, 'LaunchTemplateData.Monitoring.Enabled');
    kept.Monitoring = { Enabled: false };
  }
  if (data.Placement) {
    const { Tenancy, ...placement } = data.Placement;
    if (Tenancy !== undefined && Tenancy !== 'default') {
      throw errors.notSimulated(operation, 'LaunchTemplateData.Placement.Tenancy');
    }
    refuseUnsimulated(operation, placement, ['AvailabilityZone'], 'LaunchTemplateData.Placement.');
    if (placement.AvailabilityZone !== undefined) kept.Placement = { AvailabilityZone: placement.AvailabilityZone };
  }
  if (data.BlockDeviceMappings?.length) {
    kept.BlockDeviceMappings = data.BlockDeviceMappings.map((mapping) => {
      refuseUnsimulated(operation, mapping, ['DeviceName', 'Ebs'], 'LaunchTemplateData.BlockDeviceMapping.');
      if (!mapping.DeviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
      const ebs = mapping.Ebs ?? {};
      refuseUnsimulated(
        operation,
        ebs,
        ['VolumeSize', 'VolumeType', 'Encrypted', 'DeleteOnTermination'],
        'LaunchTemplateData.BlockDeviceMapping.Ebs.',
      );
      return {
        DeviceName: mapping.DeviceName,
        Ebs: {
          VolumeSize: ebs.VolumeSize,
          VolumeType: ebs.VolumeType,
          Encrypted: ebs.Encrypted,
          DeleteOnTermination: ebs.DeleteOnTermination,
        },
      };
    });
  }
  if (data.TagSpecifications?.length) {
    kept.TagSpecifications = data.TagSpecifications.map((specification) => {
      const type = String(specification.ResourceType);
      if (!TEMPLATE_TAG_TYPES.includes(type)) {
        throw errors.invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`);
      }
      const tags = (specification.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
      validateTags(tags);
      return { ResourceType: specification.ResourceType, Tags: tags };
    });
  }
  return kept;
}

/** What the parameters refer to that this region lacks, each as RunInstances would answer it. */
export function templateWarnings(
  ctx: EngineContext,
  region: string,
  data: ResponseLaunchTemplateData,
): ValidationWarning | undefined {
  const problems: ValidationError[] = [];
  const check = (probe: () => void) => {
    try {
      probe();
    } catch (error) {
      if (!(error instanceof Ec2Error)) throw error;
      problems.push({ Code: error.code, Message: error.message });
    }
  };
  const { ImageId: imageId, InstanceType: type, KeyName: keyName } = data;
  if (imageId !== undefined) {
    check(() => {
      if (!isWellFormedId(imageId, 'ami')) throw errors.amiIdMalformed(imageId);
      if (!ctx.catalog.images[region]?.some((i) => i.image.ImageId === imageId)) throw errors.amiIdNotFound([imageId]);
    });
  }
  if (type !== undefined) {
    check(() => {
      if (!ctx.catalog.instanceTypes.some((t) => t.InstanceType === type)) throw errors.invalidInstanceType(type);
    });
  }
  if (keyName !== undefined) {
    check(() => {
      if (!keyPairNamed(ctx.records(KEY_PAIRS).inRegion(region), keyName)) throw errors.keyPairNotFound(keyName);
    });
  }
  for (const groupId of data.SecurityGroupIds ?? []) check(() => findRecords(ctx, region, SECURITY_GROUPS, [groupId]));
  for (const groupName of data.SecurityGroups ?? []) check(() => findGroup(ctx, region, { GroupName: groupName }));
  return problems.length ? { Errors: problems } : undefined;
}

/** Base64 of at most 16 KiB, as RunInstances checks it (API_RunInstances "UserData"). */
function checkUserData(userData: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userData) || userData.length % 4 !== 0) {
    throw errors.invalidParameterValue('Invalid BASE64 encoding of user data.');
  }
  if ((userData.length / 4) * 3 > MAX_USER_DATA_BYTES + 2) {
    throw errors.invalidParameterValue(`User data is limited to ${MAX_USER_DATA_BYTES} bytes.`);
  }
  return userData;
}
