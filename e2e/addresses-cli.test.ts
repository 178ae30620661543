/**
 * Public IPv4, Elastic IPs and network interfaces with the real AWS CLI v2 (Debian's /usr/bin/aws)
 * against the lab's EC2 API, as the EC2 User Guide's elastic-ip-addresses-eip and using-eni pages have
 * a learner do it: run-instances with `--no-associate-public-ip-address` (the CLI builds
 * NetworkInterfaces[0]), allocate-address, associate-address, describe-addresses, the Elastic IP kept
 * across stop-instances/start-instances, release-address refused while associated,
 * disassociate-address and release-address; create-network-interface, attach-network-interface,
 * assign-private-ip-addresses, detach-network-interface and delete-network-interface.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { expect, it } from 'vitest';
import { cliOutput, describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'addresses' });

const json = async (...args: string[]) =>
  JSON.parse((await cliOutput(lab.run('ec2', args))) || '{}') as Record<string, never>;
/** The CLI's failure text for a call that must fail. */
const failure = (...args: string[]) =>
  cliOutput(lab.run('ec2', args)).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error.message,
  );
/** Moves the lab clock past any transition (pending, stopping). */
const settle = () =>
  lab.engine.dispatch({ service: 'lab', operation: 'AdvanceClock', input: { milliseconds: 60_000 } });

interface CliInstance {
  InstanceId: string;
  PublicIpAddress?: string;
  PrivateIpAddress: string;
  SubnetId: string;
  NetworkInterfaces: { NetworkInterfaceId: string; Attachment: { DeviceIndex: number } }[];
}
const instance = async (id: string) =>
  ((await json('describe-instances', '--instance-ids', id)).Reservations as { Instances: CliInstance[] }[])[0]!
    .Instances[0]!;
const launch = async (...extra: string[]) => {
  const images = await json('describe-images', '--filters', 'Name=architecture,Values=x86_64');
  const imageId = (images.Images as { ImageId: string }[])[0]!.ImageId;
  const launched = await json('run-instances', '--image-id', imageId, '--instance-type', 't3.micro', ...extra);
  return (launched.Instances as CliInstance[])[0]!;
};

describeWithCli('Elastic IPs and network interfaces with the AWS CLI v2', () => {
  it('launches without a public address when asked, and keeps an Elastic IP across stop and start', async () => {
    const bare = await launch('--no-associate-public-ip-address');
    expect(bare.PublicIpAddress).toBeUndefined();
    const web = await launch();
    settle();
    const allocated = await json('allocate-address', '--domain', 'vpc');
    const allocationId = allocated.AllocationId as string;
    const publicIp = allocated.PublicIp as string;
    expect(allocationId).toMatch(/^eipalloc-[0-9a-f]{17}$/);
    const associated = await json(
      'associate-address',
      '--allocation-id',
      allocationId,
      '--instance-id',
      web.InstanceId,
    );
    const associationId = associated.AssociationId as string;
    expect(associationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    expect((await instance(web.InstanceId)).PublicIpAddress).toBe(publicIp);
    const described = await json('describe-addresses', '--allocation-ids', allocationId);
    expect(described.Addresses).toEqual([
      expect.objectContaining({ AllocationId: allocationId, AssociationId: associationId, InstanceId: web.InstanceId }),
    ]);

    await json('stop-instances', '--instance-ids', web.InstanceId);
    settle();
    await json('start-instances', '--instance-ids', web.InstanceId);
    settle();
    expect((await instance(web.InstanceId)).PublicIpAddress).toBe(publicIp);

    expect(await failure('release-address', '--allocation-id', allocationId)).toContain(
      `An error occurred (InvalidIPAddress.InUse) when calling the ReleaseAddress operation: Address ${publicIp} is in use.`,
    );
    await json('disassociate-address', '--association-id', associationId);
    await json('release-address', '--allocation-id', allocationId);
    expect((await json('describe-addresses')).Addresses).toEqual([]);
  });

  it('creates, attaches, addresses, detaches and deletes a network interface', async () => {
    const web = await launch();
    settle();
    const created = await json(
      'create-network-interface',
      '--subnet-id',
      web.SubnetId,
      '--description',
      'second',
      '--tag-specifications',
      'ResourceType=network-interface,Tags=[{Key=Name,Value=second}]',
    );
    const eniId = (created.NetworkInterface as { NetworkInterfaceId: string }).NetworkInterfaceId;
    const attached = await json(
      'attach-network-interface',
      '--network-interface-id',
      eniId,
      '--instance-id',
      web.InstanceId,
      '--device-index',
      '1',
    );
    const attachmentId = attached.AttachmentId as string;
    expect((await instance(web.InstanceId)).NetworkInterfaces.map((n) => n.Attachment.DeviceIndex)).toEqual([0, 1]);
    const assigned = await json(
      'assign-private-ip-addresses',
      '--network-interface-id',
      eniId,
      '--secondary-private-ip-address-count',
      '1',
    );
    expect(assigned.AssignedPrivateIpAddresses).toHaveLength(1);
    expect(await failure('delete-network-interface', '--network-interface-id', eniId)).toContain(
      `(InvalidParameterValue) when calling the DeleteNetworkInterface operation: Network interface '${eniId}' is currently in use.`,
    );
    await json('detach-network-interface', '--attachment-id', attachmentId);
    await json('delete-network-interface', '--network-interface-id', eniId);
    expect(await failure('describe-network-interfaces', '--network-interface-ids', eniId)).toContain(
      'InvalidNetworkInterfaceID.NotFound',
    );
  });
});
