/**
 * The reachability gate, one test per reason and their order: a stopped or booting instance, no
 * public address from outside the VPC, no route to an attached internet gateway (none, or a
 * blackhole), a network ACL denying the packet in or its reply out, no inbound rule (naming the
 * groups checked), group references from inside the VPC, and rules changing what gets in at once.
 */
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../context';
import { TIMINGS } from '../instances/lifecycle';
import { TEST_REGION, createTestLab, type TestLab } from '../test-support/test-lab';
import { reachability, type TrafficQuestion } from './reachability';

const MY_IP = '203.0.113.7';
const ssh = (cidr: string) => ({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: cidr }] });

/** The engine's context, which the gate reads; doors will reach it through the engine. */
function contextOf(lab: TestLab): EngineContext {
  return (lab.engine as unknown as { ctx: EngineContext }).ctx;
}

function ask(lab: TestLab, instanceId: string, question: Partial<TrafficQuestion> = {}) {
  return reachability(contextOf(lab), TEST_REGION, {
    instanceId,
    protocol: 'tcp',
    port: 22,
    source: MY_IP,
    ...question,
  });
}

function sshGroup(lab: TestLab, cidr = `${MY_IP}/32`, VpcId?: string): string {
  const groupId = lab.ec2('CreateSecurityGroup', { GroupName: 'ssh', Description: 'ssh in', VpcId }).GroupId!;
  lab.ec2('AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermissions: [ssh(cidr)] });
  return groupId;
}

function booted(lab: TestLab, extra = {}): string {
  const id = lab.launch(extra);
  lab.pass(TIMINGS.pendingMs);
  lab.pass(TIMINGS.statusChecksMs);
  return id;
}

describe('the reachability gate', () => {
  it('allows SSH from my IP to a booted instance whose group allows it', () => {
    const lab = createTestLab();
    const id = booted(lab, { SecurityGroupIds: [sshGroup(lab)] });
    expect(ask(lab, id)).toEqual({ allowed: true });
  });

  it('blocks a pending and a still-booting instance', () => {
    const lab = createTestLab();
    const id = lab.launch({ SecurityGroupIds: [sshGroup(lab)] });
    expect(ask(lab, id)).toEqual({
      allowed: false,
      reasons: [{ code: 'instance-not-running', state: 'pending', message: `Instance ${id} is pending, not running.` }],
    });
    lab.pass(TIMINGS.pendingMs);
    expect(ask(lab, id)).toMatchObject({ allowed: false, reasons: [{ code: 'instance-booting' }] });
    lab.pass(TIMINGS.statusChecksMs);
    expect(ask(lab, id)).toEqual({ allowed: true });
  });

  it('names every group checked when no inbound rule allows the traffic, and applies changes at once', () => {
    const lab = createTestLab();
    const group = sshGroup(lab);
    const id = booted(lab, { SecurityGroupIds: [group] });
    expect(ask(lab, id, { port: 80 })).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'no-inbound-rule',
          groups: [{ groupId: group, groupName: 'ssh' }],
          message: `No inbound rule allows TCP port 80 from ${MY_IP} in security groups ${group} (ssh).`,
        },
      ],
    });
    expect(ask(lab, id, { source: '198.51.100.1' })).toMatchObject({ allowed: false });
    expect(ask(lab, id, { protocol: 'udp' })).toMatchObject({ allowed: false });
    lab.ec2('RevokeSecurityGroupIngress', { GroupId: group, IpPermissions: [ssh(`${MY_IP}/32`)] });
    expect(ask(lab, id)).toMatchObject({ allowed: false, reasons: [{ code: 'no-inbound-rule' }] });
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: group,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    expect(ask(lab, id, { protocol: '6', port: 8080 })).toEqual({ allowed: true });
  });

  it('blocks traffic from outside the VPC to an instance without a public address, listing every reason in order', () => {
    const lab = createTestLab();
    const id = booted(lab);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    const answer = ask(lab, id);
    expect(answer.allowed).toBe(false);
    expect(answer.allowed === false && answer.reasons.map((r) => r.code)).toEqual([
      'instance-not-running',
      'no-public-ip',
      'no-inbound-rule',
    ]);
  });

  it('lets the default group admit its own members from inside the VPC, but not outsiders', () => {
    const lab = createTestLab();
    const target = booted(lab);
    const peer = booted(lab);
    const peerIp = lab.ec2('DescribeInstances', { InstanceIds: [peer] }).Reservations![0]!.Instances![0]!
      .PrivateIpAddress!;
    expect(ask(lab, target, { source: peerIp, port: 5432 })).toEqual({ allowed: true });
    expect(ask(lab, target, { source: '172.31.255.250', port: 5432 })).toMatchObject({ allowed: false });
    expect(ask(lab, target)).toMatchObject({ allowed: false, reasons: [{ code: 'no-inbound-rule' }] });
  });

  it('matches ICMP by type, and -1 as every type', () => {
    const lab = createTestLab();
    const group = lab.ec2('CreateSecurityGroup', { GroupName: 'ping', Description: 'ping' }).GroupId!;
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: group,
      IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    const id = booted(lab, { SecurityGroupIds: [group] });
    expect(ask(lab, id, { protocol: 'icmp', port: 8 })).toEqual({ allowed: true });
    expect(ask(lab, id, { protocol: 'icmp', port: 13 })).toMatchObject({ allowed: false });
  });
});

/** A VPC with one subnet that maps public addresses, an SSH group, and a booted instance in it; no gateway yet. */
function ownVpc(lab: TestLab) {
  const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' })
    .Subnet!.SubnetId!;
  lab.ec2('ModifySubnetAttribute', { SubnetId, MapPublicIpOnLaunch: { Value: true } });
  const instanceId = booted(lab, { SubnetId, SecurityGroupIds: [sshGroup(lab, `${MY_IP}/32`, VpcId)] });
  const RouteTableId = lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [VpcId] }] })
    .RouteTables![0]!.RouteTableId!;
  return { VpcId, SubnetId, instanceId, RouteTableId };
}

describe('the reachability gate: the network', () => {
  it('blocks an instance whose route table has no route to an internet gateway, naming the table', () => {
    const lab = createTestLab();
    const { VpcId, SubnetId, instanceId, RouteTableId } = ownVpc(lab);
    expect(ask(lab, instanceId)).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'no-route-to-internet-gateway',
          routeTableId: RouteTableId,
          message: `Route table ${RouteTableId} of subnet ${SubnetId} has no route to an internet gateway for ${MY_IP} (add 0.0.0.0/0 → an internet gateway attached to ${VpcId}).`,
        },
      ],
    });
    const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
    expect(ask(lab, instanceId)).toMatchObject({ allowed: false, reasons: [{ code: 'no-route-to-internet-gateway' }] });
    lab.ec2('CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId });
    expect(ask(lab, instanceId)).toEqual({ allowed: true });
  });

  it('takes a narrower route covering the source, and blocks on a blackhole route once the gateway is detached', () => {
    const lab = createTestLab();
    const { VpcId, SubnetId, instanceId, RouteTableId } = ownVpc(lab);
    const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
    lab.ec2('CreateRoute', { RouteTableId, DestinationCidrBlock: '203.0.113.0/24', GatewayId: InternetGatewayId });
    expect(ask(lab, instanceId)).toEqual({ allowed: true });
    expect(ask(lab, instanceId, { source: '198.51.100.1' })).toMatchObject({
      allowed: false,
      reasons: [{ code: 'no-route-to-internet-gateway' }, { code: 'no-inbound-rule' }],
    });
    lab.ec2('DetachInternetGateway', { InternetGatewayId, VpcId });
    expect(ask(lab, instanceId)).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'no-route-to-internet-gateway',
          routeTableId: RouteTableId,
          message: `Route table ${RouteTableId} of subnet ${SubnetId} routes 203.0.113.0/24 to ${InternetGatewayId}, which is not attached to ${VpcId} (blackhole), so replies to ${MY_IP} cannot leave the VPC.`,
        },
      ],
    });
  });

  it("follows the subnet's explicit route table rather than the main one", () => {
    const lab = createTestLab();
    const { VpcId, SubnetId, instanceId, RouteTableId: main } = ownVpc(lab);
    const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
    lab.ec2('CreateRoute', { RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId });
    const isolated = lab.ec2('CreateRouteTable', { VpcId }).RouteTable!.RouteTableId!;
    const { AssociationId } = lab.ec2('AssociateRouteTable', { RouteTableId: isolated, SubnetId });
    expect(ask(lab, instanceId)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'no-route-to-internet-gateway', routeTableId: isolated }],
    });
    lab.ec2('DisassociateRouteTable', { AssociationId: AssociationId! });
    expect(ask(lab, instanceId)).toEqual({ allowed: true });
  });

  it('blocks when the network ACL denies the packet inbound, naming the ACL and the rule', () => {
    const lab = createTestLab();
    const id = booted(lab, { SecurityGroupIds: [sshGroup(lab)] });
    const subnetId = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.SubnetId!;
    const aclId = lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] })
      .NetworkAcls![0]!.NetworkAclId!;
    lab.ec2('CreateNetworkAclEntry', {
      NetworkAclId: aclId,
      RuleNumber: 50,
      Egress: false,
      Protocol: '6',
      RuleAction: 'deny',
      CidrBlock: `${MY_IP}/32`,
      PortRange: { From: 22, To: 22 },
    });
    expect(ask(lab, id)).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'network-acl-inbound',
          networkAclId: aclId,
          rule: '50',
          message: `Network ACL ${aclId} of subnet ${subnetId} denies inbound TCP port 22 from ${MY_IP} (rule 50).`,
        },
      ],
    });
    // Rule 100 still allows everyone else: rules are read in number order.
    expect(ask(lab, id, { source: '203.0.113.8' })).toMatchObject({
      allowed: false,
      reasons: [{ code: 'no-inbound-rule' }],
    });
  });

  it('blocks when the network ACL lets the packet in but not its reply out (stateless)', () => {
    const lab = createTestLab();
    const id = booted(lab, { SecurityGroupIds: [sshGroup(lab)] });
    const instance = lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    const aclId = lab.ec2('CreateNetworkAcl', { VpcId: instance.VpcId! }).NetworkAcl!.NetworkAclId!;
    const current = lab.ec2('DescribeNetworkAcls', {
      Filters: [{ Name: 'association.subnet-id', Values: [instance.SubnetId!] }],
    }).NetworkAcls![0]!;
    lab.ec2('ReplaceNetworkAclAssociation', {
      AssociationId: current.Associations!.find((a) => a.SubnetId === instance.SubnetId)!.NetworkAclAssociationId!,
      NetworkAclId: aclId,
    });
    const entry = (Egress: boolean, From: number, To: number) =>
      lab.ec2('CreateNetworkAclEntry', {
        NetworkAclId: aclId,
        RuleNumber: 100,
        Egress,
        Protocol: 'tcp',
        RuleAction: 'allow',
        CidrBlock: '0.0.0.0/0',
        PortRange: { From, To },
      });
    expect(ask(lab, id)).toMatchObject({
      allowed: false,
      reasons: [
        { code: 'network-acl-inbound', rule: '*' },
        { code: 'network-acl-outbound', rule: '*' },
      ],
    });
    entry(false, 22, 22);
    expect(ask(lab, id)).toEqual({
      allowed: false,
      reasons: [
        {
          code: 'network-acl-outbound',
          networkAclId: aclId,
          rule: '*',
          message: `Network ACL ${aclId} of subnet ${instance.SubnetId} denies the reply outbound to ${MY_IP} on TCP port 49152 (rule *): network ACLs are stateless, so replies need an outbound rule too.`,
        },
      ],
    });
    entry(true, 1024, 65535);
    expect(ask(lab, id)).toEqual({ allowed: true });
    // Inside one subnet, no network ACL is passed.
    const peer = booted(lab, { SubnetId: instance.SubnetId });
    const peerIp = lab.ec2('DescribeInstances', { InstanceIds: [peer] }).Reservations![0]!.Instances![0]!
      .PrivateIpAddress!;
    lab.ec2('DeleteNetworkAclEntry', { NetworkAclId: aclId, Egress: false, RuleNumber: 100 });
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: instance.SecurityGroups![0]!.GroupId!,
      IpPermissions: [ssh(`${peerIp}/32`)],
    });
    expect(ask(lab, id, { source: peerIp })).toEqual({ allowed: true });
  });
});
