/**
 * Network interfaces as resources of their own: CreateNetworkInterface (private address skipping the
 * reserved five, secondary addresses, groups, description, tags), DeleteNetworkInterface (refused
 * while attached), Attach/DetachNetworkInterface (same zone, free device index, running or stopped
 * instance, the primary never detaches), Assign/UnassignPrivateIpAddresses, the Attachment attribute,
 * and what DescribeInstances shows of every attached interface.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { ipToNumber } from './ip-addresses';

const instanceOf = (lab: TestLab, id: string): Instance =>
  lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
const subnetOf = (lab: TestLab, zone: string) =>
  lab.ec2('DescribeSubnets', { Filters: [{ Name: 'availability-zone', Values: [zone] }] }).Subnets![0]!;
const eniOf = (lab: TestLab, id: string) =>
  lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [id] }).NetworkInterfaces![0]!;

function runningIn(lab: TestLab, zone: string, InstanceType: 't3.micro' | 't3.medium' = 't3.micro'): string {
  const id = lab.launch({ InstanceType, Placement: { AvailabilityZone: zone } });
  lab.pass(TIMINGS.pendingMs);
  return id;
}

describe('CreateNetworkInterface and DeleteNetworkInterface', () => {
  it('creates an available interface in the subnet with the default group, then deletes it', () => {
    const lab = createTestLab();
    const subnet = subnetOf(lab, 'ap-northeast-2a');
    const created = lab.ec2('CreateNetworkInterface', {
      SubnetId: subnet.SubnetId,
      Description: 'spare',
      SecondaryPrivateIpAddressCount: 2,
      TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'spare' }] }],
    }).NetworkInterface!;
    expect(created).toMatchObject({
      NetworkInterfaceId: expect.stringMatching(/^eni-[0-9a-f]{17}$/),
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      AvailabilityZone: 'ap-northeast-2a',
      Description: 'spare',
      Status: 'available',
      Groups: [{ GroupName: 'default' }],
      TagSet: [{ Key: 'Name', Value: 'spare' }],
      SourceDestCheck: true,
    });
    expect(created.Attachment).toBeUndefined();
    expect(created.PrivateIpAddresses!.map((a) => a.Primary)).toEqual([true, false, false]);
    const [base, bits] = subnet.CidrBlock!.split('/');
    const start = ipToNumber(base!);
    const end = start + 2 ** (32 - Number(bits)) - 1;
    for (const { PrivateIpAddress } of created.PrivateIpAddresses!) {
      const value = ipToNumber(PrivateIpAddress!);
      expect(value).toBeGreaterThanOrEqual(start + 4);
      expect(value).toBeLessThan(end);
    }
    const remaining = lab.ec2('DescribeSubnets', { SubnetIds: [subnet.SubnetId!] }).Subnets![0]!;
    expect(remaining.AvailableIpAddressCount).toBe(subnet.AvailableIpAddressCount! - 3);
    expect(lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: created.NetworkInterfaceId })).toEqual({});
    expect(lab.ec2Error('DescribeNetworkInterfaces', { NetworkInterfaceIds: [created.NetworkInterfaceId!] }).code).toBe(
      'InvalidNetworkInterfaceID.NotFound',
    );
  });

  it('takes a named private address, refusing a reserved, outside or used one, and unknown subnets', () => {
    const lab = createTestLab();
    const subnet = subnetOf(lab, 'ap-northeast-2a');
    const [a, b, c] = subnet.CidrBlock!.split('.');
    const created = lab.ec2('CreateNetworkInterface', {
      SubnetId: subnet.SubnetId,
      PrivateIpAddress: `${a}.${b}.${c}.50`,
    }).NetworkInterface!;
    expect(created.PrivateIpAddress).toBe(`${a}.${b}.${c}.50`);
    const create = (PrivateIpAddress: string) =>
      lab.ec2Error('CreateNetworkInterface', { SubnetId: subnet.SubnetId, PrivateIpAddress });
    expect(create(`${a}.${b}.${c}.50`)).toEqual({
      code: 'InvalidIPAddress.InUse',
      message: `Address ${a}.${b}.${c}.50 is in use.`,
    });
    expect(create(`${a}.${b}.${c}.3`).message).toBe("Address is in subnet's reserved address range");
    expect(create('192.168.1.10').message).toBe("Address does not fall within the subnet's address range");
    expect(lab.ec2Error('CreateNetworkInterface', { SubnetId: 'subnet-0123456789abcdef0' })).toEqual({
      code: 'InvalidSubnetID.NotFound',
      message: "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    });
    expect(lab.ec2('DescribeNetworkInterfaces', {}).NetworkInterfaces).toHaveLength(1);
  });

  it('refuses to delete an interface while it is attached', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const eniId = instanceOf(lab, id).NetworkInterfaces![0]!.NetworkInterfaceId!;
    expect(lab.ec2Error('DeleteNetworkInterface', { NetworkInterfaceId: eniId })).toEqual({
      code: 'InvalidParameterValue',
      message: `Network interface '${eniId}' is currently in use.`,
    });
  });
});

describe('AttachNetworkInterface and DetachNetworkInterface', () => {
  it('attaches at a free device index, shows it on the instance, and detaches it', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const eniId = lab.ec2('CreateNetworkInterface', { SubnetId: subnetOf(lab, 'ap-northeast-2a').SubnetId })
      .NetworkInterface!.NetworkInterfaceId!;
    const attached = lab.ec2('AttachNetworkInterface', { NetworkInterfaceId: eniId, InstanceId: id, DeviceIndex: 1 });
    expect(attached).toEqual({ AttachmentId: expect.stringMatching(/^eni-attach-[0-9a-f]{17}$/), NetworkCardIndex: 0 });
    expect(eniOf(lab, eniId)).toMatchObject({
      Status: 'in-use',
      Attachment: { InstanceId: id, DeviceIndex: 1, DeleteOnTermination: false, AttachmentId: attached.AttachmentId },
    });
    const shown = instanceOf(lab, id).NetworkInterfaces!;
    expect(shown.map((n) => [n.NetworkInterfaceId, n.Attachment!.DeviceIndex])).toEqual([
      [shown[0]!.NetworkInterfaceId, 0],
      [eniId, 1],
    ]);
    expect(
      lab.ec2('DescribeInstances', { Filters: [{ Name: 'network-interface.network-interface-id', Values: [eniId] }] })
        .Reservations,
    ).toHaveLength(1);
    expect(lab.ec2Error('DetachNetworkInterface', { AttachmentId: shown[0]!.Attachment!.AttachmentId })).toEqual({
      code: 'OperationNotPermitted',
      message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
    });
    expect(lab.ec2('DetachNetworkInterface', { AttachmentId: attached.AttachmentId })).toEqual({});
    expect(eniOf(lab, eniId).Status).toBe('available');
    expect(instanceOf(lab, id).NetworkInterfaces).toHaveLength(1);
    expect(lab.ec2Error('DetachNetworkInterface', { AttachmentId: attached.AttachmentId })).toEqual({
      code: 'InvalidAttachmentID.NotFound',
      message: `The network interface attachment ID '${attached.AttachmentId}' does not exist`,
    });
  });

  it('refuses a taken device index, another zone, an interface in use and a pending instance', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const other = runningIn(lab, 'ap-northeast-2a');
    const create = (zone: string) =>
      lab.ec2('CreateNetworkInterface', { SubnetId: subnetOf(lab, zone).SubnetId }).NetworkInterface!
        .NetworkInterfaceId!;
    const eniId = create('ap-northeast-2a');
    expect(
      lab.ec2Error('AttachNetworkInterface', { NetworkInterfaceId: eniId, InstanceId: id, DeviceIndex: 0 }),
    ).toEqual({
      code: 'InvalidParameterValue',
      message: `Instance '${id}' already has an interface attached at device index '0'.`,
    });
    expect(
      lab.ec2Error('AttachNetworkInterface', {
        NetworkInterfaceId: create('ap-northeast-2b'),
        InstanceId: id,
        DeviceIndex: 1,
      }).code,
    ).toBe('InvalidParameterCombination');
    lab.ec2('AttachNetworkInterface', { NetworkInterfaceId: eniId, InstanceId: id, DeviceIndex: 1 });
    expect(
      lab.ec2Error('AttachNetworkInterface', { NetworkInterfaceId: eniId, InstanceId: other, DeviceIndex: 1 }),
    ).toEqual({ code: 'InvalidNetworkInterface.InUse', message: `Interface: [${eniId}] in use.` });
    const pending = lab.launch({ Placement: { AvailabilityZone: 'ap-northeast-2a' } });
    expect(
      lab.ec2Error('AttachNetworkInterface', {
        NetworkInterfaceId: create('ap-northeast-2a'),
        InstanceId: pending,
        DeviceIndex: 1,
      }).code,
    ).toBe('IncorrectInstanceState');
  });

  it('keeps an interface attached later when the instance terminates, and stops new auto-assigned addresses', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const eniId = lab.ec2('CreateNetworkInterface', { SubnetId: subnetOf(lab, 'ap-northeast-2a').SubnetId })
      .NetworkInterface!.NetworkInterfaceId!;
    lab.ec2('AttachNetworkInterface', { NetworkInterfaceId: eniId, InstanceId: id, DeviceIndex: 1 });
    expect(instanceOf(lab, id).PublicIpAddress).toEqual(expect.any(String));
    // With a second interface attached, a started instance gets no new public address (using-instance-addressing).
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    lab.ec2('StartInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.pendingMs);
    expect(instanceOf(lab, id).PublicIpAddress).toBeUndefined();
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(eniOf(lab, eniId).Status).toBe('available');
    expect(lab.ec2('DescribeNetworkInterfaces', {}).NetworkInterfaces).toHaveLength(1);
  });

  it('changes the attachment’s DeleteOnTermination', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const primary = instanceOf(lab, id).NetworkInterfaces![0]!;
    lab.ec2('ModifyNetworkInterfaceAttribute', {
      NetworkInterfaceId: primary.NetworkInterfaceId,
      Attachment: { AttachmentId: primary.Attachment!.AttachmentId, DeleteOnTermination: false },
    });
    expect(eniOf(lab, primary.NetworkInterfaceId!).Attachment!.DeleteOnTermination).toBe(false);
    expect(
      lab.ec2Error('ModifyNetworkInterfaceAttribute', {
        NetworkInterfaceId: primary.NetworkInterfaceId,
        Attachment: { AttachmentId: 'eni-attach-0123456789abcdef0', DeleteOnTermination: true },
      }).code,
    ).toBe('InvalidAttachmentID.NotFound');
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(eniOf(lab, primary.NetworkInterfaceId!).Status).toBe('available');
  });
});

describe('AssignPrivateIpAddresses and UnassignPrivateIpAddresses', () => {
  it('adds secondary addresses by count and by name, shows them on the instance, and removes them', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a', 't3.medium');
    const primary = instanceOf(lab, id).NetworkInterfaces![0]!;
    const eniId = primary.NetworkInterfaceId!;
    const counted = lab.ec2('AssignPrivateIpAddresses', {
      NetworkInterfaceId: eniId,
      SecondaryPrivateIpAddressCount: 1,
    });
    expect(counted.NetworkInterfaceId).toBe(eniId);
    const [a, b, c] = primary.PrivateIpAddress!.split('.');
    const named = `${a}.${b}.${c === '0' ? '1' : c}.77`;
    lab.ec2('AssignPrivateIpAddresses', { NetworkInterfaceId: eniId, PrivateIpAddresses: [named] });
    const secondaries = [counted.AssignedPrivateIpAddresses![0]!.PrivateIpAddress!, named];
    expect(instanceOf(lab, id).NetworkInterfaces![0]!.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).toEqual([
      primary.PrivateIpAddress,
      ...secondaries,
    ]);
    expect(
      lab
        .ec2('DescribeNetworkInterfaces', { Filters: [{ Name: 'addresses.private-ip-address', Values: [named] }] })
        .NetworkInterfaces!.map((n) => n.NetworkInterfaceId),
    ).toEqual([eniId]);
    // t3.medium takes 6 addresses per interface (EC2 User Guide: AvailableIpPerENI).
    expect(
      lab.ec2Error('AssignPrivateIpAddresses', { NetworkInterfaceId: eniId, SecondaryPrivateIpAddressCount: 4 }),
    ).toEqual({ code: 'PrivateIpAddressLimitExceeded', message: 'Number of private addresses will exceed limit.' });
    expect(
      lab.ec2Error('AssignPrivateIpAddresses', { NetworkInterfaceId: eniId, PrivateIpAddresses: [named] }).code,
    ).toBe('InvalidIPAddress.InUse');
    // An Elastic IP on a secondary address goes with it.
    const eip = lab.ec2('AllocateAddress', {});
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, NetworkInterfaceId: eniId, PrivateIpAddress: named });
    expect(instanceOf(lab, id).PublicIpAddress).not.toBe(eip.PublicIp);
    expect(
      lab.ec2Error('UnassignPrivateIpAddresses', {
        NetworkInterfaceId: eniId,
        PrivateIpAddresses: [primary.PrivateIpAddress!],
      }),
    ).toEqual({
      code: 'InvalidParameterValue',
      message: `Some of the specified addresses are not assigned to interface ${eniId}`,
    });
    lab.ec2('UnassignPrivateIpAddresses', { NetworkInterfaceId: eniId, PrivateIpAddresses: secondaries });
    expect(eniOf(lab, eniId).PrivateIpAddresses).toHaveLength(1);
    expect(lab.ec2('DescribeAddresses', {}).Addresses![0]!.AssociationId).toBeUndefined();
  });
});

describe('limits and Elastic IPs on interfaces', () => {
  it('refuses more interfaces than the instance type takes (t3.micro: 2)', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const subnetId = subnetOf(lab, 'ap-northeast-2a').SubnetId;
    const create = () =>
      lab.ec2('CreateNetworkInterface', { SubnetId: subnetId }).NetworkInterface!.NetworkInterfaceId!;
    lab.ec2('AttachNetworkInterface', { NetworkInterfaceId: create(), InstanceId: id, DeviceIndex: 1 });
    expect(
      lab.ec2Error('AttachNetworkInterface', { NetworkInterfaceId: create(), InstanceId: id, DeviceIndex: 2 }),
    ).toEqual({ code: 'AttachmentLimitExceeded', message: 'Interface count 3 exceeds the limit for t3.micro' });
  });

  it('takes an Elastic IP on an unattached interface, keeps it through attach and detach, and frees it on delete', () => {
    const lab = createTestLab();
    const id = runningIn(lab, 'ap-northeast-2a');
    const eniId = lab.ec2('CreateNetworkInterface', { SubnetId: subnetOf(lab, 'ap-northeast-2a').SubnetId })
      .NetworkInterface!.NetworkInterfaceId!;
    const eip = lab.ec2('AllocateAddress', {});
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, NetworkInterfaceId: eniId });
    expect(eniOf(lab, eniId).Association).toMatchObject({ PublicIp: eip.PublicIp, AllocationId: eip.AllocationId });
    expect(lab.ec2('DescribeAddresses', {}).Addresses![0]!.InstanceId).toBeUndefined();
    const { AttachmentId } = lab.ec2('AttachNetworkInterface', {
      NetworkInterfaceId: eniId,
      InstanceId: id,
      DeviceIndex: 1,
    });
    expect(lab.ec2('DescribeAddresses', {}).Addresses![0]!.InstanceId).toBe(id);
    // With two interfaces, AssociateAddress by instance id cannot tell which one is meant.
    const other = lab.ec2('AllocateAddress', {});
    expect(lab.ec2Error('AssociateAddress', { AllocationId: other.AllocationId, InstanceId: id })).toEqual({
      code: 'InvalidInstanceID',
      message: `There are multiple interfaces attached to instance '${id}'. Please specify an interface ID for the operation instead.`,
    });
    lab.ec2('DetachNetworkInterface', { AttachmentId });
    expect(eniOf(lab, eniId).Association!.PublicIp).toBe(eip.PublicIp);
    lab.ec2('DeleteNetworkInterface', { NetworkInterfaceId: eniId });
    const [address] = lab.ec2('DescribeAddresses', { AllocationIds: [eip.AllocationId!] }).Addresses!;
    expect(address!.AssociationId).toBeUndefined();
    expect(address!.NetworkInterfaceId).toBeUndefined();
  });
});
