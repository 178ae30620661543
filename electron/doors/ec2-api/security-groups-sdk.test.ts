/**
 * Security groups through the EC2 API door, driven by the real @aws-sdk/client-ec2 as a learner's
 * script drives them: the default group, create with tags, authorize and revoke inbound and
 * outbound rules by permissions and by rule id, DescribeSecurityGroups (names, filters, AWS's
 * grouped IpPermissions) and DescribeSecurityGroupRules, AWS's errors, launching with groups,
 * ModifyInstanceAttribute Groups, and deleting (the default group and groups in use refused);
 * then ModifySecurityGroupRules, UpdateSecurityGroupRuleDescriptionsIngress/Egress, tags on rules,
 * DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute.
 */
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeTagsCommand,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ModifySecurityGroupRulesCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  UpdateSecurityGroupRuleDescriptionsEgressCommand,
  UpdateSecurityGroupRuleDescriptionsIngressCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();
const { client } = lab;
const ssh = (CidrIp: string, Description?: string) => ({
  IpProtocol: 'tcp',
  FromPort: 22,
  ToPort: 22,
  IpRanges: [{ CidrIp, Description }],
});

describe('security groups through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  let webId = '';

  it('shows the default group with its default rules, and refuses to delete it', async () => {
    const { SecurityGroups } = await client().send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
    const group = SecurityGroups![0]!;
    expect(group).toMatchObject({
      GroupName: 'default',
      Description: 'default VPC security group',
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: group.GroupId }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    expect(await errorOf(client().send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })))).toEqual({
      name: 'CannotDelete',
      message: `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`,
      status: 400,
    });
  });

  it('creates a group with tags and refuses a duplicate name', async () => {
    const created = await client().send(
      new CreateSecurityGroupCommand({
        GroupName: 'sdk-web',
        Description: 'web servers',
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'web' }] }],
      }),
    );
    webId = created.GroupId!;
    expect(webId).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(created.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    const error = await errorOf(
      client().send(new CreateSecurityGroupCommand({ GroupName: 'sdk-web', Description: 'again' })),
    );
    expect(error).toMatchObject({ name: 'InvalidGroup.Duplicate', status: 400 });
    expect(error.message).toMatch(/^The security group 'sdk-web' already exists for VPC 'vpc-[0-9a-f]{17}'$/);
  });

  it('authorizes inbound and outbound rules, answering their rule ids, and describes them as AWS groups them', async () => {
    const ingress = await client().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: webId,
        IpPermissions: [
          ssh('203.0.113.7/32', 'my laptop'),
          {
            IpProtocol: 'tcp',
            FromPort: 80,
            ToPort: 80,
            IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          },
        ],
      }),
    );
    expect(ingress.Return).toBe(true);
    expect(ingress.SecurityGroupRules!.map((r) => [r.IpProtocol, r.FromPort, r.CidrIpv4 ?? r.CidrIpv6])).toEqual([
      ['tcp', 22, '203.0.113.7/32'],
      ['tcp', 80, '0.0.0.0/0'],
      ['tcp', 80, '::/0'],
    ]);
    const egress = await client().send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: webId,
        IpPermissions: [{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
      }),
    );
    expect(egress.SecurityGroupRules![0]).toMatchObject({ IsEgress: true, IpProtocol: 'udp' });

    const { SecurityGroups } = await client().send(new DescribeSecurityGroupsCommand({ GroupIds: [webId] }));
    expect(SecurityGroups![0]!.IpPermissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'my laptop' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 80,
        ToPort: 80,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [{ CidrIpv6: '::/0' }],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);
    expect(SecurityGroups![0]!.IpPermissionsEgress!.map((p) => p.IpProtocol)).toEqual(['-1', 'udp']);
    const filtered = await client().send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.from-port', Values: ['80'] }] }),
    );
    expect(filtered.SecurityGroups!.map((g) => g.GroupId)).toEqual([webId]);

    const rules = await client().send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [webId] }] }),
    );
    expect(rules.SecurityGroupRules).toHaveLength(5);
    const one = await client().send(
      new DescribeSecurityGroupRulesCommand({
        SecurityGroupRuleIds: [ingress.SecurityGroupRules![0]!.SecurityGroupRuleId!],
      }),
    );
    expect(one.SecurityGroupRules).toEqual([ingress.SecurityGroupRules![0]]);
  });

  it('answers AWS codes for a duplicate rule, a bad CIDR, port 70000 and unknown or malformed groups', async () => {
    const authorize = (IpPermissions: object[], GroupId = webId) =>
      errorOf(client().send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions })));
    expect(await authorize([ssh('203.0.113.7/32')])).toEqual({
      name: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 203.0.113.7/32, TCP, from port: 22, to port: 22, ALLOW" already exists',
      status: 400,
    });
    expect(await authorize([ssh('1.2.3.4/40')])).toMatchObject({ name: 'InvalidParameterValue' });
    expect(await authorize([{ ...ssh('0.0.0.0/0'), FromPort: 70000, ToPort: 70000 }])).toMatchObject({
      name: 'InvalidParameterValue',
    });
    expect(await authorize([ssh('0.0.0.0/0')], 'sg-0123456789abcdef0')).toEqual({
      name: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
      status: 400,
    });
    expect(await authorize([ssh('0.0.0.0/0')], 'sg-nope')).toMatchObject({ name: 'InvalidGroupId.Malformed' });
  });

  it('revokes by permissions and by rule id; an absent rule is InvalidPermission.NotFound', async () => {
    await client().send(
      new RevokeSecurityGroupIngressCommand({ GroupId: webId, IpPermissions: [ssh('203.0.113.7/32')] }),
    );
    expect(
      await errorOf(
        client().send(
          new RevokeSecurityGroupIngressCommand({ GroupId: webId, IpPermissions: [ssh('203.0.113.7/32')] }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidPermission.NotFound', status: 400 });
    const { SecurityGroupRules } = await client().send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [webId] }] }),
    );
    const udp = SecurityGroupRules!.find((r) => r.IpProtocol === 'udp')!;
    const revoked = await client().send(
      new RevokeSecurityGroupEgressCommand({ GroupId: webId, SecurityGroupRuleIds: [udp.SecurityGroupRuleId!] }),
    );
    expect(revoked.Return).toBe(true);
    const { SecurityGroups } = await client().send(new DescribeSecurityGroupsCommand({ GroupIds: [webId] }));
    expect(SecurityGroups![0]!.IpPermissions!.map((p) => p.FromPort)).toEqual([80]);
    expect(SecurityGroups![0]!.IpPermissionsEgress!.map((p) => p.IpProtocol)).toEqual(['-1']);
  });

  it('launches with groups, changes them, and refuses to delete a group in use', async () => {
    const { Images } = await client().send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
    );
    const launch = (request: object) =>
      client().send(
        new RunInstancesCommand({
          ImageId: Images![0]!.ImageId!,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          ...request,
        }),
      );
    const reservation = await launch({ SecurityGroups: ['sdk-web'] });
    const instanceId = reservation.Instances![0]!.InstanceId!;
    expect(reservation.Groups).toEqual([]);
    expect(reservation.Instances![0]!.SecurityGroups).toEqual([{ GroupId: webId, GroupName: 'sdk-web' }]);
    expect(await errorOf(launch({ SecurityGroupIds: ['sg-0123456789abcdef0'] }))).toMatchObject({
      name: 'InvalidGroup.NotFound',
    });
    const plain = await launch({});
    expect(plain.Instances![0]!.SecurityGroups!.map((g) => g.GroupName)).toEqual(['default']);

    const { Reservations } = await client().send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance.group-id', Values: [webId] }] }),
    );
    expect(Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([instanceId]);

    expect(await errorOf(client().send(new DeleteSecurityGroupCommand({ GroupId: webId })))).toEqual({
      name: 'DependencyViolation',
      message: `resource ${webId} has a dependent object`,
      status: 400,
    });
    const { SecurityGroups } = await client().send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
    const defaultId = SecurityGroups![0]!.GroupId!;
    await client().send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, Groups: [defaultId] }));
    const attribute = await client().send(
      new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'groupSet' }),
    );
    expect(attribute.Groups).toEqual([{ GroupId: defaultId, GroupName: 'default' }]);
    const deleted = await client().send(new DeleteSecurityGroupCommand({ GroupId: webId }));
    expect(deleted.Return).toBe(true);
    expect(await errorOf(client().send(new DescribeSecurityGroupsCommand({ GroupIds: [webId] })))).toMatchObject({
      name: 'InvalidGroup.NotFound',
    });
    await client().send(new TerminateInstancesCommand({ InstanceIds: [instanceId, plain.Instances![0]!.InstanceId!] }));
  });
});

describe('changing rules in place and network interfaces through the EC2 API door', () => {
  let appId = '';
  let ruleId = '';

  it('modifies a rule by id (it keeps its id and direction) and refuses a duplicate or an unknown id', async () => {
    appId = (await client().send(new CreateSecurityGroupCommand({ GroupName: 'sdk-app', Description: 'app' })))
      .GroupId!;
    const authorized = await client().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: appId,
        IpPermissions: [ssh('203.0.113.7/32', 'laptop'), ssh('198.51.100.0/24')],
        TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'Name', Value: 'ssh' }] }],
      }),
    );
    ruleId = authorized.SecurityGroupRules![0]!.SecurityGroupRuleId!;
    const modified = await client().send(
      new ModifySecurityGroupRulesCommand({
        GroupId: appId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: ruleId,
            SecurityGroupRule: {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              CidrIpv4: '0.0.0.0/0',
              Description: 'https',
            },
          },
        ],
      }),
    );
    expect(modified.Return).toBe(true);
    const { SecurityGroupRules } = await client().send(
      new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ruleId] }),
    );
    expect(SecurityGroupRules![0]).toMatchObject({
      SecurityGroupRuleId: ruleId,
      IsEgress: false,
      FromPort: 443,
      CidrIpv4: '0.0.0.0/0',
      Description: 'https',
      Tags: [{ Key: 'Name', Value: 'ssh' }],
    });
    const modify = (SecurityGroupRuleId: string, CidrIpv4: string) =>
      errorOf(
        client().send(
          new ModifySecurityGroupRulesCommand({
            GroupId: appId,
            SecurityGroupRules: [
              { SecurityGroupRuleId, SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4 } },
            ],
          }),
        ),
      );
    expect(await modify(ruleId, '198.51.100.0/24')).toMatchObject({ name: 'InvalidPermission.Duplicate', status: 400 });
    expect(await modify(ruleId, '198.51.100.0/33')).toEqual({
      name: 'InvalidParameterValue',
      message: 'CIDR block 198.51.100.0/33 is malformed',
      status: 400,
    });
    expect(await modify('sgr-0123456789abcdef0', '10.0.0.0/8')).toEqual({
      name: 'InvalidSecurityGroupRuleId.NotFound',
      message: "The security group rule ID 'sgr-0123456789abcdef0' does not exist",
      status: 400,
    });
  });

  it('updates rule descriptions by permissions and by rule id', async () => {
    const ingress = await client().send(
      new UpdateSecurityGroupRuleDescriptionsIngressCommand({
        GroupId: appId,
        IpPermissions: [ssh('198.51.100.0/24', 'office')],
      }),
    );
    expect(ingress.Return).toBe(true);
    const rules = async () =>
      (await client().send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [appId] }] })))
        .SecurityGroupRules!;
    expect((await rules()).find((r) => r.CidrIpv4 === '198.51.100.0/24')!.Description).toBe('office');
    const egress = (await rules()).find((r) => r.IsEgress)!;
    await client().send(
      new UpdateSecurityGroupRuleDescriptionsEgressCommand({
        GroupId: appId,
        SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: egress.SecurityGroupRuleId, Description: 'anywhere' }],
      }),
    );
    expect((await rules()).find((r) => r.IsEgress)!.Description).toBe('anywhere');
    expect(
      await errorOf(
        client().send(
          new UpdateSecurityGroupRuleDescriptionsIngressCommand({
            GroupId: appId,
            IpPermissions: [ssh('192.0.2.0/24', 'nobody')],
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidPermission.NotFound',
      message: 'The specified rule does not exist in this security group.',
      status: 400,
    });
  });

  it('tags rules with CreateTags and DeleteTags and lists them in DescribeTags', async () => {
    await client().send(new CreateTagsCommand({ Resources: [ruleId], Tags: [{ Key: 'team', Value: 'blue' }] }));
    const { Tags } = await client().send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [ruleId] }] }),
    );
    expect(Tags).toEqual([
      { Key: 'Name', Value: 'ssh', ResourceId: ruleId, ResourceType: 'security-group-rule' },
      { Key: 'team', Value: 'blue', ResourceId: ruleId, ResourceType: 'security-group-rule' },
    ]);
    await client().send(new DeleteTagsCommand({ Resources: [ruleId], Tags: [{ Key: 'Name' }] }));
    const { SecurityGroupRules } = await client().send(
      new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ruleId] }),
    );
    expect(SecurityGroupRules![0]!.Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
  });

  it("describes an instance's network interface and changes its groups, description and source/dest check", async () => {
    const { Images } = await client().send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
    );
    const reservation = await client().send(
      new RunInstancesCommand({ ImageId: Images![0]!.ImageId!, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    );
    const instance = reservation.Instances![0]!;
    const { NetworkInterfaces } = await client().send(
      new DescribeNetworkInterfacesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId!] }],
      }),
    );
    expect(NetworkInterfaces).toHaveLength(1);
    const eni = NetworkInterfaces![0]!;
    expect(eni).toMatchObject({
      NetworkInterfaceId: instance.NetworkInterfaces![0]!.NetworkInterfaceId,
      PrivateIpAddress: instance.PrivateIpAddress,
      SubnetId: instance.SubnetId,
      VpcId: instance.VpcId,
      Status: 'in-use',
      InterfaceType: 'interface',
      SourceDestCheck: true,
      Attachment: { InstanceId: instance.InstanceId, DeviceIndex: 0, Status: 'attached' },
      Groups: [{ GroupName: 'default' }],
    });
    expect(eni.Attachment!.AttachTime).toBeInstanceOf(Date);
    const id = eni.NetworkInterfaceId!;
    await client().send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Groups: [appId] }));
    await client().send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Description: { Value: 'app nic' } }),
    );
    await client().send(
      new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, SourceDestCheck: { Value: false } }),
    );
    const after = await client().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }));
    expect(after.NetworkInterfaces![0]).toMatchObject({
      Groups: [{ GroupId: appId, GroupName: 'sdk-app' }],
      Description: 'app nic',
      SourceDestCheck: false,
    });
    const byGroup = await client().send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'group-id', Values: [appId] }] }),
    );
    expect(byGroup.NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([id]);
    expect(
      await errorOf(
        client().send(
          new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Groups: ['sg-0123456789abcdef0'] }),
        ),
      ),
    ).toEqual({
      name: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
      status: 400,
    });
    expect(
      await errorOf(
        client().send(
          new ModifyNetworkInterfaceAttributeCommand({
            NetworkInterfaceId: id,
            EnaSrdSpecification: { EnaSrdEnabled: true },
          }),
        ),
      ),
    ).toMatchObject({ name: 'UnsupportedOperation', status: 400 });
    await client().send(new TerminateInstancesCommand({ InstanceIds: [instance.InstanceId!] }));
  });
});
