/**
 * The launch templates family: templates and their versions, by EC2's operation names
 * (EC2 API Reference: API_CreateLaunchTemplate, API_CreateLaunchTemplateVersion,
 * API_DescribeLaunchTemplates, API_DescribeLaunchTemplateVersions, API_ModifyLaunchTemplate,
 * API_DeleteLaunchTemplate, API_DeleteLaunchTemplateVersions, API_GetLaunchTemplateData).
 * RunInstances launches from them through apply-launch-template.ts.
 */
import { isLaunchTemplateName } from '../../../shared/rules/launch-templates';
import type { FieldCheck } from '../import-checks';
import { anyText, checkFields, count, id, listOf, optional, region, shape, tags, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import { createLaunchTemplate, createLaunchTemplateVersion } from './create-launch-template';
import { deleteLaunchTemplate, deleteLaunchTemplateVersions } from './delete-launch-template';
import { describeLaunchTemplateVersions } from './describe-launch-template-versions';
import { describeLaunchTemplates } from './describe-launch-templates';
import { getLaunchTemplateData } from './get-launch-template-data';
import { LAUNCH_TEMPLATES } from './launch-template-record';
import { modifyLaunchTemplate } from './modify-launch-template';
import { checkTemplateData } from './template-data';

/** Template data a lab file carries must be data the lab itself would have kept. */
const templateData: FieldCheck = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  try {
    return canonical(checkTemplateData('ImportLab', v)) === canonical(v);
  } catch {
    return false;
  }
};
/** JSON with every object's keys in order, so equal data compares equal whatever order its members came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
const version = shape({
  versionNumber: count,
  description: optional(anyText),
  createTime: time,
  clientToken: optional(anyText),
  data: templateData,
});

export const LAUNCH_TEMPLATES_FAMILY = defineFamily({
  name: 'launch-templates',
  collection: LAUNCH_TEMPLATES,
  importCheck: checkFields(
    {
      launchTemplateId: id('lt'),
      region,
      launchTemplateName: isLaunchTemplateName,
      createTime: time,
      createdBy: anyText,
      defaultVersion: count,
      lastVersionNumber: count,
      versions: listOf(version, 10_000),
      clientToken: optional(anyText),
      tags,
    },
    // The default version must exist, and no version may be numbered past the last number given.
    (d) => {
      const versions = d.versions as { versionNumber: number }[];
      if (!versions.length || !versions.some((v) => v.versionNumber === d.defaultVersion)) return 'defaultVersion';
      if (versions.some((v) => v.versionNumber > (d.lastVersionNumber as number))) return 'lastVersionNumber';
      return undefined;
    },
  ),
  uniqueInRegion: ['launchTemplateName'],
  activityIdKeys: ['LaunchTemplateId', 'LaunchTemplateIds'],
  handlers: {
    CreateLaunchTemplate: createLaunchTemplate,
    CreateLaunchTemplateVersion: createLaunchTemplateVersion,
    DescribeLaunchTemplates: describeLaunchTemplates,
    DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
    ModifyLaunchTemplate: modifyLaunchTemplate,
    DeleteLaunchTemplate: deleteLaunchTemplate,
    DeleteLaunchTemplateVersions: deleteLaunchTemplateVersions,
    GetLaunchTemplateData: getLaunchTemplateData,
  },
});
