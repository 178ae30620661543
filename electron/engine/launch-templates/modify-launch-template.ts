/**
 * ModifyLaunchTemplate: makes an existing version the default (`SetDefaultVersion`, a number; a
 * version the template lacks is `InvalidLaunchTemplateId.VersionNotFound`).
 * EC2 API Reference: API_ModifyLaunchTemplate.
 */
import type { ModifyLaunchTemplateRequest, ModifyLaunchTemplateResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findLaunchTemplate } from './find-launch-template';
import { LAUNCH_TEMPLATES } from './launch-template-record';
import { toLaunchTemplate } from './launch-template-view';

export function modifyLaunchTemplate(
  ctx: EngineContext,
  region: string,
  request: ModifyLaunchTemplateRequest,
): ModifyLaunchTemplateResult {
  const found = findLaunchTemplate(ctx, region, request);
  const wanted = request.DefaultVersion;
  if (wanted === undefined) return { LaunchTemplate: toLaunchTemplate(found) };
  const version = /^\d+$/.test(wanted) ? found.versions.find((v) => v.versionNumber === Number(wanted)) : undefined;
  if (!version) throw errors.launchTemplateVersionNotFound(wanted, found.launchTemplateId);
  const record = ctx.records(LAUNCH_TEMPLATES).touch(found.launchTemplateId);
  record.defaultVersion = version.versionNumber;
  ctx.changed(region, 'launch-template', record.launchTemplateId);
  return { LaunchTemplate: toLaunchTemplate(record) };
}
