/** The rules editor's rows: port ranges, CIDR checks, the 0.0.0.0/0 warning, and rows as IpPermissions. */
import { describe, expect, it } from 'vitest';
import {
  isIpv4Cidr,
  newRow,
  opensAdminPortToAnywhere,
  parsePortRange,
  rowErrors,
  rowOf,
  toPermission,
  withSource,
  withType,
} from './rule-form';
import { nextLaunchWizardName } from '../launch/launch-security-group';

describe('rule rows', () => {
  it('reads ports and port ranges within 0–65535', () => {
    expect(parsePortRange('22')).toEqual([22, 22]);
    expect(parsePortRange(' 1024 - 2048 ')).toEqual([1024, 2048]);
    expect(parsePortRange('70000')).toBeUndefined();
    expect(parsePortRange('90-80')).toBeUndefined();
    expect(parsePortRange('ssh')).toBeUndefined();
    expect(parsePortRange('')).toBeUndefined();
  });

  it('accepts IPv4 CIDR blocks only', () => {
    expect(isIpv4Cidr('203.0.113.7/32')).toBe(true);
    expect(isIpv4Cidr('0.0.0.0/0')).toBe(true);
    expect(isIpv4Cidr('10.0.0.0/33')).toBe(false);
    expect(isIpv4Cidr('256.0.0.0/8')).toBe(false);
    expect(isIpv4Cidr('10.0.0.0')).toBe(false);
  });

  it('fills ports from the Type and the CIDR from the Source', () => {
    const ssh = withType(newRow('custom-tcp'), 'ssh');
    expect(ssh.portRange).toBe('22');
    expect(withType(ssh, 'custom-udp').portRange).toBe('');
    expect(withSource(ssh, 'my-ip', '203.0.113.9').cidr).toBe('203.0.113.9/32');
    expect(withSource(ssh, 'anywhere', '203.0.113.9').cidr).toBe('0.0.0.0/0');
    expect(rowErrors({ ...newRow('custom-tcp'), portRange: '70000', cidr: 'x' })).toEqual({ port: true, cidr: true });
    expect(rowErrors({ ...newRow('ssh'), cidr: 'sg-0123456789abcdef0' })).toEqual({});
  });

  it('warns for SSH, RDP or all traffic from anywhere, not for HTTP or My IP', () => {
    expect(opensAdminPortToAnywhere(newRow('ssh', 'anywhere', '0.0.0.0/0'))).toBe(true);
    expect(opensAdminPortToAnywhere(newRow('rdp', 'anywhere', '0.0.0.0/0'))).toBe(true);
    expect(opensAdminPortToAnywhere({ ...newRow('custom-tcp', 'anywhere', '0.0.0.0/0'), portRange: '20-30' })).toBe(
      true,
    );
    expect(opensAdminPortToAnywhere(newRow('http', 'anywhere', '0.0.0.0/0'))).toBe(false);
    expect(opensAdminPortToAnywhere(newRow('ssh', 'my-ip', '203.0.113.9/32'))).toBe(false);
  });

  it('turns rows into IpPermissions and rules back into rows', () => {
    expect(toPermission({ ...newRow('ssh', 'my-ip', '203.0.113.9/32'), description: ' me ' })).toEqual({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.9/32', Description: 'me' }],
    });
    expect(toPermission(newRow('all-traffic', 'anywhere', '0.0.0.0/0'))).toEqual({
      IpProtocol: '-1',
      IpRanges: [{ CidrIp: '0.0.0.0/0', Description: undefined }],
    });
    const row = rowOf(
      { SecurityGroupRuleId: 'sgr-1', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.9/32' },
      '203.0.113.9',
    );
    expect(row).toEqual({
      ruleId: 'sgr-1',
      type: 'ssh',
      portRange: '22',
      source: 'my-ip',
      cidr: '203.0.113.9/32',
      description: '',
    });
  });

  it('names the wizard’s group with the lowest free number', () => {
    expect(nextLaunchWizardName(['default'])).toBe('launch-wizard-1');
    expect(nextLaunchWizardName(['launch-wizard-1', 'launch-wizard-3'])).toBe('launch-wizard-2');
  });
});
