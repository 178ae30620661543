/**
 * Launch templates with the real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as
 * the EC2 User Guide's launch-template pages have a learner do it: `aws ec2 create-launch-template
 * --launch-template-data '{…}'`, `create-launch-template-version --source-version`,
 * `modify-launch-template --default-version`, `run-instances --launch-template
 * LaunchTemplateName=…,Version=…`, then describe, delete versions and delete the template.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { expect, it } from 'vitest';
import { cliOutput, describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'templates' });

const aws = async (...args: string[]) => JSON.parse((await cliOutput(lab.run('ec2', args))) || '{}') as unknown;

describeWithCli('launch templates with the AWS CLI v2', () => {
  it('creates a template and a version, launches from it, and cleans up', async () => {
    const imageId = (
      await cliOutput(
        lab.run(
          'ec2',
          ['describe-images', '--filters', 'Name=architecture,Values=x86_64', '--query', 'Images[0].ImageId'],
          'text',
        ),
      )
    ).trim();
    const created = (await aws(
      'create-launch-template',
      '--launch-template-name',
      'cli-web',
      '--version-description',
      'first',
      '--launch-template-data',
      JSON.stringify({
        ImageId: imageId,
        InstanceType: 't3.micro',
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'cli-web' }] }],
      }),
      '--tag-specifications',
      'ResourceType=launch-template,Tags=[{Key=team,Value=cli}]',
    )) as { LaunchTemplate: { LaunchTemplateId: string; LatestVersionNumber: number; Tags: object[] } };
    const id = created.LaunchTemplate.LaunchTemplateId;
    expect(id).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(created.LaunchTemplate.Tags).toEqual([{ Key: 'team', Value: 'cli' }]);

    const version = (await aws(
      'create-launch-template-version',
      '--launch-template-id',
      id,
      '--source-version',
      '1',
      '--launch-template-data',
      '{"InstanceType":"t3.small"}',
    )) as { LaunchTemplateVersion: { VersionNumber: number; LaunchTemplateData: { ImageId: string } } };
    expect(version.LaunchTemplateVersion.VersionNumber).toBe(2);
    expect(version.LaunchTemplateVersion.LaunchTemplateData.ImageId).toBe(imageId);

    const launched = (await aws(
      'run-instances',
      '--launch-template',
      'LaunchTemplateName=cli-web,Version=$Latest',
      '--count',
      '1',
    )) as { Instances: { InstanceType: string; Tags: { Key: string; Value: string }[] }[] };
    expect(launched.Instances[0]!.InstanceType).toBe('t3.small');
    expect(launched.Instances[0]!.Tags).toEqual([
      { Key: 'Name', Value: 'cli-web' },
      { Key: 'aws:ec2launchtemplate:id', Value: id },
      { Key: 'aws:ec2launchtemplate:version', Value: '2' },
    ]);
    const overridden = (await aws(
      'run-instances',
      '--launch-template',
      `LaunchTemplateId=${id}`,
      '--instance-type',
      't3.nano',
    )) as { Instances: { InstanceType: string }[] };
    expect(overridden.Instances[0]!.InstanceType).toBe('t3.nano');

    await aws('modify-launch-template', '--launch-template-id', id, '--default-version', '2');
    const described = (await aws('describe-launch-templates', '--launch-template-names', 'cli-web')) as {
      LaunchTemplates: { DefaultVersionNumber: number; LatestVersionNumber: number }[];
    };
    expect(described.LaunchTemplates[0]).toMatchObject({ DefaultVersionNumber: 2, LatestVersionNumber: 2 });
    const versions = (await aws('describe-launch-template-versions', '--launch-template-id', id)) as {
      LaunchTemplateVersions: { VersionNumber: number; DefaultVersion: boolean }[];
    };
    expect(versions.LaunchTemplateVersions.map((v) => [v.VersionNumber, v.DefaultVersion])).toEqual([
      [1, false],
      [2, true],
    ]);

    const deletions = (await aws(
      'delete-launch-template-versions',
      '--launch-template-id',
      id,
      '--versions',
      '1',
      '2',
    )) as {
      SuccessfullyDeletedLaunchTemplateVersions: { VersionNumber: number }[];
      UnsuccessfullyDeletedLaunchTemplateVersions: { VersionNumber: number; ResponseError: { Code: string } }[];
    };
    expect(deletions.SuccessfullyDeletedLaunchTemplateVersions.map((v) => v.VersionNumber)).toEqual([1]);
    expect(deletions.UnsuccessfullyDeletedLaunchTemplateVersions[0]!.ResponseError.Code).toBe('unexpectedError');

    await aws('delete-launch-template', '--launch-template-name', 'cli-web');
    const missing = await lab.run('ec2', ['describe-launch-templates', '--launch-template-names', 'cli-web']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('InvalidLaunchTemplateName.NotFoundException');
  });
});
