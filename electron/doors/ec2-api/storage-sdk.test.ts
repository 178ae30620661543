/**
 * EBS volumes, snapshots and AMIs through the EC2 API door, driven by the real @aws-sdk/client-ec2
 * as a learner's script drives them: create a volume, attach it, modify it, snapshot it, copy the
 * snapshot to another region, restore a volume, make an AMI of an instance and copy and deregister
 * it, with AWS's errors for the rules on the way. The lab clock moves by AdvanceClock.
 */
import {
  AttachVolumeCommand,
  CopyImageCommand,
  CopySnapshotCommand,
  CreateImageCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  DetachVolumeCommand,
  ModifyVolumeCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const REGION = 'ap-northeast-2';
const ZONE = 'ap-northeast-2a';
const lab = useSdkLab();
const ec2 = (region = REGION) => lab.client(region);
const MINUTE = 60_000;

async function runningInstance(zone = ZONE): Promise<string> {
  const { Images } = await ec2().send(
    new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023*x86_64'] }] }),
  );
  const { Instances } = await ec2().send(
    new RunInstancesCommand({
      ImageId: Images![0]!.ImageId!,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: zone },
    }),
  );
  lab.advance(MINUTE);
  return Instances![0]!.InstanceId!;
}

describe('EBS volumes, snapshots and AMIs through @aws-sdk/client-ec2', () => {
  it('creates, attaches, modifies, detaches and deletes a volume', async () => {
    const instanceId = await runningInstance();
    const created = await ec2().send(
      new CreateVolumeCommand({
        AvailabilityZone: ZONE,
        Size: 20,
        VolumeType: 'gp3',
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'sdk-data' }] }],
      }),
    );
    expect(created).toMatchObject({ State: 'creating', Size: 20, Iops: 3000, Throughput: 125, VolumeType: 'gp3' });
    expect(created.CreateTime).toBeInstanceOf(Date);
    const volumeId = created.VolumeId!;
    expect(
      await errorOf(ec2().send(new CreateVolumeCommand({ AvailabilityZone: ZONE, Size: 20000, VolumeType: 'gp3' }))),
    ).toEqual({
      name: 'InvalidParameterValue',
      message: 'Volume of 20000GiB is too large; maximum is 16384GiB.',
      status: 400,
    });
    lab.advance(MINUTE);

    const attached = await ec2().send(
      new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' }),
    );
    expect(attached).toMatchObject({ State: 'attaching', Device: '/dev/sdf', InstanceId: instanceId });
    lab.advance(MINUTE);
    const { Volumes } = await ec2().send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }] }),
    );
    expect(Volumes!.map((v) => [v.Attachments![0]!.Device, v.State, v.Attachments![0]!.State])).toEqual([
      ['/dev/xvda', 'in-use', 'attached'],
      ['/dev/sdf', 'in-use', 'attached'],
    ]);
    expect(await errorOf(ec2().send(new DeleteVolumeCommand({ VolumeId: volumeId })))).toEqual({
      name: 'VolumeInUse',
      message: `Volume ${volumeId} is currently attached to ${instanceId}`,
      status: 400,
    });
    const root = Volumes![0]!.VolumeId!;
    expect(await errorOf(ec2().send(new DetachVolumeCommand({ VolumeId: root })))).toMatchObject({
      name: 'IncorrectState',
      message: `Unable to detach root volume '${root}' from instance '${instanceId}'`,
    });

    const { VolumeModification } = await ec2().send(new ModifyVolumeCommand({ VolumeId: volumeId, Size: 40 }));
    expect(VolumeModification).toMatchObject({ ModificationState: 'modifying', OriginalSize: 20, TargetSize: 40 });
    lab.advance(2 * MINUTE);
    const { VolumesModifications } = await ec2().send(
      new DescribeVolumesModificationsCommand({ VolumeIds: [volumeId] }),
    );
    expect(VolumesModifications![0]).toMatchObject({ ModificationState: 'completed', TargetSize: 40 });

    expect(await ec2().send(new DetachVolumeCommand({ VolumeId: volumeId, Force: true }))).toMatchObject({
      State: 'detaching',
    });
    lab.advance(MINUTE);
    await ec2().send(new DeleteVolumeCommand({ VolumeId: volumeId }));
    lab.advance(MINUTE);
    expect(await errorOf(ec2().send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })))).toEqual({
      name: 'InvalidVolume.NotFound',
      message: `The volume '${volumeId}' does not exist.`,
      status: 400,
    });
    const other = await runningInstance('ap-northeast-2b');
    const elsewhere = await ec2().send(new CreateVolumeCommand({ AvailabilityZone: ZONE, Size: 1 }));
    lab.advance(MINUTE);
    expect(
      await errorOf(
        ec2().send(new AttachVolumeCommand({ VolumeId: elsewhere.VolumeId!, InstanceId: other, Device: '/dev/sdf' })),
      ),
    ).toMatchObject({ name: 'InvalidVolume.ZoneMismatch' });
  });

  it('snapshots a volume, copies the snapshot to another region, restores it there and deletes it', async () => {
    const volume = await ec2().send(new CreateVolumeCommand({ AvailabilityZone: ZONE, Size: 8, VolumeType: 'gp3' }));
    lab.advance(MINUTE);
    lab.engine.disks.change(volume.VolumeId!, (fs) => {
      fs.format('xfs');
      fs.writeFile('/hello.txt', 'from the SDK\n');
    });
    const snapshot = await ec2().send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId!, Description: 'sdk' }));
    expect(snapshot).toMatchObject({ State: 'pending', Progress: '0%', VolumeSize: 8, Description: 'sdk' });
    lab.advance(MINUTE);
    const { Snapshots } = await ec2().send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(Snapshots!.map((s) => [s.SnapshotId, s.State, s.Progress])).toEqual([
      [snapshot.SnapshotId, 'completed', '100%'],
    ]);

    const copy = await ec2('us-east-1').send(
      new CopySnapshotCommand({ SourceRegion: REGION, SourceSnapshotId: snapshot.SnapshotId!, Description: 'dr' }),
    );
    expect(copy.SnapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    lab.advance(MINUTE);
    const restored = await ec2('us-east-1').send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', SnapshotId: copy.SnapshotId! }),
    );
    expect(restored).toMatchObject({ Size: 8, SnapshotId: copy.SnapshotId });
    expect(lab.engine.disks.inspect(restored.VolumeId!, (fs) => fs.readText('/hello.txt'))).toBe('from the SDK\n');

    await ec2().send(new DeleteSnapshotCommand({ SnapshotId: snapshot.SnapshotId! }));
    expect(await errorOf(ec2().send(new DeleteSnapshotCommand({ SnapshotId: snapshot.SnapshotId! })))).toEqual({
      name: 'InvalidSnapshot.NotFound',
      message: `The snapshot '${snapshot.SnapshotId}' does not exist.`,
      status: 400,
    });
  });

  it('makes an AMI of an instance, launches from it, copies it and deregisters it', async () => {
    const instanceId = await runningInstance();
    const { ImageId } = await ec2().send(
      new CreateImageCommand({ InstanceId: instanceId, Name: 'sdk-ami', NoReboot: true }),
    );
    const pending = await ec2().send(new DescribeImagesCommand({ ImageIds: [ImageId!] }));
    expect(pending.Images![0]).toMatchObject({ State: 'pending', Name: 'sdk-ami', SourceInstanceId: instanceId });
    lab.advance(MINUTE);
    const { Images } = await ec2().send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(Images!.map((i) => [i.ImageId, i.State])).toEqual([[ImageId, 'available']]);
    const snapshotId = Images![0]!.BlockDeviceMappings![0]!.Ebs!.SnapshotId!;
    expect(await errorOf(ec2().send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })))).toEqual({
      name: 'InvalidSnapshot.InUse',
      message: `The snapshot ${snapshotId} is currently in use by ${ImageId}`,
      status: 400,
    });
    const launched = await ec2().send(new RunInstancesCommand({ ImageId: ImageId!, MinCount: 1, MaxCount: 1 }));
    expect(launched.Instances![0]!.ImageId).toBe(ImageId);

    const { ImageId: copied } = await ec2('eu-west-1').send(
      new CopyImageCommand({ SourceImageId: ImageId!, SourceRegion: REGION, Name: 'sdk-ami-eu' }),
    );
    lab.advance(MINUTE);
    const copiedImage = await ec2('eu-west-1').send(new DescribeImagesCommand({ ImageIds: [copied!] }));
    expect(copiedImage.Images![0]).toMatchObject({ State: 'available', Name: 'sdk-ami-eu' });

    const deregistered = await ec2().send(new DeregisterImageCommand({ ImageId: ImageId! }));
    expect(deregistered.Return).toBe(true);
    expect(await errorOf(ec2().send(new DescribeImagesCommand({ ImageIds: [ImageId!] })))).toMatchObject({
      name: 'InvalidAMIID.NotFound',
    });
  });
});
