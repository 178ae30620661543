/**
 * Network interfaces through the EC2 API door, driven by the real @aws-sdk/client-ec2:
 * CreateNetworkInterface with secondary addresses and tags, AttachNetworkInterface at device index 1,
 * DescribeInstances showing both interfaces, AssignPrivateIpAddresses and UnassignPrivateIpAddresses,
 * ModifyNetworkInterfaceAttribute's Attachment, DescribeNetworkInterfaces filters,
 * DetachNetworkInterface (the primary refused) and DeleteNetworkInterface (refused while attached).
 */
import {
  AssignPrivateIpAddressesCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DetachNetworkInterfaceCommand,
  ModifyNetworkInterfaceAttributeCommand,
  RunInstancesCommand,
  UnassignPrivateIpAddressesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { quickStartImage } from '../../engine/test-support/test-lab';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

/** Longer than any transition the lab simulates (pending, stopping). */
const SETTLE_MS = 60_000;

const lab = useSdkLab();
const { client } = lab;
const eniOf = async (id: string) =>
  (await client().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces![0]!;

describe('network interfaces through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  let instanceId = '';
  let eniId = '';
  let attachmentId = '';

  it('creates an interface with secondary addresses and tags, and attaches it at device index 1', async () => {
    const { Subnets } = await client().send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['ap-northeast-2a'] }] }),
    );
    const subnetId = Subnets![0]!.SubnetId!;
    const reservation = await client().send(
      new RunInstancesCommand({
        ImageId: quickStartImage('amazon-linux'),
        InstanceType: 't3.medium',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnetId,
      }),
    );
    instanceId = reservation.Instances![0]!.InstanceId!;
    lab.advance(SETTLE_MS);
    const { NetworkInterface } = await client().send(
      new CreateNetworkInterfaceCommand({
        SubnetId: subnetId,
        Description: 'second',
        SecondaryPrivateIpAddressCount: 1,
        TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'second' }] }],
      }),
    );
    eniId = NetworkInterface!.NetworkInterfaceId!;
    expect(NetworkInterface).toMatchObject({
      Status: 'available',
      Description: 'second',
      SubnetId: subnetId,
      TagSet: [{ Key: 'Name', Value: 'second' }],
    });
    expect(NetworkInterface!.PrivateIpAddresses).toHaveLength(2);
    const attached = await client().send(
      new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eniId, InstanceId: instanceId, DeviceIndex: 1 }),
    );
    attachmentId = attached.AttachmentId!;
    expect(attachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    const { Reservations } = await client().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const interfaces = Reservations![0]!.Instances![0]!.NetworkInterfaces!;
    expect(interfaces.map((n) => n.Attachment!.DeviceIndex)).toEqual([0, 1]);
    expect(interfaces[1]).toMatchObject({ NetworkInterfaceId: eniId, Description: 'second', Status: 'in-use' });
    expect(
      await errorOf(
        client().send(
          new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eniId, InstanceId: instanceId, DeviceIndex: 2 }),
        ),
      ),
    ).toEqual({ name: 'InvalidNetworkInterface.InUse', message: `Interface: [${eniId}] in use.`, status: 400 });
  });

  it('assigns and unassigns secondary private addresses', async () => {
    const assigned = await client().send(
      new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: eniId, SecondaryPrivateIpAddressCount: 1 }),
    );
    const address = assigned.AssignedPrivateIpAddresses![0]!.PrivateIpAddress!;
    expect((await eniOf(eniId)).PrivateIpAddresses).toHaveLength(3);
    const { NetworkInterfaces } = await client().send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'addresses.private-ip-address', Values: [address] }] }),
    );
    expect(NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([eniId]);
    await client().send(
      new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: eniId, PrivateIpAddresses: [address] }),
    );
    expect((await eniOf(eniId)).PrivateIpAddresses).toHaveLength(2);
  });

  it('changes the attachment’s DeleteOnTermination and finds interfaces by attachment filters', async () => {
    await client().send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: eniId,
        Attachment: { AttachmentId: attachmentId, DeleteOnTermination: true },
      }),
    );
    expect((await eniOf(eniId)).Attachment).toMatchObject({ DeleteOnTermination: true, InstanceId: instanceId });
    const { NetworkInterfaces } = await client().send(
      new DescribeNetworkInterfacesCommand({
        Filters: [
          { Name: 'attachment.instance-id', Values: [instanceId] },
          { Name: 'attachment.device-index', Values: ['1'] },
        ],
      }),
    );
    expect(NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([eniId]);
  });

  it('refuses to delete an attached interface or detach the primary, then detaches and deletes', async () => {
    expect(await errorOf(client().send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })))).toEqual({
      name: 'InvalidParameterValue',
      message: `Network interface '${eniId}' is currently in use.`,
      status: 400,
    });
    const { Reservations } = await client().send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
    const primary = Reservations![0]!.Instances![0]!.NetworkInterfaces![0]!;
    expect(
      await errorOf(
        client().send(new DetachNetworkInterfaceCommand({ AttachmentId: primary.Attachment!.AttachmentId })),
      ),
    ).toEqual({
      name: 'OperationNotPermitted',
      message: 'The network interface at device index 0 and networkCard index 0 cannot be detached.',
      status: 400,
    });
    await client().send(new DetachNetworkInterfaceCommand({ AttachmentId: attachmentId }));
    expect((await eniOf(eniId)).Status).toBe('available');
    await client().send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId }));
    expect(
      await errorOf(client().send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }))),
    ).toMatchObject({ name: 'InvalidNetworkInterfaceID.NotFound' });
  });
});
