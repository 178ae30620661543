/**
 * AMIs from a snapshot and from the Marketplace through the EC2 API door, driven by the real
 * @aws-sdk/client-ec2: RegisterImage with a root snapshot (and AWS's error for a root device with
 * none), and DescribeImages with Owners aws-marketplace. The lab clock moves by AdvanceClock.
 */
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  RegisterImageCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const REGION = 'ap-northeast-2';
const lab = useSdkLab();
const ec2 = () => lab.client(REGION);
const MINUTE = 60_000;

describe('RegisterImage and Marketplace AMIs through @aws-sdk/client-ec2', () => {
  it('registers an AMI from a root snapshot and launches an instance with its files', async () => {
    const volume = await ec2().send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8, VolumeType: 'gp3' }),
    );
    lab.advance(MINUTE);
    lab.engine.disks.change(volume.VolumeId!, (fs) => {
      fs.format('xfs');
      fs.mkdir('/etc');
      fs.writeFile('/etc/os-release', 'ID="amzn"\n');
      fs.writeFile('/README', 'registered\n');
    });
    const { SnapshotId } = await ec2().send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId! }));
    lab.advance(MINUTE);
    expect(
      await errorOf(
        ec2().send(
          new RegisterImageCommand({
            Name: 'sdk-registered',
            RootDeviceName: '/dev/xvda',
            BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { SnapshotId } }],
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidBlockDeviceMapping',
      message: 'The root device name /dev/xvda must be mapped to an EBS snapshot in the block device mapping.',
      status: 400,
    });
    const { ImageId } = await ec2().send(
      new RegisterImageCommand({
        Name: 'sdk-registered',
        Architecture: 'x86_64',
        RootDeviceName: '/dev/xvda',
        VirtualizationType: 'hvm',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 10, VolumeType: 'gp3' } }],
      }),
    );
    const { Images } = await ec2().send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(Images!.map((i) => [i.ImageId, i.Name, i.State, i.BlockDeviceMappings![0]!.Ebs!.VolumeSize])).toEqual([
      [ImageId, 'sdk-registered', 'available', 10],
    ]);
    const launched = await ec2().send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1 }));
    lab.advance(MINUTE);
    const [root] = lab.engine.disks.disksOf(launched.Instances![0]!.InstanceId!);
    expect(lab.engine.disks.inspect(root!.diskId, (fs) => fs.readText('/README'))).toBe('registered\n');
  });

  it("lists the Marketplace's third-party AMIs for Owners aws-marketplace, and only those", async () => {
    const { Images } = await ec2().send(new DescribeImagesCommand({ Owners: ['aws-marketplace'] }));
    expect(Images!.length).toBeGreaterThanOrEqual(2);
    for (const image of Images!) {
      expect(image).toMatchObject({
        ImageOwnerAlias: 'aws-marketplace',
        OwnerId: '679593333241',
        ProductCodes: [{ ProductCodeType: 'marketplace' }],
      });
    }
    expect(Images!.map((i) => i.Name)).toContainEqual(expect.stringMatching(/^bitnami-wordpress-/));
    const amazon = await ec2().send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    expect(amazon.Images!.some((i) => i.ImageOwnerAlias === 'aws-marketplace')).toBe(false);
  });
});
