/**
 * DeleteLaunchTemplate (the template and every version) and DeleteLaunchTemplateVersions (up to
 * 200 versions by number; the default version cannot be deleted: "you must first assign a
 * different version as the default"). DeleteLaunchTemplateVersions answers per version, as AWS
 * does: those deleted, and those not with a `ResponseError` each (`launchTemplateVersionDoesNotExist`,
 * `unexpectedError` for the default version).
 * EC2 API Reference: API_DeleteLaunchTemplate, API_DeleteLaunchTemplateVersions,
 * API_DeleteLaunchTemplateVersionsResponseErrorItem, API_ResponseError.
 */
import type {
  DeleteLaunchTemplateRequest,
  DeleteLaunchTemplateResult,
  DeleteLaunchTemplateVersionsRequest,
  DeleteLaunchTemplateVersionsResponseErrorItem,
  DeleteLaunchTemplateVersionsResponseSuccessItem,
  DeleteLaunchTemplateVersionsResult,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findLaunchTemplate } from './find-launch-template';
import { LAUNCH_TEMPLATES } from './launch-template-record';
import { toLaunchTemplate } from './launch-template-view';

const MAX_VERSIONS_PER_REQUEST = 200;

export function deleteLaunchTemplate(
  ctx: EngineContext,
  region: string,
  request: DeleteLaunchTemplateRequest,
): DeleteLaunchTemplateResult {
  const found = findLaunchTemplate(ctx, region, request);
  const answer = toLaunchTemplate(found);
  ctx.records(LAUNCH_TEMPLATES).delete(found.launchTemplateId);
  ctx.changed(region, 'launch-template', found.launchTemplateId);
  return { LaunchTemplate: answer };
}

export function deleteLaunchTemplateVersions(
  ctx: EngineContext,
  region: string,
  request: DeleteLaunchTemplateVersionsRequest,
): DeleteLaunchTemplateVersionsResult {
  const found = findLaunchTemplate(ctx, region, request);
  const asked = request.Versions ?? [];
  if (!asked.length) throw errors.missingParameter('LaunchTemplateVersion');
  if (asked.length > MAX_VERSIONS_PER_REQUEST) {
    throw errors.invalidParameterValue(
      `You can delete up to ${MAX_VERSIONS_PER_REQUEST} launch template versions in a single request. To delete more, use DeleteLaunchTemplate.`,
    );
  }
  const naming = { LaunchTemplateId: found.launchTemplateId, LaunchTemplateName: found.launchTemplateName };
  const deleted: DeleteLaunchTemplateVersionsResponseSuccessItem[] = [];
  const refused: DeleteLaunchTemplateVersionsResponseErrorItem[] = [];
  const record = ctx.records(LAUNCH_TEMPLATES).touch(found.launchTemplateId);
  for (const text of new Set(asked)) {
    const number = /^\d+$/.test(text) ? Number(text) : undefined;
    const index = record.versions.findIndex((v) => v.versionNumber === number);
    if (number === undefined || index < 0) {
      refused.push({
        ...naming,
        VersionNumber: number,
        ResponseError: {
          Code: 'launchTemplateVersionDoesNotExist',
          Message: `The specified launch template version ${text} does not exist.`,
        },
      });
    } else if (number === record.defaultVersion) {
      refused.push({
        ...naming,
        VersionNumber: number,
        ResponseError: {
          Code: 'unexpectedError',
          Message:
            'Cannot delete the default version of a launch template. Set another version as the default, or delete the launch template.',
        },
      });
    } else {
      record.versions.splice(index, 1);
      deleted.push({ ...naming, VersionNumber: number });
    }
  }
  if (deleted.length) ctx.changed(region, 'launch-template', record.launchTemplateId);
  return { SuccessfullyDeletedLaunchTemplateVersions: deleted, UnsuccessfullyDeletedLaunchTemplateVersions: refused };
}
