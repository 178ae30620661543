/**
 * Public IPv4 on instances (EC2 User Guide: using-instance-addressing): auto-assigned only where the
 * subnet maps public addresses or the launch asks for one, never when it says no; released on stop,
 * hibernate and terminate, a new one on start; DNS names as AWS forms them; and RunInstances'
 * network members (NetworkInterfaces[0], SubnetId, PrivateIpAddress) served or refused clearly.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';
import { TIMINGS } from './lifecycle';

const instanceOf = (lab: TestLab, id: string, region?: string): Instance =>
  lab.ec2('DescribeInstances', { InstanceIds: [id] }, region).Reservations![0]!.Instances![0]!;
const subnets = (lab: TestLab) =>
  lab.ec2('DescribeSubnets', {}).Subnets!.sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!));

/** A lab whose first default subnet no longer maps public addresses (as ModifySubnetAttribute would leave it). */
function labWithPrivateSubnet(): { lab: TestLab; subnetId: string } {
  const lab = createTestLab();
  const subnetId = subnets(lab)[0]!.SubnetId!;
  const file = JSON.parse(lab.lab('ExportLab', {}).content) as {
    records: { collection: string; id: string; data: Record<string, unknown> }[];
  };
  file.records.find((r) => r.collection === 'subnets' && r.id === subnetId)!.data.mapPublicIpOnLaunch = false;
  lab.lab('ImportLab', { content: JSON.stringify(file) });
  return { lab, subnetId };
}

const stop = (lab: TestLab, id: string) => {
  lab.ec2('StopInstances', { InstanceIds: [id] });
  lab.pass(TIMINGS.stoppingMs);
};
const start = (lab: TestLab, id: string) => {
  lab.ec2('StartInstances', { InstanceIds: [id] });
  lab.pass(TIMINGS.pendingMs);
};

describe('auto-assigned public IPv4 addresses', () => {
  it('gives one in a subnet that maps public addresses, with AWS’s DNS names, and none when the launch says no', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const instance = instanceOf(lab, id);
    expect(instance.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(instance.PublicDnsName).toBe(
      `ec2-${instance.PublicIpAddress!.replaceAll('.', '-')}.ap-northeast-2.compute.amazonaws.com`,
    );
    expect(instance.PrivateDnsName).toBe(
      `ip-${instance.PrivateIpAddress!.replaceAll('.', '-')}.ap-northeast-2.compute.internal`,
    );
    expect(instance.NetworkInterfaces![0]!.Association).toMatchObject({
      IpOwnerId: 'amazon',
      PublicIp: instance.PublicIpAddress,
    });

    const without = lab.launch({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] });
    const bare = instanceOf(lab, without);
    expect(bare.PublicIpAddress).toBeUndefined();
    expect(bare.PublicDnsName).toBe('');
    expect(bare.NetworkInterfaces![0]!.Association).toBeUndefined();
    // And it stays without one across stop and start.
    lab.pass(TIMINGS.pendingMs);
    stop(lab, without);
    start(lab, without);
    expect(instanceOf(lab, without).PublicIpAddress).toBeUndefined();
  });

  it('names us-east-1’s addresses with compute-1.amazonaws.com and ec2.internal', () => {
    const lab = createTestLab();
    const id = lab.launch({}, 'us-east-1');
    const instance = instanceOf(lab, id, 'us-east-1');
    expect(instance.PublicDnsName).toBe(
      `ec2-${instance.PublicIpAddress!.replaceAll('.', '-')}.compute-1.amazonaws.com`,
    );
    expect(instance.PrivateDnsName).toBe(`ip-${instance.PrivateIpAddress!.replaceAll('.', '-')}.ec2.internal`);
  });

  it('gives none in a subnet that does not map them, unless the launch asks for one', () => {
    const { lab, subnetId } = labWithPrivateSubnet();
    const plain = lab.launch({ SubnetId: subnetId });
    expect(instanceOf(lab, plain).PublicIpAddress).toBeUndefined();
    const asked = lab.launch({
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId, AssociatePublicIpAddress: true }],
    });
    expect(instanceOf(lab, asked)).toMatchObject({ SubnetId: subnetId, PublicIpAddress: expect.any(String) });
    // The launch's choice holds on every start.
    lab.pass(TIMINGS.pendingMs);
    stop(lab, asked);
    start(lab, asked);
    expect(instanceOf(lab, asked).PublicIpAddress).toEqual(expect.any(String));
  });

  it('releases the address on stop and hibernate, gives a new one on start, and keeps the private address', () => {
    const lab = createTestLab();
    const id = lab.launch();
    lab.pass(TIMINGS.pendingMs);
    const first = instanceOf(lab, id);
    stop(lab, id);
    const stopped = instanceOf(lab, id);
    expect(stopped.PublicIpAddress).toBeUndefined();
    expect(stopped.PublicDnsName).toBe('');
    expect(stopped.PrivateIpAddress).toBe(first.PrivateIpAddress);
    lab.ec2('StartInstances', { InstanceIds: [id] });
    const started = instanceOf(lab, id);
    expect(started.PublicIpAddress).toEqual(expect.any(String));
    expect(started.PublicIpAddress).not.toBe(first.PublicIpAddress);
    expect(started.PrivateIpAddress).toBe(first.PrivateIpAddress);
  });

  it('releases it on termination, and several launched together never share an address', () => {
    const lab = createTestLab();
    const reservation = lab.ec2('RunInstances', {
      ImageId: quickStartImage('amazon-linux'),
      InstanceType: 't3.micro',
      MinCount: 5,
      MaxCount: 5,
    });
    const ids = reservation.Instances!.map((i) => i.InstanceId!);
    const publics = reservation.Instances!.map((i) => i.PublicIpAddress);
    const privates = reservation.Instances!.map((i) => i.PrivateIpAddress);
    expect(new Set(publics).size).toBe(5);
    expect(new Set(privates).size).toBe(5);
    lab.ec2('TerminateInstances', { InstanceIds: [ids[0]!] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(instanceOf(lab, ids[0]!)).toMatchObject({ PublicDnsName: '', PrivateDnsName: '' });
    expect(instanceOf(lab, ids[0]!).PublicIpAddress).toBeUndefined();
  });
});

describe('RunInstances network members', () => {
  it('serves NetworkInterfaces[0]: subnet, groups, private address, description and DeleteOnTermination', () => {
    const lab = createTestLab();
    const subnet = subnets(lab)[1]!;
    const group = lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }).GroupId!;
    const base = subnet.CidrBlock!.split('/')[0]!.split('.').map(Number);
    const address = [base[0], base[1], base[2], 10].join('.');
    const id = lab.launch({
      NetworkInterfaces: [
        {
          DeviceIndex: 0,
          SubnetId: subnet.SubnetId,
          Groups: [group],
          PrivateIpAddress: address,
          DeleteOnTermination: false,
          Description: 'primary',
        },
      ],
    });
    const instance = instanceOf(lab, id);
    expect(instance).toMatchObject({
      SubnetId: subnet.SubnetId,
      PrivateIpAddress: address,
      SecurityGroups: [{ GroupId: group, GroupName: 'web' }],
    });
    expect(instance.NetworkInterfaces![0]).toMatchObject({
      Description: 'primary',
      Attachment: { DeviceIndex: 0, DeleteOnTermination: false },
    });
    // DeleteOnTermination false: the interface stays, available, after the instance terminates.
    const eniId = instance.NetworkInterfaces![0]!.NetworkInterfaceId!;
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    const [eni] = lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [eniId] }).NetworkInterfaces!;
    expect(eni).toMatchObject({ Status: 'available', PrivateIpAddress: address });
    expect(eni!.Attachment).toBeUndefined();
    expect(eni!.Association).toBeUndefined();
  });

  it('serves an instance-level PrivateIpAddress, refusing one outside the subnet, reserved or in use', () => {
    const lab = createTestLab();
    const subnet = subnets(lab)[0]!;
    const [a, b, c] = subnet.CidrBlock!.split('/')[0]!.split('.');
    const at = (last: number, third = Number(c)) => `${a}.${b}.${third}.${last}`;
    const id = lab.launch({ SubnetId: subnet.SubnetId, PrivateIpAddress: at(20) });
    expect(instanceOf(lab, id).PrivateIpAddress).toBe(at(20));
    const launch = (PrivateIpAddress: string, extra = {}) =>
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnet.SubnetId,
        PrivateIpAddress,
        ...extra,
      });
    expect(launch(at(20))).toEqual({ code: 'InvalidIPAddress.InUse', message: `Address ${at(20)} is in use.` });
    expect(launch('10.9.9.9')).toEqual({
      code: 'InvalidParameterValue',
      message: "Address does not fall within the subnet's address range",
    });
    expect(launch(at(2))).toEqual({
      code: 'InvalidParameterValue',
      message: "Address is in subnet's reserved address range",
    });
    expect(launch(at(255, Number(c) + 15))).toMatchObject({ code: 'InvalidParameterValue' });
    expect(launch(at(21), { MaxCount: 2 }).code).toBe('InvalidParameterCombination');
    expect(lab.ec2('DescribeInstances', {}).Reservations).toHaveLength(1);
  });

  it('refuses NetworkInterfaces beside an instance-level subnet, address or groups, with AWS’s words', () => {
    const lab = createTestLab();
    const subnetId = subnets(lab)[0]!.SubnetId!;
    const launch = (extra: object) =>
      lab.ec2Error('RunInstances', {
        ImageId: quickStartImage('amazon-linux'),
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }],
        ...extra,
      });
    expect(launch({ SubnetId: subnetId })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'Network interfaces and an instance-level subnet ID may not be specified on the same request',
    });
    expect(launch({ PrivateIpAddress: '172.31.0.10' })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'Network interfaces and an instance-level private IP address may not be specified on the same request',
    });
    expect(launch({ SecurityGroupIds: ['sg-0123456789abcdef0'] }).code).toBe('InvalidParameterCombination');
    expect(
      launch({
        NetworkInterfaces: [
          { DeviceIndex: 0, AssociatePublicIpAddress: true },
          { DeviceIndex: 1, SubnetId: subnetId },
        ],
      }),
    ).toEqual({
      code: 'InvalidParameterCombination',
      message:
        'The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.',
    });
    expect(launch({ NetworkInterfaces: [{ DeviceIndex: 1 }] }).code).toBe('InvalidParameterValue');
    expect(launch({ NetworkInterfaces: [{ SubnetId: subnetId }] }).code).toBe('MissingParameter');
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
  });
});
