/**
 * Launch templates of the selected region (DescribeLaunchTemplates) and their versions
 * (DescribeLaunchTemplateVersions), with the console's create, delete, set-default-version and
 * launch-from-template. A 'launch-template' event describes the region's templates again.
 * EC2 User Guide: ec2-launch-templates, launch-instance-from-launch-template.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref } from 'vue';
import type {
  CreateLaunchTemplateRequest,
  LaunchTemplate,
  LaunchTemplateVersion,
  Reservation,
  RunInstancesRequest,
  ValidationWarning,
  _InstanceType,
} from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { collectPages } from '../domain/pages';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

/** The basics the console's form asks for (EC2 User Guide: create-launch-template "Basic settings"). */
export interface NewLaunchTemplate {
  name: string;
  description: string;
  imageId: string;
  instanceType: string;
  keyName: string;
  securityGroupIds: string[];
}

export interface Outcome {
  cliCommand: string;
  warning?: ValidationWarning;
}

export const useLaunchTemplatesStore = defineStore('launch-templates', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const templates = ref<LaunchTemplate[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const pages = await collectPages((NextToken) => ec2.DescribeLaunchTemplates(regionName, { NextToken }));
      if (regionName === region.value) templates.value = pages.flatMap((page) => page.LaunchTemplates ?? []);
    } finally {
      loading.value = false;
    }
  }

  /** Every version of one template, newest first, as the console lists them. */
  async function versionsOf(launchTemplateId: string): Promise<LaunchTemplateVersion[]> {
    const regionName = region.value;
    const pages = await collectPages((NextToken) =>
      ec2.DescribeLaunchTemplateVersions(regionName, { LaunchTemplateId: launchTemplateId, NextToken }),
    );
    return pages
      .flatMap((page) => page.LaunchTemplateVersions ?? [])
      .sort((a, b) => b.VersionNumber! - a.VersionNumber!);
  }

  async function create(request: NewLaunchTemplate): Promise<Outcome> {
    const regionName = region.value;
    const input: CreateLaunchTemplateRequest = {
      LaunchTemplateName: request.name,
      VersionDescription: request.description || undefined,
      LaunchTemplateData: {
        ImageId: request.imageId || undefined,
        InstanceType: (request.instanceType || undefined) as _InstanceType | undefined,
        KeyName: request.keyName || undefined,
        SecurityGroupIds: request.securityGroupIds.length ? [...request.securityGroupIds] : undefined,
      },
    };
    const created = await ec2.CreateLaunchTemplate(regionName, input);
    await load();
    return { cliCommand: toCliCommand('CreateLaunchTemplate', input, regionName), warning: created.Warning };
  }

  async function remove(launchTemplateId: string): Promise<string> {
    const regionName = region.value;
    const input = { LaunchTemplateId: launchTemplateId };
    await ec2.DeleteLaunchTemplate(regionName, input);
    await load();
    return toCliCommand('DeleteLaunchTemplate', input, regionName);
  }

  async function setDefaultVersion(launchTemplateId: string, version: number): Promise<string> {
    const regionName = region.value;
    const input = { LaunchTemplateId: launchTemplateId, DefaultVersion: String(version) };
    await ec2.ModifyLaunchTemplate(regionName, input);
    await load();
    return toCliCommand('ModifyLaunchTemplate', input, regionName);
  }

  /** RunInstances with the template's version (a number, `$Default` or `$Latest`) and nothing else but the count. */
  async function launch(
    launchTemplateId: string,
    version: string,
    count: number,
  ): Promise<{ reservation: Reservation; cliCommand: string }> {
    const regionName = region.value;
    const input: RunInstancesRequest = {
      MinCount: count,
      MaxCount: count,
      LaunchTemplate: { LaunchTemplateId: launchTemplateId, Version: version },
    };
    const reservation = await ec2.RunInstances(regionName, input);
    return { reservation, cliCommand: toCliCommand('RunInstances', input, regionName) };
  }

  /** Describes the region's templates again after an event named some in the region shown. */
  function changed(regionName: string): void {
    if (regionName === region.value) load().catch(() => undefined);
  }

  return { templates, loading, load, versionsOf, create, remove, setDefaultVersion, launch, changed };
});

registerLabData({
  storeId: useLaunchTemplatesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useLaunchTemplatesStore().load(),
  changed: { 'launch-template': (_ids, region) => useLaunchTemplatesStore().changed(region) },
});
