/**
 * Changing rules in place on the engine: ModifySecurityGroupRules (the rule keeps its id, direction
 * and tags; Authorize's validation; unknown ids), UpdateSecurityGroupRuleDescriptionsIngress/Egress
 * by permissions and by rule id, and tags on rules through TagSpecifications, CreateTags, DeleteTags
 * and DescribeTags, surviving a restart.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';

const ssh = (cidr: string, Description?: string) => ({
  IpProtocol: 'tcp',
  FromPort: 22,
  ToPort: 22,
  IpRanges: [{ CidrIp: cidr, Description }],
});
const create = (lab: TestLab, name: string) =>
  lab.ec2('CreateSecurityGroup', { GroupName: name, Description: `${name} group` }).GroupId!;
const rulesOf = (lab: TestLab, groupId: string) =>
  lab.ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [groupId] }] }).SecurityGroupRules!;
const ruleOf = (lab: TestLab, ruleId: string) =>
  lab.ec2('DescribeSecurityGroupRules', { SecurityGroupRuleIds: [ruleId] }).SecurityGroupRules![0]!;

function groupWithSsh(lab: TestLab) {
  const groupId = create(lab, 'web');
  const [rule] = lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [ssh('203.0.113.7/32', 'laptop')],
  }).SecurityGroupRules!;
  return { groupId, ruleId: rule!.SecurityGroupRuleId! };
}

describe('ModifySecurityGroupRules', () => {
  it('replaces a rule, which keeps its id, its direction and its tags', () => {
    const lab = createTestLab();
    const { groupId, ruleId } = groupWithSsh(lab);
    lab.ec2('CreateTags', { Resources: [ruleId], Tags: [{ Key: 'Name', Value: 'ssh' }] });
    expect(
      lab.ec2('ModifySecurityGroupRules', {
        GroupId: groupId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: ruleId,
            SecurityGroupRule: {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              CidrIpv6: '::/0',
              Description: 'https',
            },
          },
        ],
      }),
    ).toEqual({ Return: true });
    expect(ruleOf(lab, ruleId)).toMatchObject({
      SecurityGroupRuleId: ruleId,
      GroupId: groupId,
      IsEgress: false,
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      CidrIpv6: '::/0',
      Description: 'https',
      Tags: [{ Key: 'Name', Value: 'ssh' }],
    });
    expect(ruleOf(lab, ruleId).CidrIpv4).toBeUndefined();
    const group = lab.ec2('DescribeSecurityGroups', { GroupIds: [groupId] }).SecurityGroups![0]!;
    expect(group.IpPermissions).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 443,
        Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'https' }],
      }),
    ]);
  });

  it('keeps an outbound rule outbound, and can point it at another group', () => {
    const lab = createTestLab();
    const groupId = create(lab, 'app');
    const peerId = create(lab, 'db');
    const egress = rulesOf(lab, groupId).find((r) => r.IsEgress)!;
    lab.ec2('ModifySecurityGroupRules', {
      GroupId: groupId,
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: egress.SecurityGroupRuleId,
          SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, ReferencedGroupId: peerId },
        },
      ],
    });
    expect(ruleOf(lab, egress.SecurityGroupRuleId!)).toMatchObject({
      IsEgress: true,
      FromPort: 5432,
      ReferencedGroupInfo: { GroupId: peerId },
    });
  });

  it("validates as Authorize does, with EC2's codes, and changes nothing on error", () => {
    const lab = createTestLab();
    const { groupId, ruleId } = groupWithSsh(lab);
    const second = lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpPermissions: [ssh('198.51.100.0/24')],
    }).SecurityGroupRules![0]!.SecurityGroupRuleId!;
    const modify = (rule: object, id = ruleId) =>
      lab.ec2Error('ModifySecurityGroupRules', {
        GroupId: groupId,
        SecurityGroupRules: [{ SecurityGroupRuleId: id, SecurityGroupRule: rule }],
      });
    const before = rulesOf(lab, groupId);
    expect(modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24' })).toEqual({
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 198.51.100.0/24, TCP, from port: 22, to port: 22, ALLOW" already exists',
    });
    expect(modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.300/32' })).toEqual({
      code: 'InvalidParameterValue',
      message: 'CIDR block 10.0.0.300/32 is malformed',
    });
    expect(modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 70000, CidrIpv4: '10.0.0.0/8' })).toEqual({
      code: 'InvalidParameterValue',
      message: 'TCP/UDP port (70000) out of range',
    });
    expect(
      modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/8' }, 'sgr-0123456789abcdef0'),
    ).toEqual({
      code: 'InvalidSecurityGroupRuleId.NotFound',
      message: "The security group rule ID 'sgr-0123456789abcdef0' does not exist",
    });
    expect(modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '10.0.0.0/8' }, 'rule-1').code).toBe(
      'InvalidSecurityGroupRuleId.Malformed',
    );
    expect(modify({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListId: 'pl-12345678' }).code).toBe(
      'UnsupportedOperation',
    );
    expect(rulesOf(lab, groupId)).toEqual(before);
    // Swapping two rules' peers in one request is no duplicate.
    lab.ec2('ModifySecurityGroupRules', {
      GroupId: groupId,
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: ruleId,
          SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24' },
        },
        {
          SecurityGroupRuleId: second,
          SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.7/32' },
        },
      ],
    });
    expect(ruleOf(lab, ruleId).CidrIpv4).toBe('198.51.100.0/24');
    expect(ruleOf(lab, second).CidrIpv4).toBe('203.0.113.7/32');
  });

  it('refuses a rule of another group', () => {
    const lab = createTestLab();
    const { ruleId } = groupWithSsh(lab);
    const other = create(lab, 'other');
    expect(
      lab.ec2Error('ModifySecurityGroupRules', {
        GroupId: other,
        SecurityGroupRules: [
          { SecurityGroupRuleId: ruleId, SecurityGroupRule: { IpProtocol: '-1', CidrIpv4: '0.0.0.0/0' } },
        ],
      }).code,
    ).toBe('InvalidSecurityGroupRuleId.NotFound');
  });
});

describe('UpdateSecurityGroupRuleDescriptions', () => {
  it('replaces descriptions by permissions, and removes one given none', () => {
    const lab = createTestLab();
    const { groupId, ruleId } = groupWithSsh(lab);
    expect(
      lab.ec2('UpdateSecurityGroupRuleDescriptionsIngress', {
        GroupId: groupId,
        IpPermissions: [ssh('203.0.113.7/32', 'home office')],
      }),
    ).toEqual({ Return: true });
    expect(ruleOf(lab, ruleId)).toMatchObject({ Description: 'home office', FromPort: 22, CidrIpv4: '203.0.113.7/32' });
    lab.ec2('UpdateSecurityGroupRuleDescriptionsIngress', { GroupName: 'web', IpPermissions: [ssh('203.0.113.7/32')] });
    expect(ruleOf(lab, ruleId).Description).toBeUndefined();
  });

  it('replaces descriptions by rule id, outbound too', () => {
    const lab = createTestLab();
    const { groupId, ruleId } = groupWithSsh(lab);
    const egress = rulesOf(lab, groupId).find((r) => r.IsEgress)!.SecurityGroupRuleId!;
    lab.ec2('UpdateSecurityGroupRuleDescriptionsEgress', {
      GroupId: groupId,
      SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: egress, Description: 'anywhere' }],
    });
    expect(ruleOf(lab, egress).Description).toBe('anywhere');
    // An inbound rule's id is not among the outbound rules.
    expect(
      lab.ec2Error('UpdateSecurityGroupRuleDescriptionsEgress', {
        GroupId: groupId,
        SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: ruleId, Description: 'x' }],
      }).code,
    ).toBe('InvalidSecurityGroupRuleId.NotFound');
  });

  it('answers InvalidPermission.NotFound for no such rule, and a bad description as EC2 does', () => {
    const lab = createTestLab();
    const { groupId, ruleId } = groupWithSsh(lab);
    expect(
      lab.ec2Error('UpdateSecurityGroupRuleDescriptionsIngress', {
        GroupId: groupId,
        IpPermissions: [ssh('198.51.100.0/24', 'nobody')],
      }),
    ).toEqual({
      code: 'InvalidPermission.NotFound',
      message: 'The specified rule does not exist in this security group.',
    });
    expect(
      lab.ec2Error('UpdateSecurityGroupRuleDescriptionsEgress', {
        GroupId: groupId,
        IpPermissions: [ssh('203.0.113.7/32')],
      }).code,
    ).toBe('InvalidPermission.NotFound');
    expect(
      lab.ec2Error('UpdateSecurityGroupRuleDescriptionsIngress', {
        GroupId: groupId,
        SecurityGroupRuleDescriptions: [{ SecurityGroupRuleId: ruleId, Description: 'x'.repeat(256) }],
      }).code,
    ).toBe('InvalidParameterValue');
    expect(ruleOf(lab, ruleId).Description).toBe('laptop');
  });
});

describe('tags on security group rules', () => {
  it('are given at Authorize, changed by CreateTags and DeleteTags, and listed by DescribeTags', () => {
    const lab = createTestLab();
    const groupId = create(lab, 'web');
    const [rule] = lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpPermissions: [ssh('203.0.113.7/32')],
      TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'Name', Value: 'ssh' }] }],
    }).SecurityGroupRules!;
    const ruleId = rule!.SecurityGroupRuleId!;
    expect(rule!.Tags).toEqual([{ Key: 'Name', Value: 'ssh' }]);
    lab.ec2('CreateTags', { Resources: [ruleId, groupId], Tags: [{ Key: 'team', Value: 'blue' }] });
    expect(ruleOf(lab, ruleId).Tags).toEqual([
      { Key: 'Name', Value: 'ssh' },
      { Key: 'team', Value: 'blue' },
    ]);
    const described = lab.ec2('DescribeTags', {
      Filters: [{ Name: 'resource-type', Values: ['security-group-rule'] }],
    });
    expect(described.Tags).toEqual([
      { Key: 'Name', Value: 'ssh', ResourceId: ruleId, ResourceType: 'security-group-rule' },
      { Key: 'team', Value: 'blue', ResourceId: ruleId, ResourceType: 'security-group-rule' },
    ]);
    lab.ec2('DeleteTags', { Resources: [ruleId], Tags: [{ Key: 'Name' }] });
    expect(ruleOf(lab, ruleId).Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    expect(
      lab.ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'tag:team', Values: ['blue'] }] }).SecurityGroupRules,
    ).toHaveLength(1);
    const restarted = lab.reopen();
    expect(
      restarted.ec2('DescribeSecurityGroupRules', { SecurityGroupRuleIds: [ruleId] }).SecurityGroupRules![0]!.Tags,
    ).toEqual([{ Key: 'team', Value: 'blue' }]);
  });

  it('refuses an unknown rule id with its NotFound', () => {
    const lab = createTestLab();
    expect(
      lab.ec2Error('CreateTags', { Resources: ['sgr-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }),
    ).toEqual({
      code: 'InvalidSecurityGroupRuleId.NotFound',
      message: "The security group rule ID 'sgr-0123456789abcdef0' does not exist",
    });
  });
});
