/**
 * The security groups family on the engine: the default group of each VPC, creating, describing
 * and deleting groups, authorizing and revoking rules by permissions and by rule id with EC2's
 * validation and codes, the 60-rule limit, instances' groups at launch and after
 * ModifyInstanceAttribute, and groups surviving a restart and an export/import.
 */
import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { MemoryStateStore } from '../state/state-store';
import { createTestLab, type TestLab } from '../test-support/test-lab';

const ssh = (cidr = '0.0.0.0/0') => ({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }] });
const groups = (lab: TestLab, request = {}) => lab.ec2('DescribeSecurityGroups', request).SecurityGroups!;
const defaultVpcId = (lab: TestLab) =>
  lab.ec2('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs![0]!.VpcId!;
const create = (lab: TestLab, name: string, extra = {}) =>
  lab.ec2('CreateSecurityGroup', { GroupName: name, Description: `${name} group`, ...extra }).GroupId!;

describe('the default security group', () => {
  it('exists in every VPC with AWS default rules: all inbound from itself, all outbound anywhere', () => {
    const lab = createTestLab();
    const vpcId = defaultVpcId(lab);
    const [group] = groups(lab, { GroupNames: ['default'] });
    expect(group).toMatchObject({
      GroupName: 'default',
      Description: 'default VPC security group',
      VpcId: vpcId,
      GroupId: expect.stringMatching(/^sg-[0-9a-f]{17}$/),
      IpPermissions: [
        {
          IpProtocol: '-1',
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
          UserIdGroupPairs: [{ GroupId: group!.GroupId, UserId: group!.OwnerId }],
        },
      ],
      IpPermissionsEgress: [
        { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], UserIdGroupPairs: [] },
      ],
    });
    expect(group!.IpPermissions![0]!.FromPort).toBeUndefined();
    expect(lab.ec2('DescribeSecurityGroups', {}, 'us-east-1').SecurityGroups).toHaveLength(1);
  });

  it('cannot be deleted', () => {
    const lab = createTestLab();
    const [group] = groups(lab);
    expect(lab.ec2Error('DeleteSecurityGroup', { GroupId: group!.GroupId })).toEqual({
      code: 'CannotDelete',
      message: `the specified group: "${group!.GroupId}" name: "default" cannot be deleted by a user`,
    });
    expect(lab.ec2Error('DeleteSecurityGroup', { GroupName: 'default' }).code).toBe('CannotDelete');
  });

  it('is attached to an instance launched without groups', () => {
    const lab = createTestLab();
    const [group] = groups(lab);
    const id = lab.launch();
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!;
    expect(instance.Groups).toEqual([]);
    expect(instance.Instances![0]!.SecurityGroups).toEqual([{ GroupId: group!.GroupId, GroupName: 'default' }]);
    expect(instance.Instances![0]!.NetworkInterfaces![0]!.Groups).toEqual([
      { GroupId: group!.GroupId, GroupName: 'default' },
    ]);
  });
});

describe('creating, describing and deleting groups', () => {
  it('creates a group in the default VPC with only the allow-all outbound rule, and tags', () => {
    const lab = createTestLab();
    const result = lab.ec2('CreateSecurityGroup', {
      GroupName: 'web',
      Description: 'web servers',
      TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    expect(result.GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(result.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    const [group] = groups(lab, { GroupIds: [result.GroupId!] });
    expect(group).toMatchObject({
      GroupName: 'web',
      Description: 'web servers',
      VpcId: defaultVpcId(lab),
      IpPermissions: [],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      Tags: [{ Key: 'Name', Value: 'web' }],
    });
    expect(groups(lab, { Filters: [{ Name: 'tag:Name', Values: ['web'] }] }).map((g) => g.GroupId)).toEqual([
      result.GroupId,
    ]);
  });

  it('refuses duplicate names, sg- names, missing members, unknown VPCs and bad ids', () => {
    const lab = createTestLab();
    create(lab, 'web');
    expect(lab.ec2Error('CreateSecurityGroup', { GroupName: 'web', Description: 'again' })).toEqual({
      code: 'InvalidGroup.Duplicate',
      message: `The security group 'web' already exists for VPC '${defaultVpcId(lab)}'`,
    });
    expect(lab.ec2Error('CreateSecurityGroup', { GroupName: 'sg-web', Description: 'x' }).code).toBe(
      'InvalidParameterValue',
    );
    expect(lab.ec2Error('CreateSecurityGroup', { GroupName: 'x' } as never)).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter GroupDescription',
    });
    expect(
      lab.ec2Error('CreateSecurityGroup', { GroupName: 'x', Description: 'x', VpcId: 'vpc-0123456789abcdef0' }).code,
    ).toBe('InvalidVpcID.NotFound');
    expect(lab.ec2Error('DescribeSecurityGroups', { GroupIds: ['sg-0123456789abcdef0'] })).toEqual({
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
    });
    expect(lab.ec2Error('DescribeSecurityGroups', { GroupIds: ['web'] })).toEqual({
      code: 'InvalidGroupId.Malformed',
      message: 'Invalid id: "web" (expecting "sg-...")',
    });
    expect(lab.ec2Error('DescribeSecurityGroups', { GroupNames: ['nobody'] }).code).toBe('InvalidGroup.NotFound');
  });

  it('filters by name, VPC, description and rules in either direction', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const db = create(lab, 'db');
    lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh('203.0.113.0/24')] });
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: db,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web }] }],
    });
    const ids = (filters: { Name: string; Values: string[] }[]) =>
      groups(lab, { Filters: filters }).map((g) => g.GroupId);
    expect(ids([{ Name: 'group-name', Values: ['w*'] }])).toEqual([web]);
    expect(ids([{ Name: 'description', Values: ['db group'] }])).toEqual([db]);
    expect(ids([{ Name: 'ip-permission.from-port', Values: ['22'] }])).toEqual([web]);
    expect(ids([{ Name: 'ip-permission.cidr', Values: ['203.0.113.0/24'] }])).toEqual([web]);
    expect(ids([{ Name: 'ip-permission.group-id', Values: [web] }])).toEqual([db]);
    expect(ids([{ Name: 'ip-permission.protocol', Values: ['tcp'] }]).sort()).toEqual([web, db].sort());
    expect(ids([{ Name: 'egress.ip-permission.cidr', Values: ['0.0.0.0/0'] }])).toHaveLength(3);
    expect(ids([{ Name: 'vpc-id', Values: [defaultVpcId(lab)] }])).toHaveLength(3);
    expect(lab.ec2Error('DescribeSecurityGroups', { Filters: [{ Name: 'colour', Values: ['x'] }] }).code).toBe(
      'InvalidParameterValue',
    );
  });

  it('deletes an unused group by id or name; one in use or referenced is a DependencyViolation', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const db = create(lab, 'db');
    const spare = create(lab, 'spare');
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: db,
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: web }] }],
    });
    const id = lab.launch({ SecurityGroupIds: [db] });
    expect(lab.ec2Error('DeleteSecurityGroup', { GroupId: db })).toEqual({
      code: 'DependencyViolation',
      message: `resource ${db} has a dependent object`,
    });
    expect(lab.ec2Error('DeleteSecurityGroup', { GroupId: web }).code).toBe('DependencyViolation');
    expect(lab.ec2('DeleteSecurityGroup', { GroupName: 'spare' })).toEqual({ Return: true, GroupId: spare });
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(lab.ec2('DeleteSecurityGroup', { GroupId: db }).Return).toBe(true);
    expect(lab.ec2('DeleteSecurityGroup', { GroupId: web }).Return).toBe(true);
    expect(lab.ec2Error('DeleteSecurityGroup', { GroupId: web }).code).toBe('InvalidGroup.NotFound');
  });
});

describe('authorizing and revoking rules', () => {
  it('adds rules with their own ids and groups them by protocol and ports in Describe', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const added = lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: web,
      IpPermissions: [
        { ...ssh('203.0.113.7/32'), IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'my laptop' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.0/24' }] },
        { IpProtocol: '6', FromPort: 80, ToPort: 80, Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
        { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    });
    expect(added.Return).toBe(true);
    expect(added.SecurityGroupRules).toHaveLength(4);
    expect(added.SecurityGroupRules![0]).toMatchObject({
      SecurityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
      GroupId: web,
      IsEgress: false,
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      CidrIpv4: '203.0.113.7/32',
      Description: 'my laptop',
    });
    const [group] = groups(lab, { GroupIds: [web] });
    expect(group!.IpPermissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'my laptop' }, { CidrIp: '198.51.100.0/24' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 80,
        ToPort: 80,
        IpRanges: [],
        Ipv6Ranges: [{ CidrIpv6: '::/0' }],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
      {
        IpProtocol: 'icmp',
        FromPort: 8,
        ToPort: -1,
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);
    const rules = lab.ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [web] }] });
    expect(rules.SecurityGroupRules).toHaveLength(5);
    const byId = lab.ec2('DescribeSecurityGroupRules', {
      SecurityGroupRuleIds: [added.SecurityGroupRules![1]!.SecurityGroupRuleId!],
    });
    expect(byId.SecurityGroupRules).toEqual([added.SecurityGroupRules![1]]);
    expect(lab.ec2Error('DescribeSecurityGroupRules', { SecurityGroupRuleIds: ['sgr-0123456789abcdef0'] }).code).toBe(
      'InvalidSecurityGroupRuleId.NotFound',
    );
  });

  it('answers AWS codes for a duplicate rule, a bad CIDR, port 70000, a bad protocol and an unknown group', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh()] });
    const error = (permission: object, groupId = web) =>
      lab.ec2Error('AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermissions: [permission] });
    expect(error(ssh())).toEqual({
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
    });
    expect(error(ssh('10.0.0.0/33'))).toEqual({
      code: 'InvalidParameterValue',
      message: 'CIDR block 10.0.0.0/33 is malformed',
    });
    expect(error({ ...ssh(), FromPort: 70000, ToPort: 70000 })).toEqual({
      code: 'InvalidParameterValue',
      message: 'TCP/UDP port (70000) out of range',
    });
    expect(error({ IpProtocol: 'icmp', FromPort: 8, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })).toEqual({
      code: 'InvalidParameterValue',
      message: 'ICMP code (65535) out of range',
    });
    expect(error({ ...ssh(), FromPort: 90, ToPort: 80 }).code).toBe('InvalidParameterValue');
    expect(error({ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })).toEqual({
      code: 'InvalidParameterValue',
      message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
    });
    expect(error({ ...ssh(), IpProtocol: 'smtp' }).code).toBe('InvalidParameterValue');
    expect(error({ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] }).code).toBe(
      'InvalidGroup.NotFound',
    );
    expect(error(ssh(), 'sg-0123456789abcdef0')).toEqual({
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
    });
    expect(error(ssh(), 'web').code).toBe('InvalidGroupId.Malformed');
    // Nothing changed by any refused request.
    expect(groups(lab, { GroupIds: [web] })[0]!.IpPermissions).toHaveLength(1);
  });

  it('allows 60 inbound and 60 outbound rules, not 61', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const ports = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        IpProtocol: 'tcp',
        FromPort: from + i,
        ToPort: from + i,
        IpRanges: [{ CidrIp: '10.0.0.0/8' }],
      }));
    lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: ports(1000, 60) });
    expect(lab.ec2Error('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: ports(2000, 1) })).toEqual({
      code: 'RulesPerSecurityGroupLimitExceeded',
      message: 'The maximum number of rules per security group has been reached.',
    });
    lab.ec2('AuthorizeSecurityGroupEgress', { GroupId: web, IpPermissions: ports(3000, 59) });
    expect(lab.ec2Error('AuthorizeSecurityGroupEgress', { GroupId: web, IpPermissions: ports(4000, 1) }).code).toBe(
      'RulesPerSecurityGroupLimitExceeded',
    );
  });

  it('revokes by permissions and by rule id; an absent rule is InvalidPermission.NotFound', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const added = lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: web,
      IpPermissions: [ssh(), { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    expect(lab.ec2('RevokeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh()] }).Return).toBe(true);
    expect(lab.ec2Error('RevokeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh()] })).toEqual({
      code: 'InvalidPermission.NotFound',
      message: 'The specified rule does not exist in this security group.',
    });
    const httpsRule = added.SecurityGroupRules![1]!.SecurityGroupRuleId!;
    lab.ec2('RevokeSecurityGroupIngress', { GroupId: web, SecurityGroupRuleIds: [httpsRule] });
    expect(groups(lab, { GroupIds: [web] })[0]!.IpPermissions).toEqual([]);
    const egress = groups(lab, { GroupIds: [web] })[0]!.IpPermissionsEgress!;
    lab.ec2('RevokeSecurityGroupEgress', { GroupId: web, IpPermissions: egress });
    expect(groups(lab, { GroupIds: [web] })[0]!.IpPermissionsEgress).toEqual([]);
    expect(lab.ec2Error('RevokeSecurityGroupEgress', { GroupId: web, SecurityGroupRuleIds: [httpsRule] }).code).toBe(
      'InvalidSecurityGroupRuleId.NotFound',
    );
  });

  it('takes the CLI’s top-level members and a group by name', () => {
    const lab = createTestLab();
    create(lab, 'web');
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupName: 'web',
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      CidrIp: '0.0.0.0/0',
    });
    expect(groups(lab, { GroupNames: ['web'] })[0]!.IpPermissions).toMatchObject([{ IpProtocol: 'tcp', FromPort: 22 }]);
  });
});

describe('instances and their groups', () => {
  it('launches with groups by id and by name, refusing unknown ones and more than five', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    create(lab, 'db');
    const id = lab.launch({ SecurityGroupIds: [web], SecurityGroups: ['db'] });
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(instance.SecurityGroups!.map((g) => g.GroupName)).toEqual(['web', 'db']);
    expect(lab.ec2Error('RunInstances', { ...launchRequest(lab), SecurityGroups: ['nobody'] })).toEqual({
      code: 'InvalidGroup.NotFound',
      message: `The security group 'nobody' does not exist in default VPC '${defaultVpcId(lab)}'`,
    });
    expect(lab.ec2Error('RunInstances', { ...launchRequest(lab), SecurityGroupIds: ['web'] }).code).toBe(
      'InvalidGroupId.Malformed',
    );
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => create(lab, name));
    expect(lab.ec2Error('RunInstances', { ...launchRequest(lab), SecurityGroupIds: six }).code).toBe(
      'SecurityGroupsPerInterfaceLimitExceeded',
    );
    const filtered = (name: string, value: string) =>
      lab.ec2('DescribeInstances', { Filters: [{ Name: name, Values: [value] }] }).Reservations!.length;
    expect(filtered('instance.group-id', web)).toBe(1);
    expect(filtered('instance.group-name', 'db')).toBe(1);
    expect(filtered('network-interface.group-id', six[0]!)).toBe(0);
  });

  it('replaces an instance’s groups with ModifyInstanceAttribute Groups', () => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    const id = lab.launch();
    lab.ec2('ModifyInstanceAttribute', { InstanceId: id, Groups: [web] });
    const attribute = lab.ec2('DescribeInstanceAttribute', { InstanceId: id, Attribute: 'groupSet' });
    expect(attribute.Groups).toEqual([{ GroupId: web, GroupName: 'web' }]);
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, Groups: ['sg-0123456789abcdef0'] }).code).toBe(
      'InvalidGroup.NotFound',
    );
  });
});

describe('groups are kept', () => {
  it('survive a restart and an export and import', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const web = create(lab, 'web');
    lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh()] });
    const before = groups(lab);
    const reopened = lab.reopen();
    expect(groups(reopened)).toEqual(before);
    const other = createTestLab({ seed: 7 });
    other.lab('ImportLab', { content: reopened.lab('ExportLab', {}).content });
    expect(groups(other)).toEqual(before);
  });
});

describe('lab files with security groups', () => {
  const poisoned = (change: (group: Record<string, unknown>) => void) => {
    const lab = createTestLab();
    const web = create(lab, 'web');
    lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: web, IpPermissions: [ssh()] });
    const file = JSON.parse(lab.lab('ExportLab', {}).content) as {
      records: { collection: string; data: Record<string, unknown> }[];
    };
    change(file.records.find((r) => r.collection === 'security-groups' && r.data.groupId === web)!.data);
    return { lab, error: lab.labError('ImportLab', { content: JSON.stringify(file) }) };
  };
  type Rules = Record<string, unknown>[];

  it('gives a lab saved before security groups its default groups on load, leaving old instances without groups', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const file = JSON.parse(lab.lab('ExportLab', {}).content) as {
      records: { collection: string; data: Record<string, unknown> }[];
    };
    file.records = file.records.filter((r) => r.collection !== 'security-groups');
    for (const record of file.records) if (record.collection === 'network-interfaces') record.data.groups = [];
    lab.lab('ImportLab', { content: JSON.stringify(file) });
    expect(groups(lab).map((g) => [g.GroupName, g.VpcId])).toEqual([['default', defaultVpcId(lab)]]);
    expect(lab.ec2('DescribeSecurityGroups', {}, 'us-east-1').SecurityGroups!.map((g) => g.GroupName)).toEqual([
      'default',
    ]);
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(instance.SecurityGroups).toEqual([]);
  });

  it('refuses a group whose rule has a bad CIDR, two peers or a bad id, and keeps the lab as it was', () => {
    const badCidr = poisoned((g) => ((g.rules as Rules)[1]!.cidrIpv4 = '10.0.0.0/33'));
    expect(badCidr.error.code).toBe('InvalidLabFile');
    expect(badCidr.error.message).toMatch(/invalid 'rules'/);
    expect(
      groups(badCidr.lab)
        .map((g) => g.GroupName)
        .sort(),
    ).toEqual(['default', 'web']);
    expect(poisoned((g) => ((g.rules as Rules)[1]!.cidrIpv6 = '::/0')).error.message).toMatch(/invalid 'rules'/);
    expect(poisoned((g) => ((g.rules as Rules)[1]!.ruleId = 'rule-1')).error.message).toMatch(/invalid 'rules'/);
    expect(poisoned((g) => (g.groupId = 'group-1')).error.message).toMatch(/invalid 'groupId'/);
  });
});

function launchRequest(lab: TestLab) {
  const image = lab.ec2('DescribeImages', {}).Images![0]!.ImageId!;
  return { ImageId: image, InstanceType: 't3.micro' as const, MinCount: 1, MaxCount: 1 };
}
