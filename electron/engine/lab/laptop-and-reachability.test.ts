import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, TEST_REGION } from '../test-support/test-lab';

describe("the learner's laptop and the gate, as lab operations", () => {
  it('gives the laptop one public IP in 203.0.113.0/24, kept across a restart', () => {
    const lab = createTestLab();
    const { PublicIp } = lab.lab('GetLaptop', {});
    expect(PublicIp).toMatch(/^203\.0\.113\.(\d+)$/);
    expect(lab.reopen().lab('GetLaptop', {}).PublicIp).toBe(PublicIp);
  });

  it('answers SSH from My IP: blocked while booting and without a rule, allowed once a rule names it', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const ssh = () =>
      lab.lab('DescribeReachability', { Region: TEST_REGION, InstanceId: id, Protocol: 'tcp', Port: 22 });
    const { PublicIp } = lab.lab('GetLaptop', {});
    const pending = ssh();
    expect(pending.Allowed).toBe(false);
    expect(pending.SourceIp).toBe(PublicIp);
    expect(pending.Reasons.map((r) => r.Code)).toEqual(['instance-not-running', 'no-inbound-rule']);
    lab.pass(TIMINGS.pendingMs + TIMINGS.statusChecksMs);
    const noRule = ssh();
    expect(noRule.Reasons.map((r) => r.Code)).toEqual(['no-inbound-rule']);
    const groupId = noRule.Reasons[0]!.GroupIds![0]!;
    lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${PublicIp}/32` }] }],
    });
    expect(ssh()).toEqual({ Allowed: true, SourceIp: PublicIp, Reasons: [] });
    expect(
      lab.lab('DescribeReachability', {
        Region: TEST_REGION,
        InstanceId: id,
        Protocol: 'tcp',
        Port: 22,
        SourceIp: '198.51.100.7',
      }).Allowed,
    ).toBe(false);
    expect(
      lab.labError('DescribeReachability', {
        Region: TEST_REGION,
        InstanceId: 'i-0123456789abcdef0',
        Protocol: 'tcp',
        Port: 22,
      }).code,
    ).toBe('InvalidInstanceID.NotFound');
  });
});
