/**
 * The launch templates family on the engine, with the fake clock: names and their rules, versions
 * and their numbering, SourceVersion merging, Describe's ids, names, versions, filters and paging,
 * the default version, deletions with AWS's per-version errors, GetLaunchTemplateData, what the lab
 * refuses and what it reports as warnings, and templates surviving a restart and an export/import.
 */
import type { RequestLaunchTemplateData } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../state/state-store';
import { START_TIME, createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';

const image = () => quickStartImage('amazon-linux');
const create = (
  lab: TestLab,
  name: string,
  data: object = { ImageId: image(), InstanceType: 't3.micro' },
  extra = {},
) => lab.ec2('CreateLaunchTemplate', { LaunchTemplateName: name, LaunchTemplateData: data, ...extra });
const templates = (lab: TestLab, request = {}) => lab.ec2('DescribeLaunchTemplates', request).LaunchTemplates!;
const versions = (lab: TestLab, request: object) =>
  lab.ec2('DescribeLaunchTemplateVersions', request).LaunchTemplateVersions!;

describe('CreateLaunchTemplate', () => {
  it('makes a template with version 1 as its default, an lt- id, the creator and the time', () => {
    const lab = createTestLab();
    const created = create(lab, 'web(1)_a.b/c-d', undefined, {
      VersionDescription: 'first',
      TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'lab' }] }],
    });
    expect(created.Warning).toBeUndefined();
    expect(created.LaunchTemplate).toEqual({
      LaunchTemplateId: expect.stringMatching(/^lt-[0-9a-f]{17}$/),
      LaunchTemplateName: 'web(1)_a.b/c-d',
      CreateTime: new Date(START_TIME),
      CreatedBy: expect.stringMatching(/^arn:aws:iam::\d{12}:root$/),
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
      Tags: [{ Key: 'team', Value: 'lab' }],
    });
    expect(templates(lab)).toEqual([created.LaunchTemplate]);
    expect(versions(lab, { LaunchTemplateName: 'web(1)_a.b/c-d' })).toEqual([
      {
        LaunchTemplateId: created.LaunchTemplate!.LaunchTemplateId,
        LaunchTemplateName: 'web(1)_a.b/c-d',
        VersionNumber: 1,
        VersionDescription: 'first',
        CreateTime: new Date(START_TIME),
        CreatedBy: created.LaunchTemplate!.CreatedBy,
        DefaultVersion: true,
        LaunchTemplateData: { ImageId: image(), InstanceType: 't3.micro' },
      },
    ]);
  });

  it('refuses a malformed name, a name in use, no data and empty data', () => {
    const lab = createTestLab();
    create(lab, 'web');
    for (const name of ['ab', 'x'.repeat(129), 'has space', 'wéb']) {
      expect(
        lab.ec2Error('CreateLaunchTemplate', { LaunchTemplateName: name, LaunchTemplateData: { ImageId: image() } })
          .code,
      ).toBe('InvalidLaunchTemplateName.MalformedException');
    }
    expect(
      lab.ec2Error('CreateLaunchTemplate', { LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: image() } }),
    ).toEqual({
      code: 'InvalidLaunchTemplateName.AlreadyExistsException',
      message: 'Launch template name already in use.',
    });
    expect(lab.ec2Error('CreateLaunchTemplate', { LaunchTemplateName: 'empty', LaunchTemplateData: {} })).toEqual({
      code: 'MissingParameter',
      message: 'No launch template data was provided. Launch template data is required to create a launch template.',
    });
    // The same name in another region is another template.
    expect(
      lab.ec2(
        'CreateLaunchTemplate',
        { LaunchTemplateName: 'web', LaunchTemplateData: { InstanceType: 't3.micro' } },
        'us-east-1',
      ).LaunchTemplate!.LaunchTemplateName,
    ).toBe('web');
  });

  it('refuses by name what the lab does not simulate, and checks the form of what it does', () => {
    const lab = createTestLab();
    const refused = (data: object) =>
      lab.ec2Error('CreateLaunchTemplate', { LaunchTemplateName: 'bad', LaunchTemplateData: data });
    expect(refused({ IamInstanceProfile: { Name: 'role' } })).toEqual({
      code: 'UnsupportedOperation',
      message: expect.stringContaining('LaunchTemplateData.IamInstanceProfile of CreateLaunchTemplate'),
    });
    expect(refused({ InstanceMarketOptions: { MarketType: 'spot' } }).message).toContain('InstanceMarketOptions');
    expect(refused({ NetworkInterfaces: [{ DeviceIndex: 0 }] }).message).toContain('NetworkInterfaces');
    expect(refused({ Monitoring: { Enabled: true } }).message).toContain('Monitoring.Enabled');
    expect(refused({ Placement: { Tenancy: 'dedicated' } }).message).toContain('Placement.Tenancy');
    expect(refused({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Iops: 3000 } }] }).message).toContain(
      'BlockDeviceMapping.Ebs.Iops',
    );
    expect(refused({ UserData: 'not base64!' })).toEqual({
      code: 'InvalidParameterValue',
      message: 'Invalid BASE64 encoding of user data.',
    });
    expect(refused({ InstanceInitiatedShutdownBehavior: 'hibernate' }).code).toBe('InvalidParameterValue');
    expect(
      refused({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'aws:x', Value: '1' }] }] }).message,
    ).toBe("Tag keys starting with 'aws:' are reserved for internal use");
    expect(
      refused({ TagSpecifications: [{ ResourceType: 'spot-instances-request', Tags: [{ Key: 'a', Value: '1' }] }] })
        .code,
    ).toBe('InvalidParameterValue');
    expect(
      lab.ec2Error('CreateLaunchTemplate', {
        LaunchTemplateName: 'bad',
        LaunchTemplateData: { ImageId: image() },
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: '1' }] }],
      }).message,
    ).toBe("'instance' is not a valid taggable resource type for this operation.");
    expect(templates(lab)).toEqual([]);
  });

  it('creates a template whose references are missing, and reports each in Warning as AWS does', () => {
    const lab = createTestLab();
    const created = create(lab, 'dangling', {
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 'x9.huge',
      KeyName: 'nobody',
      SecurityGroupIds: ['sg-0123456789abcdef0'],
      SecurityGroups: ['missing-group'],
    });
    expect(created.LaunchTemplate!.LatestVersionNumber).toBe(1);
    expect(created.Warning!.Errors!.map((e) => e.Code)).toEqual([
      'InvalidAMIID.NotFound',
      'InvalidParameterValue',
      'InvalidKeyPair.NotFound',
      'InvalidGroup.NotFound',
      'InvalidGroup.NotFound',
    ]);
    expect(created.Warning!.Errors![0]!.Message).toBe("The image id '[ami-0123456789abcdef0]' does not exist");
    // Launching from it fails as RunInstances fails for the first of them.
    expect(
      lab.ec2Error('RunInstances', { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: 'dangling' } })
        .code,
    ).toBe('InvalidAMIID.NotFound');
  });

  it('answers a repeated ClientToken with the template it made, not a second one', () => {
    const lab = createTestLab();
    const first = create(lab, 'once', undefined, { ClientToken: 'token-1' });
    const again = create(lab, 'once', undefined, { ClientToken: 'token-1' });
    expect(again.LaunchTemplate).toEqual(first.LaunchTemplate);
    expect(templates(lab)).toHaveLength(1);
  });
});

describe('CreateLaunchTemplateVersion', () => {
  it('numbers versions, merges a SourceVersion with the given parameters, and never reuses a number', () => {
    const lab = createTestLab();
    const id = create(lab, 'app', {
      ImageId: image(),
      InstanceType: 't3.micro',
      KeyName: undefined,
      EbsOptimized: true,
    }).LaunchTemplate!.LaunchTemplateId!;
    lab.pass(60_000);
    const second = lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '1',
      VersionDescription: 'bigger',
      LaunchTemplateData: { InstanceType: 't3.small' },
    }).LaunchTemplateVersion!;
    expect(second).toMatchObject({ VersionNumber: 2, VersionDescription: 'bigger', DefaultVersion: false });
    expect(second.CreateTime!.getTime()).toBeGreaterThan(START_TIME);
    expect(second.LaunchTemplateData).toEqual({ ImageId: image(), InstanceType: 't3.small', EbsOptimized: true });
    // Without a source version, a version holds only what it is given.
    const third = lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateName: 'app',
      LaunchTemplateData: { InstanceType: 't3.nano' },
    }).LaunchTemplateVersion!;
    expect(third.LaunchTemplateData).toEqual({ InstanceType: 't3.nano' });
    expect(templates(lab)[0]).toMatchObject({ DefaultVersionNumber: 1, LatestVersionNumber: 3 });
    lab.ec2('DeleteLaunchTemplateVersions', { LaunchTemplateId: id, Versions: ['3'] });
    expect(templates(lab)[0]!.LatestVersionNumber).toBe(2);
    const fourth = lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '$Latest',
      LaunchTemplateData: { DisableApiTermination: true },
    }).LaunchTemplateVersion!;
    expect(fourth.VersionNumber).toBe(4);
    expect(fourth.LaunchTemplateData).toEqual({
      ImageId: image(),
      InstanceType: 't3.small',
      EbsOptimized: true,
      DisableApiTermination: true,
    });
  });

  it('refuses a source version, a template and a template id that do not exist', () => {
    const lab = createTestLab();
    const id = create(lab, 'app').LaunchTemplate!.LaunchTemplateId!;
    const data = { InstanceType: 't3.small' as const };
    expect(
      lab.ec2Error('CreateLaunchTemplateVersion', {
        LaunchTemplateId: id,
        SourceVersion: '9',
        LaunchTemplateData: data,
      }).code,
    ).toBe('InvalidLaunchTemplateId.VersionNotFound');
    expect(
      lab.ec2Error('CreateLaunchTemplateVersion', { LaunchTemplateName: 'nope', LaunchTemplateData: data }),
    ).toEqual({
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name nope, does not exist.',
    });
    expect(
      lab.ec2Error('CreateLaunchTemplateVersion', {
        LaunchTemplateId: 'lt-0123456789abcdef0',
        LaunchTemplateData: data,
      }),
    ).toEqual({
      code: 'InvalidLaunchTemplateId.NotFound',
      message: 'The specified launch template, with template ID lt-0123456789abcdef0, does not exist.',
    });
    expect(
      lab.ec2Error('CreateLaunchTemplateVersion', { LaunchTemplateId: 'lt-nothex', LaunchTemplateData: data }).code,
    ).toBe('InvalidLaunchTemplateId.Malformed');
    expect(lab.ec2Error('CreateLaunchTemplateVersion', { LaunchTemplateData: data }).code).toBe('MissingParameter');
    expect(
      lab.ec2Error('CreateLaunchTemplateVersion', {
        LaunchTemplateId: id,
        LaunchTemplateName: 'app',
        LaunchTemplateData: data,
      }).code,
    ).toBe('InvalidParameterCombination');
  });
});

describe('DescribeLaunchTemplates', () => {
  it('finds by ids and names, filters, and pages', () => {
    const lab = createTestLab();
    const ids = ['alpha', 'beta', 'gamma'].map(
      (name) =>
        create(lab, name, undefined, {
          TagSpecifications: [
            { ResourceType: 'launch-template', Tags: [{ Key: 'env', Value: name === 'beta' ? 'prod' : 'dev' }] },
          ],
        }).LaunchTemplate!.LaunchTemplateId!,
    );
    expect(templates(lab, { LaunchTemplateIds: [ids[1]] }).map((t) => t.LaunchTemplateName)).toEqual(['beta']);
    expect(
      templates(lab, { LaunchTemplateNames: ['gamma', 'alpha'] })
        .map((t) => t.LaunchTemplateName)
        .sort(),
    ).toEqual(['alpha', 'gamma']);
    expect(
      templates(lab, { Filters: [{ Name: 'launch-template-name', Values: ['*a'] }] }).map((t) => t.LaunchTemplateName),
    ).toEqual(['alpha', 'beta', 'gamma']);
    expect(
      templates(lab, { Filters: [{ Name: 'tag:env', Values: ['prod'] }] }).map((t) => t.LaunchTemplateName),
    ).toEqual(['beta']);
    expect(lab.ec2Error('DescribeLaunchTemplates', { Filters: [{ Name: 'colour', Values: ['x'] }] }).code).toBe(
      'InvalidParameterValue',
    );
    const first = lab.ec2('DescribeLaunchTemplates', { MaxResults: 2 });
    expect(first.LaunchTemplates).toHaveLength(2);
    const rest = lab.ec2('DescribeLaunchTemplates', { MaxResults: 2, NextToken: first.NextToken });
    expect(rest.LaunchTemplates!.map((t) => t.LaunchTemplateId)).toEqual([ids[2]]);
    expect(rest.NextToken).toBeUndefined();
    expect(lab.ec2Error('DescribeLaunchTemplates', { MaxResults: 201 }).code).toBe('InvalidParameterValue');
  });

  it('answers AWS errors for names and ids that do not exist or are malformed', () => {
    const lab = createTestLab();
    create(lab, 'alpha');
    expect(lab.ec2Error('DescribeLaunchTemplates', { LaunchTemplateNames: ['nope'] })).toEqual({
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'The specified launch template, with template name nope, does not exist.',
    });
    expect(lab.ec2Error('DescribeLaunchTemplates', { LaunchTemplateNames: ['nope', 'neither'] })).toEqual({
      code: 'InvalidLaunchTemplateName.NotFoundException',
      message: 'At least one of the launch templates specified in the request does not exist.',
    });
    expect(lab.ec2Error('DescribeLaunchTemplates', { LaunchTemplateIds: ['lt-0123456789abcdef0'] }).code).toBe(
      'InvalidLaunchTemplateId.NotFound',
    );
    expect(lab.ec2Error('DescribeLaunchTemplates', { LaunchTemplateIds: ['sg-0123456789abcdef0'] })).toEqual({
      code: 'InvalidLaunchTemplateId.Malformed',
      message:
        'The specified ID for the launch template, sg-0123456789abcdef0, is malformed. Ensure that you specify the launch template ID in the form lt-xxxxxxxxxxxxxxxxx.',
    });
    // Templates are regional.
    expect(lab.ec2('DescribeLaunchTemplates', {}, 'us-east-1').LaunchTemplates).toEqual([]);
  });
});

describe('DescribeLaunchTemplateVersions and ModifyLaunchTemplate', () => {
  function threeVersions(lab: TestLab, name = 'app') {
    const id = create(lab, name).LaunchTemplate!.LaunchTemplateId!;
    for (const type of ['t3.small', 't3.medium'] as const) {
      lab.ec2('CreateLaunchTemplateVersion', {
        LaunchTemplateId: id,
        SourceVersion: '1',
        LaunchTemplateData: { InstanceType: type },
      });
    }
    return id;
  }

  it('answers versions by number, $Latest and $Default, by range, and filtered', () => {
    const lab = createTestLab();
    const id = threeVersions(lab);
    const numbers = (request: object) =>
      versions(lab, { LaunchTemplateId: id, ...request }).map((v) => v.VersionNumber);
    expect(numbers({})).toEqual([1, 2, 3]);
    expect(numbers({ Versions: ['$Latest', '$Default', '2', '3'] })).toEqual([3, 1, 2]);
    expect(numbers({ MinVersion: '2' })).toEqual([2, 3]);
    expect(numbers({ MaxVersion: '2' })).toEqual([1, 2]);
    expect(numbers({ MinVersion: '2', MaxVersion: '2' })).toEqual([2]);
    expect(numbers({ Filters: [{ Name: 'instance-type', Values: ['t3.medium'] }] })).toEqual([3]);
    expect(numbers({ Filters: [{ Name: 'is-default-version', Values: ['true'] }] })).toEqual([1]);
    expect(numbers({ MaxResults: 1 })).toEqual([1]);
    expect(lab.ec2Error('DescribeLaunchTemplateVersions', { LaunchTemplateId: id, Versions: ['7'] }).code).toBe(
      'InvalidLaunchTemplateId.VersionNotFound',
    );
    expect(lab.ec2Error('DescribeLaunchTemplateVersions', { LaunchTemplateId: id, Versions: ['$Newest'] }).code).toBe(
      'InvalidLaunchTemplateId.VersionNotFound',
    );
  });

  it('answers $Latest or $Default of every template without a template, and nothing else', () => {
    const lab = createTestLab();
    threeVersions(lab, 'one');
    create(lab, 'two');
    const all = versions(lab, { Versions: ['$Latest'] });
    expect(all.map((v) => [v.LaunchTemplateName, v.VersionNumber])).toEqual([
      ['one', 3],
      ['two', 1],
    ]);
    expect(versions(lab, { Versions: ['$Latest', '$Default'] })).toHaveLength(3);
    expect(lab.ec2Error('DescribeLaunchTemplateVersions', {}).code).toBe('MissingParameter');
    expect(lab.ec2Error('DescribeLaunchTemplateVersions', { Versions: ['1'] }).code).toBe('InvalidParameterValue');
  });

  it('ModifyLaunchTemplate moves the default version, which $Default and RunInstances then follow', () => {
    const lab = createTestLab();
    const id = threeVersions(lab);
    const modified = lab.ec2('ModifyLaunchTemplate', {
      LaunchTemplateName: 'app',
      DefaultVersion: '2',
    }).LaunchTemplate!;
    expect(modified).toMatchObject({ LaunchTemplateId: id, DefaultVersionNumber: 2, LatestVersionNumber: 3 });
    expect(versions(lab, { LaunchTemplateId: id, Versions: ['$Default'] })[0]!.VersionNumber).toBe(2);
    const reservation = lab.ec2('RunInstances', { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: id } });
    expect(reservation.Instances![0]!.InstanceType).toBe('t3.small');
    expect(lab.ec2Error('ModifyLaunchTemplate', { LaunchTemplateId: id, DefaultVersion: '9' }).code).toBe(
      'InvalidLaunchTemplateId.VersionNotFound',
    );
    expect(lab.ec2Error('ModifyLaunchTemplate', { LaunchTemplateName: 'gone', DefaultVersion: '1' }).code).toBe(
      'InvalidLaunchTemplateName.NotFoundException',
    );
  });
});

describe('DeleteLaunchTemplate and DeleteLaunchTemplateVersions', () => {
  it('deletes versions one by one, refusing the default and the missing ones with per-version errors', () => {
    const lab = createTestLab();
    const id = create(lab, 'app').LaunchTemplate!.LaunchTemplateId!;
    lab.ec2('CreateLaunchTemplateVersion', { LaunchTemplateId: id, LaunchTemplateData: { InstanceType: 't3.small' } });
    const result = lab.ec2('DeleteLaunchTemplateVersions', { LaunchTemplateId: id, Versions: ['1', '2', '5', 'x'] });
    expect(result.SuccessfullyDeletedLaunchTemplateVersions).toEqual([
      { LaunchTemplateId: id, LaunchTemplateName: 'app', VersionNumber: 2 },
    ]);
    expect(
      result.UnsuccessfullyDeletedLaunchTemplateVersions!.map((e) => [e.VersionNumber, e.ResponseError!.Code]),
    ).toEqual([
      [1, 'unexpectedError'],
      [5, 'launchTemplateVersionDoesNotExist'],
      [undefined, 'launchTemplateVersionDoesNotExist'],
    ]);
    expect(versions(lab, { LaunchTemplateId: id }).map((v) => v.VersionNumber)).toEqual([1]);
    expect(lab.ec2Error('DeleteLaunchTemplateVersions', { LaunchTemplateId: id, Versions: [] }).code).toBe(
      'MissingParameter',
    );
  });

  it('deletes a template with every version, by id or name', () => {
    const lab = createTestLab();
    const id = create(lab, 'first').LaunchTemplate!.LaunchTemplateId!;
    create(lab, 'second');
    expect(lab.ec2('DeleteLaunchTemplate', { LaunchTemplateId: id }).LaunchTemplate).toMatchObject({
      LaunchTemplateId: id,
      LaunchTemplateName: 'first',
    });
    lab.ec2('DeleteLaunchTemplate', { LaunchTemplateName: 'second' });
    expect(templates(lab)).toEqual([]);
    expect(lab.ec2Error('DeleteLaunchTemplate', { LaunchTemplateId: id }).code).toBe(
      'InvalidLaunchTemplateId.NotFound',
    );
    expect(lab.ec2Error('DeleteLaunchTemplate', { LaunchTemplateName: 'second' }).code).toBe(
      'InvalidLaunchTemplateName.NotFoundException',
    );
    expect(lab.ec2Error('DeleteLaunchTemplate', {})).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter launchTemplateName or launchTemplateId',
    });
    // The name is free again.
    expect(create(lab, 'first').LaunchTemplate!.LaunchTemplateId).not.toBe(id);
  });
});

describe('RunInstances with a launch template', () => {
  it('launches the template version asked for, explicit parameters overriding, tagged as AWS tags it', () => {
    const lab = createTestLab();
    lab.ec2('CreateKeyPair', { KeyName: 'lab-key', KeyType: 'ed25519' });
    const group = lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }).GroupId!;
    const id = create(lab, 'app', {
      ImageId: image(),
      InstanceType: 't3.micro',
      KeyName: 'lab-key',
      SecurityGroupIds: [group],
      DisableApiTermination: true,
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'from-template' }] },
        { ResourceType: 'volume', Tags: [{ Key: 'disk', Value: 'root' }] },
      ],
    }).LaunchTemplate!.LaunchTemplateId!;
    lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '1',
      LaunchTemplateData: { InstanceType: 't3.small' },
    });

    const byDefault = lab.ec2('RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateName: 'app' },
    }).Instances![0]!;
    expect(byDefault).toMatchObject({ InstanceType: 't3.micro', KeyName: 'lab-key', ImageId: image() });
    expect(byDefault.SecurityGroups).toEqual([{ GroupId: group, GroupName: 'web' }]);
    expect(byDefault.Tags).toEqual([
      { Key: 'Name', Value: 'from-template' },
      { Key: 'aws:ec2launchtemplate:id', Value: id },
      { Key: 'aws:ec2launchtemplate:version', Value: '1' },
    ]);
    const volumeId = byDefault.BlockDeviceMappings![0]!.Ebs!.VolumeId!;
    expect(
      lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-id', Values: [volumeId] }] }).Tags!.map((t) => t.Key),
    ).toEqual(['disk']);
    expect(
      lab.ec2('DescribeInstanceAttribute', { InstanceId: byDefault.InstanceId, Attribute: 'disableApiTermination' })
        .DisableApiTermination!.Value,
    ).toBe(true);

    const overridden = lab.ec2('RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.nano',
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'mine' }] }],
      LaunchTemplate: { LaunchTemplateId: id, Version: '$Latest' },
    }).Instances![0]!;
    expect(overridden.InstanceType).toBe('t3.nano');
    expect(overridden.Tags).toEqual([
      { Key: 'Name', Value: 'mine' },
      { Key: 'aws:ec2launchtemplate:id', Value: id },
      { Key: 'aws:ec2launchtemplate:version', Value: '2' },
    ]);
    const second = lab.ec2('RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateId: id, Version: '2' },
    }).Instances![0]!;
    expect(second.InstanceType).toBe('t3.small');
    // Found by AWS's tag like any other.
    const tagged = lab.ec2('DescribeInstances', {
      Filters: [{ Name: 'tag:aws:ec2launchtemplate:version', Values: ['2'] }],
    });
    expect(
      tagged
        .Reservations!.flatMap((r) => r.Instances!)
        .map((i) => i.InstanceId)
        .sort(),
    ).toEqual([overridden.InstanceId, second.InstanceId].sort());
  });

  it('keeps AWS tags through CreateTags and DeleteTags, and refuses the user changing them', () => {
    const lab = createTestLab();
    create(lab, 'app');
    const instanceId = lab.ec2('RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateName: 'app' },
    }).Instances![0]!.InstanceId!;
    lab.ec2('CreateTags', { Resources: [instanceId], Tags: [{ Key: 'team', Value: 'a' }] });
    lab.ec2('DeleteTags', { Resources: [instanceId] });
    expect(
      lab.ec2('DescribeTags', { Filters: [{ Name: 'resource-id', Values: [instanceId] }] }).Tags!.map((t) => t.Key),
    ).toEqual(['aws:ec2launchtemplate:id', 'aws:ec2launchtemplate:version']);
    expect(
      lab.ec2Error('CreateTags', { Resources: [instanceId], Tags: [{ Key: 'aws:ec2launchtemplate:id', Value: 'x' }] })
        .code,
    ).toBe('InvalidParameterValue');
  });

  it('answers AWS errors for a template, name, version or id that does not exist', () => {
    const lab = createTestLab();
    create(lab, 'app');
    const run = (LaunchTemplate: object) => lab.ec2Error('RunInstances', { MinCount: 1, MaxCount: 1, LaunchTemplate });
    expect(run({ LaunchTemplateName: 'nope' }).code).toBe('InvalidLaunchTemplateName.NotFoundException');
    expect(run({ LaunchTemplateId: 'lt-0123456789abcdef0' }).code).toBe('InvalidLaunchTemplateId.NotFound');
    expect(run({ LaunchTemplateId: 'lt-123' }).code).toBe('InvalidLaunchTemplateId.Malformed');
    expect(run({ LaunchTemplateName: 'app', Version: '2' }).code).toBe('InvalidLaunchTemplateId.VersionNotFound');
    expect(run({}).code).toBe('MissingParameter');
    // A template without an AMI needs one in the request, as AWS says (launch-template-restrictions).
    create(lab, 'no-image', { InstanceType: 't3.micro' });
    expect(run({ LaunchTemplateName: 'no-image' }).code).toBe('MissingParameter');
    expect(
      lab.ec2('RunInstances', {
        MinCount: 1,
        MaxCount: 1,
        ImageId: image(),
        LaunchTemplate: { LaunchTemplateName: 'no-image' },
      }).Instances![0]!.InstanceType,
    ).toBe('t3.micro');
  });
});

describe('GetLaunchTemplateData', () => {
  it("answers an instance's launch parameters, which make a template that launches its like", () => {
    const lab = createTestLab();
    const instanceId = lab.launch({
      UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'original' }] }],
    });
    const data = lab.ec2('GetLaunchTemplateData', { InstanceId: instanceId }).LaunchTemplateData!;
    expect(data).toMatchObject({
      ImageId: image(),
      InstanceType: 't3.micro',
      InstanceInitiatedShutdownBehavior: 'stop',
      DisableApiTermination: false,
      HibernationOptions: { Configured: false },
      Monitoring: { Enabled: false },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'original' }] }],
    });
    expect(data.SecurityGroupIds).toHaveLength(1);
    expect(data.BlockDeviceMappings![0]!.Ebs).toMatchObject({ VolumeType: 'gp3', DeleteOnTermination: true });
    const created = lab.ec2('CreateLaunchTemplate', {
      LaunchTemplateName: 'copy',
      LaunchTemplateData: data as RequestLaunchTemplateData,
    });
    expect(created.Warning).toBeUndefined();
    const copy = lab.ec2('RunInstances', { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateName: 'copy' } })
      .Instances![0]!;
    expect(copy).toMatchObject({
      ImageId: image(),
      InstanceType: 't3.micro',
      Placement: { AvailabilityZone: data.Placement!.AvailabilityZone },
    });
    expect(lab.ec2Error('GetLaunchTemplateData', { InstanceId: 'i-0123456789abcdef0' }).code).toBe(
      'InvalidInstanceID.NotFound',
    );
  });
});

describe('launch templates in the saved lab', () => {
  it('survive a restart and an export/import unchanged, and a hand-edited one is refused', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const id = create(lab, 'kept', undefined, {
      TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'a', Value: 'b' }] }],
    }).LaunchTemplate!.LaunchTemplateId!;
    lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      LaunchTemplateData: { InstanceType: 't3.small', EbsOptimized: true },
    });
    // A version merged from a source version: its members came in another order than a new version's.
    lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '2',
      LaunchTemplateData: { KeyName: 'any' },
    });
    lab.ec2('RunInstances', { MinCount: 1, MaxCount: 1, LaunchTemplate: { LaunchTemplateId: id } });
    const before = [
      templates(lab),
      versions(lab, { LaunchTemplateId: id }),
      lab.ec2('DescribeInstances', {}).Reservations,
    ];
    const reopened = lab.reopen();
    const after = () => [
      templates(reopened),
      versions(reopened, { LaunchTemplateId: id }),
      reopened.ec2('DescribeInstances', {}).Reservations,
    ];
    expect(after()).toEqual(before);
    const content = reopened.lab('ExportLab', {}).content;
    reopened.lab('ImportLab', { content });
    expect(after()[0]).toEqual(before[0]);
    expect(after()[1]).toEqual(before[1]);

    const file = JSON.parse(content) as { records: { collection: string; data: Record<string, unknown> }[] };
    const record = file.records.find((r) => r.collection === 'launch-templates')!;
    (record.data.versions as { data: object }[])[0]!.data = { IamInstanceProfile: { Name: 'admin' } };
    const error = reopened.labError('ImportLab', { content: JSON.stringify(file) });
    expect(error.code).toBe('InvalidLabFile');
    expect(error.message).toMatch(/versions/);
  });
});
