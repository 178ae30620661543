/**
 * Finding the launch template a request names, by `LaunchTemplateId` or `LaunchTemplateName` (one of
 * them, not both), and one of its versions by number, `$Latest` or `$Default`
 * (EC2 API Reference: API_LaunchTemplateSpecification, API_DescribeLaunchTemplateVersions; errors-overview).
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import {
  LAUNCH_TEMPLATES,
  latestVersion,
  type LaunchTemplateRecord,
  type LaunchTemplateVersionRecord,
} from './launch-template-record';

export interface TemplateNaming {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}

export function templateNamed(ctx: EngineContext, region: string, name: string): LaunchTemplateRecord | undefined {
  return ctx
    .records(LAUNCH_TEMPLATES)
    .inRegion(region)
    .find((t) => t.launchTemplateName === name);
}

export function findLaunchTemplate(ctx: EngineContext, region: string, naming: TemplateNaming): LaunchTemplateRecord {
  const { LaunchTemplateId: id, LaunchTemplateName: name } = naming;
  if (id !== undefined && name !== undefined) {
    throw errors.invalidParameterCombination(
      'You must specify either the launch template ID or the launch template name in the request, but not both.',
    );
  }
  if (id !== undefined) return findRecords(ctx, region, LAUNCH_TEMPLATES, [id])[0]!;
  if (name !== undefined) {
    const template = templateNamed(ctx, region, name);
    if (!template) throw errors.launchTemplateNameNotFound(name);
    return template;
  }
  throw errors.missingParameter('launchTemplateName or launchTemplateId');
}

/** A version by `$Latest`, `$Default` or its number; any other text, or a number it lacks, is VersionNotFound. */
export function findVersion(template: LaunchTemplateRecord, version: string): LaunchTemplateVersionRecord {
  if (version === '$Latest') return latestVersion(template);
  if (version === '$Default') return template.versions.find((v) => v.versionNumber === template.defaultVersion)!;
  const found = /^\d+$/.test(version) ? template.versions.find((v) => v.versionNumber === Number(version)) : undefined;
  if (!found) throw errors.launchTemplateVersionNotFound(version, template.launchTemplateId);
  return found;
}
