/**
 * Launch templates through the EC2 API door, driven by the real @aws-sdk/client-ec2 as a learner's
 * script drives them: create with tags and a warning, versions from a source version, describe
 * templates and versions, set the default version, delete versions (AWS's per-version answers) and
 * templates, GetLaunchTemplateData, and RunInstances from a template by id and name, each version
 * alias, with explicit parameters overriding and AWS's `aws:ec2launchtemplate:*` tags.
 */
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DeleteLaunchTemplateVersionsCommand,
  DescribeImagesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  GetLaunchTemplateDataCommand,
  ModifyLaunchTemplateCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();
const { client } = lab;

async function amazonLinux(): Promise<string> {
  const { Images } = await client().send(
    new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
  );
  return Images![0]!.ImageId!;
}

describe('launch templates through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  it('creates, versions, describes, modifies and deletes templates with AWS answers and errors', async () => {
    const imageId = await amazonLinux();
    const created = await client().send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'sdk-web',
        VersionDescription: 'first',
        LaunchTemplateData: {
          ImageId: imageId,
          InstanceType: 't3.micro',
          UserData: Buffer.from('#!/bin/sh\n').toString('base64'),
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
        },
        TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'sdk' }] }],
      }),
    );
    const template = created.LaunchTemplate!;
    expect(template.LaunchTemplateId).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(template).toMatchObject({
      LaunchTemplateName: 'sdk-web',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      Tags: [{ Key: 'team', Value: 'sdk' }],
    });
    expect(template.CreateTime).toBeInstanceOf(Date);
    expect(created.Warning).toBeUndefined();
    const id = template.LaunchTemplateId!;

    const dangling = await client().send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'sdk-dangling',
        LaunchTemplateData: { KeyName: 'nobody' },
      }),
    );
    expect(dangling.Warning!.Errors).toEqual([
      { Code: 'InvalidKeyPair.NotFound', Message: "The key pair 'nobody' does not exist" },
    ]);

    expect(
      await errorOf(
        client().send(
          new CreateLaunchTemplateCommand({ LaunchTemplateName: 'sdk-web', LaunchTemplateData: { ImageId: imageId } }),
        ),
      ),
    ).toEqual({
      name: 'InvalidLaunchTemplateName.AlreadyExistsException',
      message: 'Launch template name already in use.',
      status: 400,
    });
    expect(
      await errorOf(
        client().send(
          new CreateLaunchTemplateCommand({
            LaunchTemplateName: 'sdk-spot',
            LaunchTemplateData: { InstanceMarketOptions: { MarketType: 'spot' } },
          }),
        ),
      ),
    ).toMatchObject({ name: 'UnsupportedOperation', message: expect.stringContaining('InstanceMarketOptions') });

    const second = await client().send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateId: id,
        SourceVersion: '1',
        VersionDescription: 'small',
        LaunchTemplateData: { InstanceType: 't3.small' },
      }),
    );
    expect(second.LaunchTemplateVersion).toMatchObject({
      VersionNumber: 2,
      VersionDescription: 'small',
      DefaultVersion: false,
      LaunchTemplateData: { ImageId: imageId, InstanceType: 't3.small' },
    });
    expect(
      await errorOf(
        client().send(
          new CreateLaunchTemplateVersionCommand({
            LaunchTemplateId: id,
            SourceVersion: '7',
            LaunchTemplateData: { InstanceType: 't3.nano' },
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidLaunchTemplateId.VersionNotFound', status: 400 });

    const listed = await client().send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['sdk-web'] }));
    expect(listed.LaunchTemplates!.map((t) => [t.LaunchTemplateId, t.LatestVersionNumber])).toEqual([[id, 2]]);
    const filtered = await client().send(
      new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'tag:team', Values: ['sdk'] }], MaxResults: 5 }),
    );
    expect(filtered.LaunchTemplates!.map((t) => t.LaunchTemplateName)).toEqual(['sdk-web']);
    expect(await errorOf(client().send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['nope'] })))).toEqual(
      {
        name: 'InvalidLaunchTemplateName.NotFoundException',
        message: 'The specified launch template, with template name nope, does not exist.',
        status: 400,
      },
    );
    expect(
      await errorOf(client().send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['lt-0123456789abcdef0'] }))),
    ).toMatchObject({ name: 'InvalidLaunchTemplateId.NotFound' });
    expect(
      await errorOf(client().send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['lt-1'] }))),
    ).toMatchObject({
      name: 'InvalidLaunchTemplateId.Malformed',
    });

    const versions = await client().send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['$Latest', '$Default'] }),
    );
    expect(versions.LaunchTemplateVersions!.map((v) => [v.VersionNumber, v.DefaultVersion])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(versions.LaunchTemplateVersions![1]!.LaunchTemplateData!.TagSpecifications).toEqual([
      { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] },
    ]);
    const ranged = await client().send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'sdk-web', MinVersion: '2' }),
    );
    expect(ranged.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([2]);

    const modified = await client().send(
      new ModifyLaunchTemplateCommand({ LaunchTemplateId: id, DefaultVersion: '2' }),
    );
    expect(modified.LaunchTemplate).toMatchObject({ DefaultVersionNumber: 2 });

    const deletions = await client().send(
      new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['1', '2', '9'] }),
    );
    expect(deletions.SuccessfullyDeletedLaunchTemplateVersions).toEqual([
      { LaunchTemplateId: id, LaunchTemplateName: 'sdk-web', VersionNumber: 1 },
    ]);
    expect(
      deletions.UnsuccessfullyDeletedLaunchTemplateVersions!.map((e) => [e.VersionNumber, e.ResponseError!.Code]),
    ).toEqual([
      [2, 'unexpectedError'],
      [9, 'launchTemplateVersionDoesNotExist'],
    ]);

    const deleted = await client().send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'sdk-dangling' }));
    expect(deleted.LaunchTemplate!.LaunchTemplateName).toBe('sdk-dangling');
    expect(
      await errorOf(client().send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'sdk-dangling' }))),
    ).toMatchObject({ name: 'InvalidLaunchTemplateName.NotFoundException' });
  });

  it('launches from a template by id and name, overriding it with explicit parameters, and reads an instance back', async () => {
    const imageId = await amazonLinux();
    const id = (
      await client().send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: 'sdk-run',
          LaunchTemplateData: { ImageId: imageId, InstanceType: 't3.micro', DisableApiTermination: true },
        }),
      )
    ).LaunchTemplate!.LaunchTemplateId!;
    await client().send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateName: 'sdk-run',
        SourceVersion: '$Latest',
        LaunchTemplateData: { InstanceType: 't3.small' },
      }),
    );
    const run = async (LaunchTemplate: object, extra = {}) =>
      (await client().send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, LaunchTemplate, ...extra })))
        .Instances![0]!;

    const byDefault = await run({ LaunchTemplateId: id });
    expect(byDefault.InstanceType).toBe('t3.micro');
    expect(byDefault.Tags).toEqual([
      { Key: 'aws:ec2launchtemplate:id', Value: id },
      { Key: 'aws:ec2launchtemplate:version', Value: '1' },
    ]);
    const latest = await run({ LaunchTemplateName: 'sdk-run', Version: '$Latest' });
    expect(latest.InstanceType).toBe('t3.small');
    const overridden = await run({ LaunchTemplateName: 'sdk-run', Version: '2' }, { InstanceType: 't3.nano' });
    expect(overridden.InstanceType).toBe('t3.nano');
    expect(await errorOf(run({ LaunchTemplateName: 'sdk-run', Version: '3' }))).toMatchObject({
      name: 'InvalidLaunchTemplateId.VersionNotFound',
    });
    expect(await errorOf(run({ LaunchTemplateName: 'sdk-none' }))).toMatchObject({
      name: 'InvalidLaunchTemplateName.NotFoundException',
    });

    const data = await client().send(new GetLaunchTemplateDataCommand({ InstanceId: byDefault.InstanceId }));
    expect(data.LaunchTemplateData).toMatchObject({
      ImageId: imageId,
      InstanceType: 't3.micro',
      DisableApiTermination: true,
      Monitoring: { Enabled: false },
    });
    expect(
      await errorOf(client().send(new GetLaunchTemplateDataCommand({ InstanceId: 'i-0123456789abcdef0' }))),
    ).toMatchObject({ name: 'InvalidInstanceID.NotFound' });
  });
});
