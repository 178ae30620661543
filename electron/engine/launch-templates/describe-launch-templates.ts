/**
 * DescribeLaunchTemplates: by ids (each must exist: `InvalidLaunchTemplateId.NotFound`) or names
 * (`InvalidLaunchTemplateName.NotFoundException`), with the filters `create-time`,
 * `launch-template-name`, `tag:<key>` and `tag-key`, paged by MaxResults (1–200) and NextToken.
 * EC2 API Reference: API_DescribeLaunchTemplates.
 */
import type { DescribeLaunchTemplatesRequest, DescribeLaunchTemplatesResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeRecords } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { LAUNCH_TEMPLATES, type LaunchTemplateRecord } from './launch-template-record';
import { toLaunchTemplate } from './launch-template-view';

const TEMPLATE_FILTERS: FilterFields<LaunchTemplateRecord> = {
  'create-time': (t) => new Date(t.createTime).toISOString(),
  'launch-template-name': (t) => t.launchTemplateName,
};

export function describeLaunchTemplates(
  ctx: EngineContext,
  region: string,
  request: DescribeLaunchTemplatesRequest,
): DescribeLaunchTemplatesResult {
  const page = describeRecords(ctx, region, LAUNCH_TEMPLATES, request.LaunchTemplateIds, request, {
    named: {
      ids: request.LaunchTemplateNames,
      idOf: (t) => t.launchTemplateName,
      notFound: (names) =>
        names.length === 1 ? errors.launchTemplateNameNotFound(names[0]!) : errors.launchTemplatesNotFound(),
    },
    filters: TEMPLATE_FILTERS,
    paging: { min: 1, max: 200, scope: `launch-templates:${region}` },
    shape: toLaunchTemplate,
  });
  return { LaunchTemplates: page.items, NextToken: page.nextToken };
}
