/**
 * Network ACLs on the engine: a custom ACL starts denying everything; entries by rule number
 * (duplicates refused, replaced, deleted), judged in rule-number order, stateless (each direction
 * on its own); subnets moved between ACLs; the default ACL and associated ACLs not deleted.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { aclVerdict } from './network-acl-verdict';
import type { NetworkAclRecord } from './network-acl-record';

function vpcWithSubnet(lab: TestLab) {
  const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet!.SubnetId!;
  return { VpcId, SubnetId };
}
const entriesOf = (lab: TestLab, NetworkAclId: string) =>
  lab.ec2('DescribeNetworkAcls', { NetworkAclIds: [NetworkAclId] }).NetworkAcls![0]!.Entries!;

describe('network ACL entries', () => {
  it('are added by rule number, refused twice, replaced and deleted', () => {
    const lab = createTestLab();
    const { VpcId } = vpcWithSubnet(lab);
    const NetworkAclId = lab.ec2('CreateNetworkAcl', { VpcId }).NetworkAcl!.NetworkAclId!;
    expect(entriesOf(lab, NetworkAclId).map((e) => `${e.Egress}:${e.RuleNumber}:${e.RuleAction}`)).toEqual([
      'true:32767:deny',
      'false:32767:deny',
    ]);
    const ssh = {
      NetworkAclId,
      Egress: false,
      Protocol: 'tcp',
      RuleAction: 'allow' as const,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 22, To: 22 },
    };
    expect(lab.ec2('CreateNetworkAclEntry', { ...ssh, RuleNumber: 200 })).toEqual({});
    lab.ec2('CreateNetworkAclEntry', { ...ssh, RuleNumber: 100, RuleAction: 'deny', CidrBlock: '198.51.100.0/24' });
    expect(lab.ec2Error('CreateNetworkAclEntry', { ...ssh, RuleNumber: 200 })).toEqual({
      code: 'NetworkAclEntryAlreadyExists',
      message: 'The network acl entry identified by 200 already exists.',
    });
    // The same number is free in the other direction.
    lab.ec2('CreateNetworkAclEntry', { ...ssh, Egress: true, RuleNumber: 200, PortRange: { From: 1024, To: 65535 } });
    expect(entriesOf(lab, NetworkAclId).filter((e) => !e.Egress)).toEqual([
      {
        RuleNumber: 100,
        Egress: false,
        Protocol: '6',
        RuleAction: 'deny',
        CidrBlock: '198.51.100.0/24',
        PortRange: { From: 22, To: 22 },
      },
      {
        RuleNumber: 200,
        Egress: false,
        Protocol: '6',
        RuleAction: 'allow',
        CidrBlock: '0.0.0.0/0',
        PortRange: { From: 22, To: 22 },
      },
      { RuleNumber: 32767, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
    ]);
    lab.ec2('ReplaceNetworkAclEntry', { ...ssh, RuleNumber: 200, PortRange: { From: 80, To: 80 } });
    expect(entriesOf(lab, NetworkAclId).find((e) => !e.Egress && e.RuleNumber === 200)!.PortRange).toEqual({
      From: 80,
      To: 80,
    });
    expect(lab.ec2Error('ReplaceNetworkAclEntry', { ...ssh, RuleNumber: 300 }).code).toBe(
      'InvalidNetworkAclEntry.NotFound',
    );
    expect(lab.ec2('DeleteNetworkAclEntry', { NetworkAclId, Egress: false, RuleNumber: 100 })).toEqual({});
    expect(lab.ec2Error('DeleteNetworkAclEntry', { NetworkAclId, Egress: false, RuleNumber: 100 }).code).toBe(
      'InvalidNetworkAclEntry.NotFound',
    );
    expect(lab.ec2Error('CreateNetworkAclEntry', { ...ssh, RuleNumber: 32767 }).code).toBe('InvalidParameterValue');
    expect(lab.ec2Error('CreateNetworkAclEntry', { ...ssh, RuleNumber: 5, PortRange: undefined }).code).toBe(
      'MissingParameter',
    );
    expect(lab.ec2Error('CreateNetworkAclEntry', { ...ssh, RuleNumber: 5, CidrBlock: '10.0.0.0/33' }).code).toBe(
      'InvalidParameterValue',
    );
    expect(
      lab.reopen().ec2('DescribeNetworkAcls', { NetworkAclIds: [NetworkAclId] }).NetworkAcls![0]!.Entries,
    ).toHaveLength(4);
  });
});

describe('network ACL verdicts', () => {
  const acl = (entries: NetworkAclRecord['entries']): NetworkAclRecord => ({
    networkAclId: 'acl-0123456789abcdef0',
    region: 'ap-northeast-2',
    vpcId: 'vpc-0123456789abcdef0',
    isDefault: false,
    ownerId: '123456789012',
    entries,
    associations: [],
    tags: [],
  });
  const packet = { egress: false, protocol: '6', port: 22, remoteAddress: '203.0.113.7' };

  it('takes the lowest-numbered matching rule, and denies with * when none matches', () => {
    const rules = acl([
      { ruleNumber: 200, egress: false, protocol: '-1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0' },
      {
        ruleNumber: 100,
        egress: false,
        protocol: '6',
        ruleAction: 'deny',
        cidrBlock: '203.0.113.0/24',
        portRange: { from: 22, to: 22 },
      },
    ]);
    expect(aclVerdict(rules, packet)).toEqual({ allowed: false, rule: '100' });
    expect(aclVerdict(rules, { ...packet, remoteAddress: '198.51.100.1' })).toEqual({ allowed: true, rule: '200' });
    expect(aclVerdict(rules, { ...packet, port: 80 })).toEqual({ allowed: true, rule: '200' });
    // Stateless: nothing allows the reply out.
    expect(aclVerdict(rules, { ...packet, egress: true, port: 40000 })).toEqual({ allowed: false, rule: '*' });
  });

  it('matches ICMP by type', () => {
    const rules = acl([
      {
        ruleNumber: 10,
        egress: false,
        protocol: '1',
        ruleAction: 'allow',
        cidrBlock: '0.0.0.0/0',
        icmpTypeCode: { type: 8, code: -1 },
      },
    ]);
    expect(aclVerdict(rules, { ...packet, protocol: '1', port: 8 }).allowed).toBe(true);
    expect(aclVerdict(rules, { ...packet, protocol: '1', port: 13 }).allowed).toBe(false);
  });
});

describe('network ACLs and subnets', () => {
  it('move a subnet to a custom ACL and back; keep the default ACL and associated ACLs', () => {
    const lab = createTestLab();
    const { VpcId, SubnetId } = vpcWithSubnet(lab);
    const defaultAcl = lab.ec2('DescribeNetworkAcls', {
      Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }],
    }).NetworkAcls![0]!;
    expect(defaultAcl.IsDefault).toBe(true);
    const association = defaultAcl.Associations!.find((a) => a.SubnetId === SubnetId)!;
    const NetworkAclId = lab.ec2('CreateNetworkAcl', {
      VpcId,
      TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'Name', Value: 'strict' }] }],
    }).NetworkAcl!.NetworkAclId!;
    const moved = lab.ec2('ReplaceNetworkAclAssociation', {
      AssociationId: association.NetworkAclAssociationId!,
      NetworkAclId,
    });
    expect(moved.NewAssociationId).toMatch(/^aclassoc-[0-9a-f]{17}$/);
    expect(
      lab
        .ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] })
        .NetworkAcls!.map((a) => a.NetworkAclId),
    ).toEqual([NetworkAclId]);
    expect(lab.ec2Error('DeleteNetworkAcl', { NetworkAclId })).toEqual({
      code: 'DependencyViolation',
      message: `The networkAcl '${NetworkAclId}' has dependencies and cannot be deleted.`,
    });
    expect(lab.ec2Error('DeleteNetworkAcl', { NetworkAclId: defaultAcl.NetworkAclId! })).toEqual({
      code: 'InvalidParameterValue',
      message: `cannot delete default network ACL ${defaultAcl.NetworkAclId}`,
    });
    expect(
      lab.ec2Error('ReplaceNetworkAclAssociation', { AssociationId: 'aclassoc-0123456789abcdef0', NetworkAclId }).code,
    ).toBe('InvalidAssociationID.NotFound');
    lab.ec2('ReplaceNetworkAclAssociation', {
      AssociationId: moved.NewAssociationId!,
      NetworkAclId: defaultAcl.NetworkAclId!,
    });
    expect(lab.ec2('DeleteNetworkAcl', { NetworkAclId })).toEqual({});
    expect(lab.ec2Error('DeleteNetworkAcl', { NetworkAclId }).code).toBe('InvalidNetworkAclID.NotFound');
  });
});
