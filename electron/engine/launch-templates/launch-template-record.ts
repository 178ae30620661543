/**
 * A launch template as the engine keeps it: its name, its numbered versions (each an immutable set
 * of launch parameters), which version is the default, and its tags. Version numbers are never
 * reused: a new version takes the next number even after later ones were deleted
 * (EC2 User Guide: launch-template-restrictions "Version numbers"; EC2 API Reference: API_LaunchTemplate).
 */
import type { ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { errors } from '../errors';
import { defineCollection, type Tag } from '../resource-collection';

export interface LaunchTemplateVersionRecord {
  versionNumber: number;
  description?: string;
  createTime: number;
  clientToken?: string;
  /** The launch parameters, only members the lab serves (template-data.ts), as AWS answers them. */
  data: ResponseLaunchTemplateData;
}

export interface LaunchTemplateRecord {
  launchTemplateId: string;
  region: string;
  launchTemplateName: string;
  createTime: number;
  /** The ARN of who created it (the lab's account root). */
  createdBy: string;
  defaultVersion: number;
  /** The highest version number given so far (the next version takes the one after it). */
  lastVersionNumber: number;
  versions: LaunchTemplateVersionRecord[];
  clientToken?: string;
  tags: Tag[];
}

export const LAUNCH_TEMPLATES = defineCollection<LaunchTemplateRecord>({
  name: 'launch-templates',
  regionOf: (r) => r.region,
  idOf: (r) => r.launchTemplateId,
  idPrefix: 'lt',
  malformed: errors.launchTemplateIdMalformed,
  notFound: (ids) => errors.launchTemplateIdNotFound(ids[0]!),
  tagResourceType: 'launch-template',
  kind: 'launch-template',
});

/** The highest version number that still exists (AWS's LatestVersionNumber). */
export function latestVersion(record: LaunchTemplateRecord): LaunchTemplateVersionRecord {
  return record.versions.reduce((latest, v) => (v.versionNumber > latest.versionNumber ? v : latest));
}
