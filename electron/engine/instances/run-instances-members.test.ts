import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

const base = () => ({
  ImageId: quickStartImage('amazon-linux'),
  InstanceType: 't3.micro' as const,
  MinCount: 1,
  MaxCount: 1,
});

describe('what the lab does not simulate is refused, never dropped', () => {
  it('refuses RunInstances members it does not simulate, naming them, and launches nothing', () => {
    const lab = createTestLab();
    const refused: [Record<string, unknown>, string][] = [
      [{ InstanceMarketOptions: { MarketType: 'spot' } }, 'InstanceMarketOptions'],
      [{ IamInstanceProfile: { Name: 'role' } }, 'IamInstanceProfile'],
      [{ NetworkInterfaces: [{ DeviceIndex: 0, Ipv6AddressCount: 1 }] }, 'NetworkInterface.Ipv6AddressCount'],
      [
        { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: 'eni-0123456789abcdef0' }] },
        'NetworkInterface.NetworkInterfaceId',
      ],
      [{ Ipv6AddressCount: 1 }, 'Ipv6AddressCount'],
      [{ CreditSpecification: { CpuCredits: 'unlimited' } }, 'CreditSpecification'],
      [{ Monitoring: { Enabled: true } }, 'Monitoring.Enabled'],
      [{ Placement: { Tenancy: 'dedicated' } }, 'Placement.Tenancy'],
      [{ Placement: { HostId: 'h-0123456789abcdef0' } }, 'Placement.HostId'],
      [
        { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10, KmsKeyId: 'alias/mine' } }] },
        'BlockDeviceMapping.Ebs.KmsKeyId',
      ],
    ];
    for (const [extra, member] of refused) {
      expect(lab.ec2Error('RunInstances', { ...base(), ...extra } as never), member).toEqual({
        code: 'UnsupportedOperation',
        message: `EC2 Lab does not simulate ${member} of RunInstances yet, so it refuses the request rather than ignore it. Leave ${member} out to go on.`,
      });
    }
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    // What the lab does serve still launches: basic monitoring, default tenancy, the root volume's settings.
    lab.ec2('RunInstances', {
      ...base(),
      Monitoring: { Enabled: false },
      Placement: { Tenancy: 'default', AvailabilityZone: 'ap-northeast-2a' },
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 12, VolumeType: 'gp2', DeleteOnTermination: false } },
      ],
    });
    expect(lab.ec2('DescribeInstances', {}).Reservations).toHaveLength(1);
  });

  it('answers a security group that does not exist with InvalidGroup.NotFound, as AWS does', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('RunInstances', { ...base(), SecurityGroupIds: ['sg-0123456789abcdef0'] })).toEqual({
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
    });
  });

  it('refuses ModifyInstanceAttribute members it does not simulate', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, SourceDestCheck: { Value: false } })).toEqual({
      code: 'UnsupportedOperation',
      message:
        'EC2 Lab does not simulate SourceDestCheck of ModifyInstanceAttribute yet, so it refuses the request rather than ignore it. Leave SourceDestCheck out to go on.',
    });
    expect(lab.ec2Error('ModifyInstanceAttribute', { InstanceId: id, Kernel: { Value: 'aki-12345678' } }).code).toBe(
      'UnsupportedOperation',
    );
  });
});
