/**
 * Elastic IP addresses on the engine: AllocateAddress (tags, the region's pool, never twice, five at
 * most), DescribeAddresses (ids, public IPs, filters), AssociateAddress by instance or interface
 * (AllowReassociation, the auto-assigned address released), DisassociateAddress (a new auto-assigned
 * address where one is due), ReleaseAddress (refused while associated), an Elastic IP kept across
 * stop/start while an auto-assigned one changes, disassociated on terminate, and kept by a restart
 * and an export/import.
 */
import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { PUBLIC_PREFIXES } from '../network-interfaces/ip-addresses';
import { MemoryStateStore } from '../state/state-store';
import { createTestLab, type TestLab } from '../test-support/test-lab';

const instanceOf = (lab: TestLab, id: string): Instance =>
  lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
const allocate = (lab: TestLab, extra = {}) => lab.ec2('AllocateAddress', { Domain: 'vpc', ...extra });
const addresses = (lab: TestLab, request = {}) => lab.ec2('DescribeAddresses', request).Addresses!;
const running = (lab: TestLab) => {
  const id = lab.launch();
  lab.pass(TIMINGS.pendingMs);
  return id;
};
const stopStart = (lab: TestLab, id: string) => {
  lab.ec2('StopInstances', { InstanceIds: [id] });
  lab.pass(TIMINGS.stoppingMs);
  lab.ec2('StartInstances', { InstanceIds: [id] });
  lab.pass(TIMINGS.pendingMs);
};

describe('AllocateAddress and DescribeAddresses', () => {
  it('allocates a tagged address from the region’s pool, described by id, public IP and filters', () => {
    const lab = createTestLab();
    const eip = allocate(lab, {
      TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    expect(eip).toEqual({
      AllocationId: expect.stringMatching(/^eipalloc-[0-9a-f]{17}$/),
      PublicIp: expect.any(String),
      Domain: 'vpc',
      NetworkBorderGroup: 'ap-northeast-2',
      PublicIpv4Pool: 'amazon',
    });
    expect(PUBLIC_PREFIXES['ap-northeast-2']!.some((p) => eip.PublicIp!.startsWith(`${p}.`))).toBe(true);
    const other = allocate(lab);
    expect(addresses(lab)).toHaveLength(2);
    expect(addresses(lab, { AllocationIds: [eip.AllocationId!] })).toEqual([
      {
        AllocationId: eip.AllocationId,
        Domain: 'vpc',
        NetworkBorderGroup: 'ap-northeast-2',
        PublicIp: eip.PublicIp,
        PublicIpv4Pool: 'amazon',
        Tags: [{ Key: 'Name', Value: 'web' }],
      },
    ]);
    expect(addresses(lab, { PublicIps: [other.PublicIp!] }).map((a) => a.AllocationId)).toEqual([other.AllocationId]);
    const filtered = (Name: string, Values: string[]) =>
      addresses(lab, { Filters: [{ Name, Values }] }).map((a) => a.AllocationId);
    expect(filtered('tag:Name', ['web'])).toEqual([eip.AllocationId]);
    expect(filtered('public-ip', [other.PublicIp!])).toEqual([other.AllocationId]);
    expect(filtered('domain', ['vpc'])).toHaveLength(2);
    expect(lab.ec2Error('DescribeAddresses', { AllocationIds: ['eipalloc-0123456789abcdef0'] })).toEqual({
      code: 'InvalidAllocationID.NotFound',
      message: "The allocation ID 'eipalloc-0123456789abcdef0' does not exist",
    });
    expect(lab.ec2Error('DescribeAddresses', { PublicIps: ['198.51.100.7'] })).toEqual({
      code: 'InvalidAddress.NotFound',
      message: "Address '198.51.100.7' not found.",
    });
    // Another region has its own addresses.
    expect(lab.ec2('DescribeAddresses', {}, 'us-east-1').Addresses).toEqual([]);
  });

  it('hands out at most five per region, each public address once', () => {
    const lab = createTestLab();
    const ips = Array.from({ length: 5 }, () => allocate(lab).PublicIp);
    expect(new Set(ips).size).toBe(5);
    expect(lab.ec2Error('AllocateAddress', {})).toEqual({
      code: 'AddressLimitExceeded',
      message: 'The maximum number of addresses has been reached.',
    });
    expect(lab.ec2Error('AllocateAddress', { Domain: 'standard' }).code).toBe('UnsupportedOperation');
    expect(lab.ec2Error('AllocateAddress', { Address: '203.0.113.3' }).code).toBe('UnsupportedOperation');
  });
});

describe('AssociateAddress and DisassociateAddress', () => {
  it('replaces an instance’s auto-assigned address, which is released, and shows the association everywhere', () => {
    const lab = createTestLab();
    const id = running(lab);
    const before = instanceOf(lab, id);
    const eip = allocate(lab);
    const { AssociationId } = lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: id });
    expect(AssociationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    const after = instanceOf(lab, id);
    expect(after.PublicIpAddress).toBe(eip.PublicIp);
    expect(after.PublicDnsName).toBe(`ec2-${eip.PublicIp!.replaceAll('.', '-')}.ap-northeast-2.compute.amazonaws.com`);
    const account = before.NetworkInterfaces![0]!.OwnerId;
    expect(after.NetworkInterfaces![0]!.Association).toMatchObject({ IpOwnerId: account, PublicIp: eip.PublicIp });
    const eniId = before.NetworkInterfaces![0]!.NetworkInterfaceId!;
    expect(addresses(lab)[0]).toMatchObject({
      AssociationId,
      InstanceId: id,
      NetworkInterfaceId: eniId,
      NetworkInterfaceOwnerId: account,
      PrivateIpAddress: before.PrivateIpAddress,
    });
    const [eni] = lab.ec2('DescribeNetworkInterfaces', { NetworkInterfaceIds: [eniId] }).NetworkInterfaces!;
    expect(eni!.Association).toMatchObject({ AllocationId: eip.AllocationId, AssociationId, PublicIp: eip.PublicIp });
    expect(
      lab.ec2('DescribeInstances', { Filters: [{ Name: 'ip-address', Values: [before.PublicIpAddress!] }] })
        .Reservations,
    ).toEqual([]);
    expect(addresses(lab, { Filters: [{ Name: 'instance-id', Values: [id] }] })).toHaveLength(1);
  });

  it('gives a running instance a new auto-assigned address when its Elastic IP is disassociated', () => {
    const lab = createTestLab();
    const id = running(lab);
    const auto = instanceOf(lab, id).PublicIpAddress;
    const eip = allocate(lab);
    const { AssociationId } = lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: id });
    expect(lab.ec2('DisassociateAddress', { AssociationId })).toEqual({});
    const after = instanceOf(lab, id).PublicIpAddress;
    expect(after).toEqual(expect.any(String));
    expect([auto, eip.PublicIp]).not.toContain(after);
    expect(addresses(lab)[0]!.AssociationId).toBeUndefined();
    expect(lab.ec2Error('DisassociateAddress', { AssociationId })).toEqual({
      code: 'InvalidAssociationID.NotFound',
      message: `The association ID '${AssociationId}' does not exist`,
    });
  });

  it('moves an associated address only with AllowReassociation', () => {
    const lab = createTestLab();
    const first = running(lab);
    const second = running(lab);
    const eip = allocate(lab);
    const { AssociationId } = lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: first });
    expect(lab.ec2Error('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: second })).toEqual({
      code: 'Resource.AlreadyAssociated',
      message: `resource ${eip.AllocationId} is already associated with associate-id ${AssociationId}`,
    });
    expect(instanceOf(lab, first).PublicIpAddress).toBe(eip.PublicIp);
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: second, AllowReassociation: true });
    expect(instanceOf(lab, second).PublicIpAddress).toBe(eip.PublicIp);
    // The first instance, launched with an auto-assigned address, gets a new one.
    expect(instanceOf(lab, first).PublicIpAddress).toEqual(expect.any(String));
    expect(instanceOf(lab, first).PublicIpAddress).not.toBe(eip.PublicIp);
    expect(addresses(lab)[0]!.InstanceId).toBe(second);
  });

  it('refuses what AWS refuses, changing nothing', () => {
    const lab = createTestLab();
    const id = running(lab);
    const eip = allocate(lab);
    expect(lab.ec2Error('AssociateAddress', { PublicIp: eip.PublicIp, InstanceId: id })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'You must specify an allocation id when mapping an address to a VPC instance',
    });
    expect(
      lab.ec2Error('AssociateAddress', { AllocationId: eip.AllocationId, PublicIp: eip.PublicIp, InstanceId: id }).code,
    ).toBe('InvalidParameterCombination');
    expect(lab.ec2Error('AssociateAddress', { AllocationId: 'eipalloc-0123456789abcdef0', InstanceId: id }).code).toBe(
      'InvalidAllocationID.NotFound',
    );
    expect(
      lab.ec2Error('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: 'i-0123456789abcdef0' }).code,
    ).toBe('InvalidInstanceID.NotFound');
    const eniId = instanceOf(lab, id).NetworkInterfaces![0]!.NetworkInterfaceId!;
    expect(
      lab.ec2Error('AssociateAddress', {
        AllocationId: eip.AllocationId,
        NetworkInterfaceId: eniId,
        PrivateIpAddress: '172.31.255.200',
      }),
    ).toEqual({ code: 'InvalidParameterValue', message: `172.31.255.200 is not mapped to the interface ${eniId}` });
    expect(addresses(lab)[0]!.AssociationId).toBeUndefined();
  });
});

describe('ReleaseAddress', () => {
  it('refuses an associated address, then releases it once disassociated', () => {
    const lab = createTestLab();
    const id = running(lab);
    const eip = allocate(lab);
    const { AssociationId } = lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: id });
    expect(lab.ec2Error('ReleaseAddress', { AllocationId: eip.AllocationId })).toEqual({
      code: 'InvalidIPAddress.InUse',
      message: `Address ${eip.PublicIp} is in use.`,
    });
    expect(instanceOf(lab, id).PublicIpAddress).toBe(eip.PublicIp);
    expect(lab.ec2Error('ReleaseAddress', { PublicIp: eip.PublicIp })).toEqual({
      code: 'InvalidParameterValue',
      message: 'You must specify an allocation id when releasing a VPC elastic IP address',
    });
    lab.ec2('DisassociateAddress', { AssociationId });
    expect(lab.ec2('ReleaseAddress', { AllocationId: eip.AllocationId })).toEqual({});
    expect(addresses(lab)).toEqual([]);
    expect(lab.ec2Error('ReleaseAddress', { AllocationId: eip.AllocationId })).toEqual({
      code: 'InvalidAllocationID.NotFound',
      message: `The allocation ID '${eip.AllocationId}' does not exist`,
    });
  });
});

describe('Elastic IPs over an instance’s life', () => {
  it('the Elastic IP stays across stop/start while an auto-assigned address changes', () => {
    const lab = createTestLab();
    const withEip = running(lab);
    const withAuto = running(lab);
    const eip = allocate(lab);
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: withEip });
    const autoBefore = instanceOf(lab, withAuto).PublicIpAddress;
    stopStart(lab, withEip);
    stopStart(lab, withAuto);
    expect(instanceOf(lab, withEip).PublicIpAddress).toBe(eip.PublicIp);
    expect(instanceOf(lab, withAuto).PublicIpAddress).toEqual(expect.any(String));
    expect(instanceOf(lab, withAuto).PublicIpAddress).not.toBe(autoBefore);
  });

  it('stays on a stopped instance and is disassociated, still allocated, when the instance terminates', () => {
    const lab = createTestLab();
    const id = running(lab);
    const eip = allocate(lab);
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: id });
    lab.ec2('StopInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.stoppingMs);
    expect(instanceOf(lab, id).PublicIpAddress).toBe(eip.PublicIp);
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(addresses(lab)).toEqual([expect.objectContaining({ AllocationId: eip.AllocationId })]);
    expect(addresses(lab)[0]!.AssociationId).toBeUndefined();
    expect(lab.ec2('ReleaseAddress', { AllocationId: eip.AllocationId })).toEqual({});
  });

  it('survives a restart and an export/import', () => {
    const store = new MemoryStateStore();
    const lab = createTestLab({ store });
    const id = running(lab);
    const eip = allocate(lab, {
      TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'k', Value: 'v' }] }],
    });
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: id });
    allocate(lab);
    const before = addresses(lab);
    const instanceBefore = instanceOf(lab, id);
    const reopened = lab.reopen();
    expect(addresses(reopened)).toEqual(before);
    reopened.lab('ImportLab', { content: reopened.lab('ExportLab', {}).content });
    expect(addresses(reopened)).toEqual(before);
    expect(instanceOf(reopened, id).PublicIpAddress).toBe(instanceBefore.PublicIpAddress);
    // The restored pool still hands out no address twice.
    expect(before.map((a) => a.PublicIp)).not.toContain(allocate(reopened).PublicIp);
  });
});
