import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { snapshotDuration } from '../snapshots/new-snapshot';
import { createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';
import { VOLUME_TIMINGS } from '../volumes/volume-lifecycle';

/** A running Ubuntu web server with a page in its root volume and a data volume with files. */
function webServer(lab: TestLab) {
  const instanceId = lab.launch({
    ImageId: quickStartImage('ubuntu'),
    Placement: { AvailabilityZone: 'ap-northeast-2a' },
    BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 2, DeleteOnTermination: false } }],
  });
  lab.pass(TIMINGS.pendingMs);
  const [root, data] = lab.engine.disks.disksOf(instanceId);
  lab.engine.disks.change(root!.diskId, (fs) => {
    fs.mkdir('/var/www/html', { recursive: true });
    fs.writeFile('/var/www/html/index.html', '<h1>Hello from my AMI</h1>\n');
  });
  lab.engine.disks.change(data!.diskId, (fs) => {
    fs.format('ext4');
    fs.writeFile('/uploads.txt', 'photo.jpg\n');
  });
  return instanceId;
}

function imageOf(lab: TestLab, imageId: string, region?: string) {
  return lab.ec2('DescribeImages', { ImageIds: [imageId] }, region).Images![0]!;
}

describe('CreateImage', () => {
  it('snapshots every EBS volume, reboots the instance unless NoReboot, and becomes available when they complete', () => {
    const lab = createTestLab();
    const instanceId = webServer(lab);
    const { ImageId } = lab.ec2('CreateImage', {
      InstanceId: instanceId,
      Name: 'web-server v1',
      Description: 'nginx and the site',
      TagSpecifications: [
        { ResourceType: 'image', Tags: [{ Key: 'app', Value: 'web' }] },
        { ResourceType: 'snapshot', Tags: [{ Key: 'app', Value: 'web-disk' }] },
      ],
    });
    expect(ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    const rebootingUntil = () =>
      (
        lab.store.loadAll().find((r) => r.collection === 'instances' && r.id === instanceId)!.data as {
          rebootingUntil?: number;
        }
      ).rebootingUntil;
    expect(rebootingUntil()).toBeGreaterThan(0);
    const image = imageOf(lab, ImageId!);
    expect(image).toMatchObject({
      State: 'pending',
      Name: 'web-server v1',
      Description: 'nginx and the site',
      RootDeviceName: '/dev/sda1',
      SourceInstanceId: instanceId,
      Tags: [{ Key: 'app', Value: 'web' }],
    });
    expect(
      image.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs?.VolumeSize, m.Ebs?.DeleteOnTermination]),
    ).toEqual([
      ['/dev/sda1', 8, true],
      ['/dev/sdf', 2, false],
    ]);
    const snapshots = lab.ec2('DescribeSnapshots', { Filters: [{ Name: 'tag:app', Values: ['web-disk'] }] }).Snapshots!;
    expect(snapshots.map((s) => s.Description)).toEqual([
      `Created by CreateImage(${instanceId}) for ${ImageId}`,
      `Created by CreateImage(${instanceId}) for ${ImageId}`,
    ]);
    expect(lab.ec2Error('RunInstances', { ImageId: ImageId!, MinCount: 1, MaxCount: 1 })).toEqual({
      code: 'InvalidAMIID.Unavailable',
      message: `AMI ${ImageId} is pending, and cannot be run`,
    });
    lab.pass(snapshotDuration(8));
    expect(imageOf(lab, ImageId!).State).toBe('available');
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }).Images!.map((i) => i.ImageId)).toEqual([ImageId]);
    expect(lab.ec2('DescribeImages', { Owners: ['amazon'] }).Images!.map((i) => i.ImageId)).not.toContain(ImageId);
  });

  it('launches identical servers from the AMI: the same files on the root and data volumes', () => {
    const lab = createTestLab();
    const source = webServer(lab);
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: source, Name: 'web-clone', NoReboot: true });
    const saved = lab.store.loadAll().find((r) => r.collection === 'instances' && r.id === source)!;
    expect((saved.data as { rebootingUntil?: number }).rebootingUntil).toBeUndefined();
    lab.pass(snapshotDuration(8));
    const reservation = lab.ec2('RunInstances', {
      ImageId: ImageId!,
      InstanceType: 't3.micro',
      MinCount: 2,
      MaxCount: 2,
    });
    expect(reservation.Instances!.map((i) => i.ImageId)).toEqual([ImageId, ImageId]);
    for (const instance of reservation.Instances!) {
      const [root, data] = lab.engine.disks.disksOf(instance.InstanceId!);
      lab.engine.disks.inspect(root!.diskId, (fs) => {
        expect(fs.readText('/var/www/html/index.html')).toBe('<h1>Hello from my AMI</h1>\n');
        expect(fs.readText('/etc/os-release')).toContain('ID=ubuntu');
      });
      expect(lab.engine.disks.inspect(data!.diskId, (fs) => fs.readText('/uploads.txt'))).toBe('photo.jpg\n');
    }
    // What the clones change stays theirs.
    const clone = reservation.Instances![0]!.InstanceId!;
    lab.engine.disks.change(lab.engine.disks.disksOf(clone)[0]!.diskId, (fs) =>
      fs.remove('/var/www', { recursive: true }),
    );
    const reopened = lab.reopen();
    const other = reservation.Instances![1]!.InstanceId!;
    expect(
      reopened.engine.disks.inspect(reopened.engine.disks.disksOf(other)[0]!.diskId, (fs) =>
        fs.readText('/var/www/html/index.html'),
      ),
    ).toBe('<h1>Hello from my AMI</h1>\n');
  });

  it("refuses a bad or taken name, and an instance that is not running or stopped, with AWS's errors", () => {
    const lab = createTestLab();
    const instanceId = webServer(lab);
    expect(lab.ec2Error('CreateImage', { InstanceId: instanceId, Name: 'x' }).code).toBe('InvalidAMIName.Malformed');
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: instanceId, Name: 'taken', NoReboot: true });
    expect(lab.ec2Error('CreateImage', { InstanceId: instanceId, Name: 'taken' })).toEqual({
      code: 'InvalidAMIName.Duplicate',
      message: `AMI name taken is already in use by AMI ${ImageId}`,
    });
    const pending = lab.launch();
    expect(lab.ec2Error('CreateImage', { InstanceId: pending, Name: 'too-early' }).code).toBe('IncorrectInstanceState');
  });
});

describe('DeregisterImage, snapshots in use, CopyImage', () => {
  it('keeps the snapshots of a registered AMI, and frees them when it is deregistered', () => {
    const lab = createTestLab();
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: webServer(lab), Name: 'to-remove', NoReboot: true });
    lab.pass(snapshotDuration(8));
    const snapshotId = imageOf(lab, ImageId!).BlockDeviceMappings![0]!.Ebs!.SnapshotId!;
    expect(lab.ec2Error('DeleteSnapshot', { SnapshotId: snapshotId })).toEqual({
      code: 'InvalidSnapshot.InUse',
      message: `The snapshot ${snapshotId} is currently in use by ${ImageId}`,
    });
    expect(lab.ec2('DeregisterImage', { ImageId: ImageId! })).toMatchObject({ Return: true });
    expect(lab.ec2Error('DescribeImages', { ImageIds: [ImageId!] }).code).toBe('InvalidAMIID.NotFound');
    expect(lab.ec2('DeleteSnapshot', { SnapshotId: snapshotId })).toEqual({});
  });

  it('deregisters with its snapshots when asked', () => {
    const lab = createTestLab();
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: webServer(lab), Name: 'gone', NoReboot: true });
    lab.pass(snapshotDuration(8));
    const result = lab.ec2('DeregisterImage', { ImageId: ImageId!, DeleteAssociatedSnapshots: true });
    expect(result.DeleteSnapshotResults).toHaveLength(2);
    expect(lab.ec2('DescribeSnapshots', {}).Snapshots).toEqual([]);
  });

  it('copies an AMI to another region, where it launches with the same files', () => {
    const lab = createTestLab();
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: webServer(lab), Name: 'global', NoReboot: true });
    lab.pass(snapshotDuration(8));
    const copied = lab.ec2(
      'CopyImage',
      { SourceImageId: ImageId!, SourceRegion: 'ap-northeast-2', Name: 'global-us' },
      'us-east-1',
    ).ImageId!;
    expect(imageOf(lab, copied, 'us-east-1').State).toBe('pending');
    lab.pass(snapshotDuration(8));
    expect(imageOf(lab, copied, 'us-east-1')).toMatchObject({ State: 'available', Name: 'global-us' });
    const instanceId = lab.launch({ ImageId: copied }, 'us-east-1');
    const root = lab.engine.disks.disksOf(instanceId)[0]!;
    expect(lab.engine.disks.inspect(root.diskId, (fs) => fs.readText('/var/www/html/index.html'))).toBe(
      '<h1>Hello from my AMI</h1>\n',
    );
    expect(
      lab.ec2Error(
        'CopyImage',
        { SourceImageId: quickStartImage('ubuntu'), SourceRegion: 'ap-northeast-2', Name: 'q' },
        'us-east-1',
      ).code,
    ).toBe('UnsupportedOperation');
  });

  it('launches a volume from an AMI snapshot in a mapping of its own', () => {
    const lab = createTestLab();
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: webServer(lab), Name: 'with-data', NoReboot: true });
    lab.pass(snapshotDuration(8));
    const dataSnapshot = imageOf(lab, ImageId!).BlockDeviceMappings![1]!.Ebs!.SnapshotId!;
    const instanceId = lab.launch({
      BlockDeviceMappings: [{ DeviceName: '/dev/sdk', Ebs: { SnapshotId: dataSnapshot, VolumeSize: 4 } }],
    });
    const disk = lab.engine.disks.disksOf(instanceId).find((d) => d.deviceName === '/dev/sdk')!;
    expect(disk.sizeGiB).toBe(4);
    expect(lab.engine.disks.inspect(disk.diskId, (fs) => fs.readText('/uploads.txt'))).toBe('photo.jpg\n');
    lab.pass(VOLUME_TIMINGS.attachingMs);
  });
});
