/**
 * DescribeLaunchTemplateVersions: the versions of one template (by id or name), all or those named
 * in `Versions` (numbers, `$Latest`, `$Default`; each must exist:
 * `InvalidLaunchTemplateId.VersionNotFound`) or between MinVersion and MaxVersion; without a
 * template, the `$Latest` and/or `$Default` versions of every template. Filters `create-time`,
 * `ebs-optimized`, `image-id`, `instance-type`, `is-default-version`; MaxResults 1–200 and NextToken.
 * EC2 API Reference: API_DescribeLaunchTemplateVersions (its texts for a request without a template
 * as moto's suite records them).
 */
import type { DescribeLaunchTemplateVersionsRequest, DescribeLaunchTemplateVersionsResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { findLaunchTemplate, findVersion } from './find-launch-template';
import {
  LAUNCH_TEMPLATES,
  type LaunchTemplateRecord,
  type LaunchTemplateVersionRecord,
} from './launch-template-record';
import { toLaunchTemplateVersion } from './launch-template-view';

interface Described {
  template: LaunchTemplateRecord;
  version: LaunchTemplateVersionRecord;
}

const VERSION_FILTERS: FilterFields<Described> = {
  'create-time': ({ version }) => new Date(version.createTime).toISOString(),
  'ebs-optimized': ({ version }) => version.data.EbsOptimized,
  'image-id': ({ version }) => version.data.ImageId,
  'instance-type': ({ version }) => version.data.InstanceType,
  'is-default-version': ({ template, version }) => template.defaultVersion === version.versionNumber,
};

const ALIASES_ONLY =
  "To describe the launch template data for all your launch templates, for '--versions' specify '$Latest', '$Default', or both, and omit '--launch-template-id', '--launch-template-name', and version numbers. To describe the launch template data for a specific launch template, specify '--launch-template-id' or '--launch-template-name', and for '--versions' specify one or more of the following values: '$Latest', '$Default', or one or more version numbers.";

export function describeLaunchTemplateVersions(
  ctx: EngineContext,
  region: string,
  request: DescribeLaunchTemplateVersionsRequest,
): DescribeLaunchTemplateVersionsResult {
  const versions = request.Versions ?? [];
  let items: Described[];
  if (request.LaunchTemplateId === undefined && request.LaunchTemplateName === undefined) {
    if (!versions.length) throw errors.missingParameter(ALIASES_ONLY);
    if (versions.some((v) => v !== '$Latest' && v !== '$Default')) throw errors.invalidParameterValue(ALIASES_ONLY);
    items = ctx
      .records(LAUNCH_TEMPLATES)
      .inRegion(region)
      .flatMap((template) => uniqueVersions(template, versions));
  } else {
    const template = findLaunchTemplate(ctx, region, request);
    if (versions.length) items = uniqueVersions(template, versions);
    else {
      const min = bound(request.MinVersion, 'MinVersion') ?? 1;
      const max = bound(request.MaxVersion, 'MaxVersion') ?? Infinity;
      items = template.versions
        .filter((v) => v.versionNumber >= min && v.versionNumber <= max)
        .map((version) => ({ template, version }));
    }
  }
  const page = describeItems(items, request, {
    filters: VERSION_FILTERS,
    paging: { min: 1, max: 200, scope: `launch-template-versions:${region}` },
    shape: ({ template, version }) => toLaunchTemplateVersion(template, version),
  });
  return { LaunchTemplateVersions: page.items, NextToken: page.nextToken };
}

/** The versions named, each once, in the order asked. */
function uniqueVersions(template: LaunchTemplateRecord, names: readonly string[]): Described[] {
  const found = new Map<number, Described>();
  for (const name of names) {
    const version = findVersion(template, name);
    if (!found.has(version.versionNumber)) found.set(version.versionNumber, { template, version });
  }
  return [...found.values()];
}

function bound(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw errors.invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. Expected a version number.`);
  }
  return Number(value);
}
