/**
 * RunInstances from a launch template (`LaunchTemplate`: LaunchTemplateId or LaunchTemplateName,
 * Version a number, `$Latest` or `$Default`, `$Default` when absent): the template version's
 * parameters, with the request's own parameters taking precedence, as API_RunInstances says
 * ("Any parameters that you specify in RunInstances override the same parameters in the launch
 * template"). What "the same parameter" is, the lab takes as follows:
 * - every top-level member (ImageId, InstanceType, KeyName, UserData …) is one parameter;
 * - the security groups are one parameter: `SecurityGroupIds` or `SecurityGroups` in the request
 *   replace both of the template's;
 * - `TagSpecifications` per resource type: the request's tags for `instance` replace the
 *   template's `instance` tags, the template's `volume` tags still apply;
 * - `BlockDeviceMappings` per device name; `Placement` per member.
 * The instances are tagged `aws:ec2launchtemplate:id` and `aws:ec2launchtemplate:version` (the
 * version number used), as EC2 tags them (EC2 User Guide: launch-instance-from-launch-template).
 */
import type { RunInstancesRequest, TagSpecification } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import type { Tag } from '../resource-collection';
import { findLaunchTemplate, findVersion } from './find-launch-template';
import { copyData } from './launch-template-view';

export interface LaunchFromTemplate {
  /** The request with the template's parameters filled in. */
  request: RunInstancesRequest;
  /** AWS's own tags for each instance launched (none without a template). */
  instanceTags: Tag[];
}

const TOP_LEVEL = [
  'ImageId',
  'InstanceType',
  'KeyName',
  'UserData',
  'DisableApiTermination',
  'DisableApiStop',
  'InstanceInitiatedShutdownBehavior',
  'EbsOptimized',
  'HibernationOptions',
  'Monitoring',
] as const;

export function applyLaunchTemplate(
  ctx: EngineContext,
  region: string,
  request: RunInstancesRequest,
): LaunchFromTemplate {
  const specification = request.LaunchTemplate;
  if (!specification) return { request, instanceTags: [] };
  const template = findLaunchTemplate(ctx, region, specification);
  const version = findVersion(template, specification.Version ?? '$Default');
  const data = copyData(version.data);
  const merged: RunInstancesRequest = { ...request };
  const filled = merged as unknown as Record<string, unknown>;
  for (const member of TOP_LEVEL) {
    if (merged[member] === undefined && data[member] !== undefined) filled[member] = data[member];
  }
  if (request.SecurityGroupIds === undefined && request.SecurityGroups === undefined) {
    if (data.SecurityGroupIds) merged.SecurityGroupIds = data.SecurityGroupIds;
    if (data.SecurityGroups) merged.SecurityGroups = data.SecurityGroups;
  }
  if (data.Placement) merged.Placement = { ...data.Placement, ...request.Placement };
  if (data.BlockDeviceMappings) {
    const given = request.BlockDeviceMappings ?? [];
    const inherited = data.BlockDeviceMappings.filter((m) => !given.some((g) => g.DeviceName === m.DeviceName));
    merged.BlockDeviceMappings = [...inherited, ...given] as RunInstancesRequest['BlockDeviceMappings'];
  }
  if (data.TagSpecifications) {
    const given = request.TagSpecifications ?? [];
    const inherited = data.TagSpecifications.filter(
      (s) => !given.some((g) => g.ResourceType === s.ResourceType),
    ) as TagSpecification[];
    merged.TagSpecifications = [...inherited, ...given];
  }
  return {
    request: merged,
    instanceTags: [
      { Key: 'aws:ec2launchtemplate:id', Value: template.launchTemplateId },
      { Key: 'aws:ec2launchtemplate:version', Value: String(version.versionNumber) },
    ],
  };
}
