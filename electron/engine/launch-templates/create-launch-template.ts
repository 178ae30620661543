/**
 * CreateLaunchTemplate and CreateLaunchTemplateVersion. A name is 3–128 of letters, digits and
 * `( ) . - / _`, unique in the region (`InvalidLaunchTemplateName.AlreadyExistsException`); the
 * template starts with version 1 as its default. A new version takes the next number; with
 * `SourceVersion` it starts from that version's parameters and the given ones replace the same
 * top-level parameters ("the new version inherits ... parameters that you specify ... override");
 * without it, it holds only the given ones. Tags go on the template (resource type
 * `launch-template`), never on a version. A repeated `ClientToken` answers what it made the first time.
 * EC2 API Reference: API_CreateLaunchTemplate, API_CreateLaunchTemplateVersion;
 * EC2 User Guide: launch-template-restrictions, create-launch-template-version.
 */
import type {
  CreateLaunchTemplateRequest,
  CreateLaunchTemplateResult,
  CreateLaunchTemplateVersionRequest,
  CreateLaunchTemplateVersionResult,
  RequestLaunchTemplateData,
  TagSpecification,
} from '@aws-sdk/client-ec2';
import { isLaunchTemplateName } from '../../../shared/rules/launch-templates';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import type { Tag } from '../resource-collection';
import { validateTags } from '../tags/tag-rules';
import { findLaunchTemplate, findVersion, templateNamed } from './find-launch-template';
import {
  LAUNCH_TEMPLATES,
  type LaunchTemplateRecord,
  type LaunchTemplateVersionRecord,
} from './launch-template-record';
import { toLaunchTemplate, toLaunchTemplateVersion } from './launch-template-view';
import { checkTemplateData, templateWarnings } from './template-data';

const MAX_DESCRIPTION_LENGTH = 255;

export function createLaunchTemplate(
  ctx: EngineContext,
  region: string,
  request: CreateLaunchTemplateRequest,
): CreateLaunchTemplateResult {
  const name = request.LaunchTemplateName;
  if (name === undefined) throw errors.missingParameter('LaunchTemplateName');
  if (request.ClientToken !== undefined) {
    const earlier = ctx
      .records(LAUNCH_TEMPLATES)
      .inRegion(region)
      .find((t) => t.clientToken === request.ClientToken);
    if (earlier) return { LaunchTemplate: toLaunchTemplate(earlier) };
  }
  if (!isLaunchTemplateName(name)) throw errors.launchTemplateNameMalformed();
  if (templateNamed(ctx, region, name)) throw errors.launchTemplateNameAlreadyExists();
  const description = checkDescription(request.VersionDescription);
  const data = checkTemplateData('CreateLaunchTemplate', request.LaunchTemplateData);
  const tags = templateTags(request.TagSpecifications);
  const now = ctx.clock.now();
  const record: LaunchTemplateRecord = {
    launchTemplateId: ctx.ids.next('lt'),
    region,
    launchTemplateName: name,
    createTime: now,
    createdBy: `arn:aws:iam::${ctx.accountId()}:root`,
    defaultVersion: 1,
    lastVersionNumber: 1,
    versions: [{ versionNumber: 1, description, createTime: now, data }],
    clientToken: request.ClientToken,
    tags,
  };
  ctx.records(LAUNCH_TEMPLATES).put(record.launchTemplateId, record);
  ctx.changed(region, 'launch-template', record.launchTemplateId);
  return { LaunchTemplate: toLaunchTemplate(record), Warning: templateWarnings(ctx, region, data) };
}

export function createLaunchTemplateVersion(
  ctx: EngineContext,
  region: string,
  request: CreateLaunchTemplateVersionRequest,
): CreateLaunchTemplateVersionResult {
  const found = findLaunchTemplate(ctx, region, request);
  if (request.ClientToken !== undefined) {
    const earlier = found.versions.find((v) => v.clientToken === request.ClientToken);
    if (earlier) return { LaunchTemplateVersion: toLaunchTemplateVersion(found, earlier) };
  }
  const description = checkDescription(request.VersionDescription);
  const given = checkTemplateData('CreateLaunchTemplateVersion', request.LaunchTemplateData);
  const source = request.SourceVersion === undefined ? undefined : findVersion(found, request.SourceVersion);
  // Checked again as a whole, so a merged version is kept in the same form as any other.
  const data = source
    ? checkTemplateData('CreateLaunchTemplateVersion', {
        ...structuredClone(source.data),
        ...given,
      } as RequestLaunchTemplateData)
    : given;
  const record = ctx.records(LAUNCH_TEMPLATES).touch(found.launchTemplateId);
  const version: LaunchTemplateVersionRecord = {
    versionNumber: record.lastVersionNumber + 1,
    description,
    createTime: ctx.clock.now(),
    clientToken: request.ClientToken,
    data,
  };
  record.lastVersionNumber = version.versionNumber;
  record.versions.push(version);
  ctx.changed(region, 'launch-template', record.launchTemplateId);
  return {
    LaunchTemplateVersion: toLaunchTemplateVersion(record, version),
    Warning: templateWarnings(ctx, region, data),
  };
}

function checkDescription(description: string | undefined): string | undefined {
  if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH) {
    throw errors.invalidParameterValue(
      `Value for parameter versionDescription is invalid. It must be at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    );
  }
  return description || undefined;
}

/** Tags on creation: only resource type `launch-template` (API_CreateLaunchTemplate "TagSpecifications"). */
function templateTags(specifications: readonly TagSpecification[] | undefined): Tag[] {
  const tags: Tag[] = [];
  for (const specification of specifications ?? []) {
    if (specification.ResourceType !== 'launch-template') {
      throw errors.invalidParameterValue(
        `'${String(specification.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    for (const tag of specification.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}
