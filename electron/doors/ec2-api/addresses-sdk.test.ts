/**
 * Public IPv4 and Elastic IPs through the EC2 API door, driven by the real @aws-sdk/client-ec2:
 * RunInstances with NetworkInterfaces[0] (AssociatePublicIpAddress, PrivateIpAddress) and AWS's
 * refusals, AllocateAddress with tags, DescribeAddresses by id, public IP and filter, AssociateAddress
 * (replacing the auto-assigned address; AllowReassociation), DisassociateAddress, ReleaseAddress
 * refused while associated, and the Elastic IP kept across stop/start while an auto-assigned address
 * changes.
 */
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { quickStartImage } from '../../engine/test-support/test-lab';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

/** Longer than any transition the lab simulates (pending, stopping). */
const SETTLE_MS = 60_000;

const lab = useSdkLab();
const { client } = lab;

const launch = async (extra: Partial<RunInstancesCommandInput> = {}) => {
  const reservation = await client().send(
    new RunInstancesCommand({
      ImageId: quickStartImage('amazon-linux'),
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      ...extra,
    }),
  );
  return reservation.Instances![0]!;
};
const instanceOf = async (InstanceId: string) =>
  (await client().send(new DescribeInstancesCommand({ InstanceIds: [InstanceId] }))).Reservations![0]!.Instances![0]!;
const stopStart = async (InstanceId: string) => {
  await client().send(new StopInstancesCommand({ InstanceIds: [InstanceId] }));
  lab.advance(SETTLE_MS);
  await client().send(new StartInstancesCommand({ InstanceIds: [InstanceId] }));
  lab.advance(SETTLE_MS);
};

describe('public IPv4 and Elastic IPs through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  let autoId = '';
  let eipInstanceId = '';
  let allocationId = '';
  let publicIp = '';
  let associationId = '';

  it('launches with and without an auto-assigned address through NetworkInterfaces[0]', async () => {
    const { Subnets } = await client().send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['ap-northeast-2a'] }] }),
    );
    const subnet = Subnets![0]!;
    const address = subnet.CidrBlock!.replace(/\.0\/20$/, '.25');
    const auto = await launch({ SubnetId: subnet.SubnetId, PrivateIpAddress: address });
    expect(auto).toMatchObject({ PrivateIpAddress: address, PublicIpAddress: expect.any(String) });
    expect(auto.PublicDnsName).toBe(
      `ec2-${auto.PublicIpAddress!.replaceAll('.', '-')}.ap-northeast-2.compute.amazonaws.com`,
    );
    expect(auto.PrivateDnsName).toBe(`ip-${address.replaceAll('.', '-')}.ap-northeast-2.compute.internal`);
    autoId = auto.InstanceId!;
    const bare = await launch({
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet.SubnetId, AssociatePublicIpAddress: false }],
    });
    expect(bare.PublicIpAddress).toBeUndefined();
    expect(bare.PublicDnsName).toBe('');
    eipInstanceId = (await launch()).InstanceId!;
    expect(
      await errorOf(
        client().send(
          new RunInstancesCommand({
            ImageId: quickStartImage('amazon-linux'),
            MinCount: 1,
            MaxCount: 1,
            SubnetId: subnet.SubnetId,
            NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }],
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterCombination',
      message: 'Network interfaces and an instance-level subnet ID may not be specified on the same request',
      status: 400,
    });
    lab.advance(SETTLE_MS);
  });

  it('allocates a tagged Elastic IP and describes it by id, public IP and filter', async () => {
    const allocated = await client().send(
      new AllocateAddressCommand({
        Domain: 'vpc',
        TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'sdk' }] }],
      }),
    );
    expect(allocated).toMatchObject({
      AllocationId: expect.stringMatching(/^eipalloc-[0-9a-f]{17}$/),
      Domain: 'vpc',
      NetworkBorderGroup: 'ap-northeast-2',
      PublicIpv4Pool: 'amazon',
    });
    allocationId = allocated.AllocationId!;
    publicIp = allocated.PublicIp!;
    const byId = await client().send(new DescribeAddressesCommand({ AllocationIds: [allocationId] }));
    expect(byId.Addresses).toEqual([
      {
        AllocationId: allocationId,
        Domain: 'vpc',
        NetworkBorderGroup: 'ap-northeast-2',
        PublicIp: publicIp,
        PublicIpv4Pool: 'amazon',
        Tags: [{ Key: 'Name', Value: 'sdk' }],
      },
    ]);
    const byIp = await client().send(new DescribeAddressesCommand({ PublicIps: [publicIp] }));
    expect(byIp.Addresses!.map((a) => a.AllocationId)).toEqual([allocationId]);
    const byTag = await client().send(
      new DescribeAddressesCommand({ Filters: [{ Name: 'tag:Name', Values: ['sdk'] }] }),
    );
    expect(byTag.Addresses).toHaveLength(1);
    expect(
      await errorOf(client().send(new DescribeAddressesCommand({ AllocationIds: ['eipalloc-0123456789abcdef0'] }))),
    ).toEqual({
      name: 'InvalidAllocationID.NotFound',
      message: "The allocation ID 'eipalloc-0123456789abcdef0' does not exist",
      status: 400,
    });
  });

  it('associates it with an instance, replacing the auto-assigned address', async () => {
    const before = await instanceOf(eipInstanceId);
    const associated = await client().send(
      new AssociateAddressCommand({ AllocationId: allocationId, InstanceId: eipInstanceId }),
    );
    associationId = associated.AssociationId!;
    expect(associationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    const after = await instanceOf(eipInstanceId);
    expect(after.PublicIpAddress).toBe(publicIp);
    expect(after.PublicIpAddress).not.toBe(before.PublicIpAddress);
    const { Addresses } = await client().send(
      new DescribeAddressesCommand({ Filters: [{ Name: 'instance-id', Values: [eipInstanceId] }] }),
    );
    expect(Addresses![0]).toMatchObject({
      AssociationId: associationId,
      InstanceId: eipInstanceId,
      NetworkInterfaceId: before.NetworkInterfaces![0]!.NetworkInterfaceId,
      PrivateIpAddress: before.PrivateIpAddress,
    });
    expect(
      await errorOf(client().send(new AssociateAddressCommand({ AllocationId: allocationId, InstanceId: autoId }))),
    ).toEqual({
      name: 'Resource.AlreadyAssociated',
      message: `resource ${allocationId} is already associated with associate-id ${associationId}`,
      status: 400,
    });
  });

  it('keeps the Elastic IP across stop/start while an auto-assigned address changes', async () => {
    const autoBefore = (await instanceOf(autoId)).PublicIpAddress;
    await stopStart(eipInstanceId);
    await stopStart(autoId);
    expect((await instanceOf(eipInstanceId)).PublicIpAddress).toBe(publicIp);
    const autoAfter = (await instanceOf(autoId)).PublicIpAddress;
    expect(autoAfter).toEqual(expect.any(String));
    expect(autoAfter).not.toBe(autoBefore);
  });

  it('refuses to release an associated address, then disassociates and releases it', async () => {
    expect(await errorOf(client().send(new ReleaseAddressCommand({ AllocationId: allocationId })))).toEqual({
      name: 'InvalidIPAddress.InUse',
      message: `Address ${publicIp} is in use.`,
      status: 400,
    });
    await client().send(new DisassociateAddressCommand({ AssociationId: associationId }));
    const instance = await instanceOf(eipInstanceId);
    expect(instance.PublicIpAddress).toEqual(expect.any(String));
    expect(instance.PublicIpAddress).not.toBe(publicIp);
    await client().send(new ReleaseAddressCommand({ AllocationId: allocationId }));
    expect((await client().send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
    expect(await errorOf(client().send(new ReleaseAddressCommand({ AllocationId: allocationId })))).toMatchObject({
      name: 'InvalidAllocationID.NotFound',
    });
  });
});
