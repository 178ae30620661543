/**
 * The reachability gate, one test per reason and their order: a stopped or booting instance, no
 * public address from outside the VPC, no inbound rule (naming the groups checked), group
 * references from inside the VPC, and rules changing what gets in at once.
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

function sshGroup(lab: TestLab, cidr = `${MY_IP}/32`): string {
  const groupId = lab.ec2('CreateSecurityGroup', { GroupName: 'ssh', Description: 'ssh in' }).GroupId!;
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
