/**
 * Security groups with the real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as
 * the EC2 User Guide's working-with-security-groups page has a learner do it: create-security-group,
 * authorize-security-group-ingress with `--protocol tcp --port 22 --cidr` and with
 * `--ip-permissions`, describe-security-groups and describe-security-group-rules, revoke by rule id,
 * run-instances with `--security-group-ids`, and delete-security-group (the default group refused);
 * modify-security-group-rules, update-security-group-rule-descriptions-ingress,
 * describe-network-interfaces and modify-network-interface-attribute `--groups`.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { expect, it } from 'vitest';
import { cliOutput, describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'groups' });

/** One CLI call; `output` is the CLI's --output (json unless the test asks for text). */
const aws = (output: 'json' | 'text', ...args: string[]) => cliOutput(lab.run('ec2', args, output));

const json = async (...args: string[]) => JSON.parse(await aws('json', ...args)) as Record<string, never>;
/** The CLI's failure text for a call that must fail. */
const failure = (...args: string[]) =>
  aws('json', ...args).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error.message,
  );

describeWithCli('security groups with the AWS CLI v2', () => {
  it('creates a group, opens SSH from one address, and shows its rules', async () => {
    const created = await json('create-security-group', '--group-name', 'cli-web', '--description', 'web servers');
    const groupId = created.GroupId as string;
    expect(groupId).toMatch(/^sg-[0-9a-f]{17}$/);
    const opened = await json(
      'authorize-security-group-ingress',
      '--group-id',
      groupId,
      '--protocol',
      'tcp',
      '--port',
      '22',
      '--cidr',
      '203.0.113.7/32',
    );
    expect(opened).toMatchObject({
      Return: true,
      SecurityGroupRules: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22 }],
    });
    await json(
      'authorize-security-group-ingress',
      '--group-id',
      groupId,
      '--ip-permissions',
      'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0,Description=https}]',
    );
    expect(
      await failure(
        'authorize-security-group-ingress',
        '--group-id',
        groupId,
        '--protocol',
        'tcp',
        '--port',
        '22',
        '--cidr',
        '203.0.113.7/32',
      ),
    ).toContain('(InvalidPermission.Duplicate)');
    expect(
      await failure(
        'authorize-security-group-ingress',
        '--group-id',
        groupId,
        '--protocol',
        'tcp',
        '--port',
        '70000',
        '--cidr',
        '0.0.0.0/0',
      ),
    ).toContain('(InvalidParameterValue)');

    const described = await json('describe-security-groups', '--group-names', 'cli-web');
    const [group] = described.SecurityGroups as { IpPermissions: { FromPort: number; IpRanges: object[] }[] }[];
    expect(group!.IpPermissions.map((p) => [p.FromPort, p.IpRanges])).toEqual([
      [22, [{ CidrIp: '203.0.113.7/32' }]],
      [443, [{ CidrIp: '0.0.0.0/0', Description: 'https' }]],
    ]);
    const rules = await json('describe-security-group-rules', '--filters', `Name=group-id,Values=${groupId}`);
    const https = (rules.SecurityGroupRules as { SecurityGroupRuleId: string; FromPort: number }[]).find(
      (r) => r.FromPort === 443,
    )!;
    expect(
      await json(
        'revoke-security-group-ingress',
        '--group-id',
        groupId,
        '--security-group-rule-ids',
        https.SecurityGroupRuleId,
      ),
    ).toMatchObject({ Return: true });
  });

  it('launches with the group, refuses to delete it or the default group, then deletes it', async () => {
    const images = await json('describe-images', '--filters', 'Name=architecture,Values=x86_64');
    const imageId = (images.Images as { ImageId: string }[])[0]!.ImageId;
    const groups = await json('describe-security-groups', '--group-names', 'cli-web', 'default');
    const byName = (name: string) =>
      (groups.SecurityGroups as { GroupId: string; GroupName: string }[]).find((g) => g.GroupName === name);
    const [web, fallback] = [byName('cli-web'), byName('default')];
    const launched = await json(
      'run-instances',
      '--image-id',
      imageId,
      '--instance-type',
      't3.micro',
      '--count',
      '1',
      '--security-group-ids',
      web!.GroupId,
    );
    const instance = (launched.Instances as { InstanceId: string; SecurityGroups: object[] }[])[0]!;
    expect(instance.SecurityGroups).toEqual([{ GroupId: web!.GroupId, GroupName: 'cli-web' }]);
    expect(await failure('delete-security-group', '--group-id', web!.GroupId)).toContain('(DependencyViolation)');
    expect(await failure('delete-security-group', '--group-id', fallback!.GroupId)).toContain('(CannotDelete)');
    await aws('json', 'modify-instance-attribute', '--instance-id', instance.InstanceId, '--groups', fallback!.GroupId);
    await aws('json', 'delete-security-group', '--group-id', web!.GroupId);
    expect(await failure('describe-security-groups', '--group-ids', web!.GroupId)).toContain('(InvalidGroup.NotFound)');
  });

  it('modifies a rule in place, updates its description, and shows the network interface with its new groups', async () => {
    const created = await json('create-security-group', '--group-name', 'cli-api', '--description', 'api servers');
    const groupId = created.GroupId as string;
    const opened = await json(
      'authorize-security-group-ingress',
      '--group-id',
      groupId,
      '--protocol',
      'tcp',
      '--port',
      '22',
      '--cidr',
      '203.0.113.7/32',
    );
    const ruleId = (opened.SecurityGroupRules as { SecurityGroupRuleId: string }[])[0]!.SecurityGroupRuleId;
    expect(
      await json(
        'modify-security-group-rules',
        '--group-id',
        groupId,
        '--security-group-rules',
        `SecurityGroupRuleId=${ruleId},SecurityGroupRule={Description=test,IpProtocol=-1,CidrIpv4=0.0.0.0/0}`,
      ),
    ).toEqual({ Return: true });
    const rule = async () =>
      (
        (await json('describe-security-group-rules', '--security-group-rule-ids', ruleId)).SecurityGroupRules as {
          IpProtocol: string;
          CidrIpv4: string;
          Description?: string;
          IsEgress: boolean;
        }[]
      )[0]!;
    expect(await rule()).toMatchObject({
      IpProtocol: '-1',
      CidrIpv4: '0.0.0.0/0',
      Description: 'test',
      IsEgress: false,
    });
    expect(
      await failure(
        'modify-security-group-rules',
        '--group-id',
        groupId,
        '--security-group-rules',
        'SecurityGroupRuleId=sgr-0123456789abcdef0,SecurityGroupRule={IpProtocol=-1,CidrIpv4=0.0.0.0/0}',
      ),
    ).toContain('(InvalidSecurityGroupRuleId.NotFound)');
    await json(
      'update-security-group-rule-descriptions-ingress',
      '--group-id',
      groupId,
      '--ip-permissions',
      'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0,Description=everyone}]',
    );
    expect((await rule()).Description).toBe('everyone');

    const images = await json('describe-images', '--filters', 'Name=architecture,Values=x86_64');
    const imageId = (images.Images as { ImageId: string }[])[0]!.ImageId;
    const launched = await json('run-instances', '--image-id', imageId, '--instance-type', 't3.micro', '--count', '1');
    const instance = (launched.Instances as { InstanceId: string; PrivateIpAddress: string }[])[0]!;
    const interfaces = async () =>
      (
        await json(
          'describe-network-interfaces',
          '--filters',
          `Name=attachment.instance-id,Values=${instance.InstanceId}`,
        )
      ).NetworkInterfaces as {
        NetworkInterfaceId: string;
        PrivateIpAddress: string;
        Status: string;
        Groups: { GroupId: string; GroupName: string }[];
        Attachment: { InstanceId: string; DeviceIndex: number };
      }[];
    const [eni] = await interfaces();
    expect(eni).toMatchObject({
      PrivateIpAddress: instance.PrivateIpAddress,
      Status: 'in-use',
      Groups: [{ GroupName: 'default' }],
      Attachment: { InstanceId: instance.InstanceId, DeviceIndex: 0 },
    });
    await aws(
      'json',
      'modify-network-interface-attribute',
      '--network-interface-id',
      eni!.NetworkInterfaceId,
      '--groups',
      groupId,
    );
    expect((await interfaces())[0]!.Groups).toEqual([{ GroupId: groupId, GroupName: 'cli-api' }]);
    expect(await failure('describe-network-interfaces', '--network-interface-ids', 'eni-0123456789abcdef0')).toContain(
      '(InvalidNetworkInterfaceID.NotFound)',
    );
    await aws('json', 'terminate-instances', '--instance-ids', instance.InstanceId);
  });
});
