/** A launch template and its versions as AWS answers them (EC2 API Reference: API_LaunchTemplate, API_LaunchTemplateVersion). */
import type { LaunchTemplate, LaunchTemplateVersion, ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { latestVersion, type LaunchTemplateRecord, type LaunchTemplateVersionRecord } from './launch-template-record';

export function toLaunchTemplate(record: LaunchTemplateRecord): LaunchTemplate {
  return {
    LaunchTemplateId: record.launchTemplateId,
    LaunchTemplateName: record.launchTemplateName,
    CreateTime: new Date(record.createTime),
    CreatedBy: record.createdBy,
    DefaultVersionNumber: record.defaultVersion,
    LatestVersionNumber: latestVersion(record).versionNumber,
    Tags: record.tags.length ? record.tags.map((t) => ({ ...t })) : undefined,
  };
}

export function toLaunchTemplateVersion(
  record: LaunchTemplateRecord,
  version: LaunchTemplateVersionRecord,
): LaunchTemplateVersion {
  return {
    LaunchTemplateId: record.launchTemplateId,
    LaunchTemplateName: record.launchTemplateName,
    VersionNumber: version.versionNumber,
    VersionDescription: version.description,
    CreateTime: new Date(version.createTime),
    CreatedBy: record.createdBy,
    DefaultVersion: version.versionNumber === record.defaultVersion,
    LaunchTemplateData: copyData(version.data),
  };
}

/** A deep copy, so no answer shares arrays with the kept record. */
export function copyData(data: ResponseLaunchTemplateData): ResponseLaunchTemplateData {
  return JSON.parse(JSON.stringify(data)) as ResponseLaunchTemplateData;
}
