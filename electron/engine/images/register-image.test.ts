import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { loadCatalog } from '../catalog/load-catalog';
import { createTestLab, quickStartImage, TEST_REGION, type TestLab } from '../test-support/test-lab';
import { Filesystem } from '../volumes/filesystem';

/** A completed snapshot of a running Debian server's root volume, with a page written on it. */
function rootSnapshot(lab: TestLab): { snapshotId: string; sizeGiB: number } {
  const instanceId = lab.launch({ ImageId: quickStartImage('debian') });
  lab.pass(TIMINGS.pendingMs);
  const [root] = lab.engine.disks.disksOf(instanceId);
  lab.engine.disks.change(root!.diskId, (fs) => fs.writeFile('/srv/site.txt', 'made by hand\n'));
  const snapshot = lab.ec2('CreateSnapshot', { VolumeId: root!.diskId });
  lab.pass(10 * 60_000);
  return { snapshotId: snapshot.SnapshotId!, sizeGiB: snapshot.VolumeSize! };
}

function filesOf(lab: TestLab, instanceId: string): Filesystem {
  const [root] = lab.engine.disks.disksOf(instanceId);
  return new Filesystem(structuredClone(lab.engine.disks.read(root!.diskId)!), 0);
}

describe('RegisterImage', () => {
  it('makes an AMI of a root snapshot that launches with its files, its OS and its login user', () => {
    const lab = createTestLab();
    const { snapshotId, sizeGiB } = rootSnapshot(lab);
    const { ImageId } = lab.ec2('RegisterImage', {
      Name: 'from-snapshot',
      Architecture: 'x86_64',
      RootDeviceName: '/dev/xvda',
      VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId } }],
    });
    const image = lab.ec2('DescribeImages', { Owners: ['self'] }).Images![0]!;
    expect(image).toMatchObject({
      ImageId,
      Name: 'from-snapshot',
      State: 'available',
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId, VolumeSize: sizeGiB } }],
    });
    expect(lab.lab('DescribeLaunchImage', { Region: TEST_REGION, ImageId: ImageId! }).Image).toMatchObject({
      Os: 'debian',
      DefaultUser: 'admin',
      RootDeviceName: '/dev/xvda',
    });
    const instanceId = lab.launch({ ImageId });
    lab.pass(TIMINGS.pendingMs);
    expect(filesOf(lab, instanceId).readText('/srv/site.txt')).toBe('made by hand\n');
  });

  it("refuses a missing root snapshot, a pending snapshot, a small volume and a bad name with AWS's errors", () => {
    const lab = createTestLab();
    const { snapshotId, sizeGiB } = rootSnapshot(lab);
    const request = (extra: object) => ({
      Name: 'ok-name',
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId } }],
      ...extra,
    });
    expect(lab.ec2Error('RegisterImage', request({ Name: undefined }))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter Name',
    });
    expect(lab.ec2Error('RegisterImage', request({ Name: 'x' })).code).toBe('InvalidAMIName.Malformed');
    expect(lab.ec2Error('RegisterImage', request({ RootDeviceName: '/dev/sda1' }))).toEqual({
      code: 'InvalidBlockDeviceMapping',
      message: 'The root device name /dev/sda1 must be mapped to an EBS snapshot in the block device mapping.',
    });
    expect(
      lab.ec2Error(
        'RegisterImage',
        request({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId, VolumeSize: 1 } }] }),
      ),
    ).toEqual({
      code: 'InvalidBlockDeviceMapping',
      message: `Volume of size 1GB is smaller than snapshot '${snapshotId}', expect size >= ${sizeGiB}GB`,
    });
    expect(
      lab.ec2Error(
        'RegisterImage',
        request({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0123456789abcdef0' } }] }),
      ).code,
    ).toBe('InvalidSnapshot.NotFound');
    const [root] = lab.engine.disks.disksOf(
      lab.ec2('DescribeInstances', {}).Reservations![0]!.Instances![0]!.InstanceId!,
    );
    const pending = lab.ec2('CreateSnapshot', { VolumeId: root!.diskId }).SnapshotId!;
    expect(
      lab.ec2Error(
        'RegisterImage',
        request({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: pending } }] }),
      ),
    ).toEqual({ code: 'IncorrectState', message: 'Snapshot is in invalid state - pending' });
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }).Images).toEqual([]);
  });
});

describe('Marketplace AMIs', () => {
  it('are owned by aws-marketplace, stay off the Quick Start list, and launch with their software and user', () => {
    const lab = createTestLab();
    const marketplace = lab.ec2('DescribeImages', { Owners: ['aws-marketplace'] }).Images!;
    expect(marketplace.map((i) => i.ImageOwnerAlias)).toEqual(marketplace.map(() => 'aws-marketplace'));
    expect(marketplace.length).toBeGreaterThanOrEqual(2);
    const quickStart = lab.lab('DescribeQuickStartImages', { Region: TEST_REGION }).Images;
    expect(quickStart.some((i) => i.Vendor)).toBe(false);
    expect(quickStart.some((i) => marketplace.some((m) => m.ImageId === i.ImageId))).toBe(false);

    const wordpress = loadCatalog().images[TEST_REGION]!.find((i) => i.quickStart.Software === 'wordpress')!;
    expect(
      lab.lab('DescribeLaunchImage', { Region: TEST_REGION, ImageId: wordpress.image.ImageId! }).Image,
    ).toMatchObject({
      DefaultUser: 'bitnami',
      Vendor: 'Bitnami by Broadcom',
    });
    const instanceId = lab.launch({ ImageId: wordpress.image.ImageId });
    lab.pass(TIMINGS.pendingMs);
    const fs = filesOf(lab, instanceId);
    expect(fs.readText('/home/bitnami/bitnami_credentials')).toContain("The default username and password is 'user'");
    expect(fs.exists('/opt/bitnami/wordpress/wp-config.php')).toBe(true);
    expect(fs.readText('/etc/os-release')).toContain('ID=debian');

    const nginx = loadCatalog().images[TEST_REGION]!.find((i) => i.quickStart.Software === 'nginx')!;
    const web = lab.launch({ ImageId: nginx.image.ImageId });
    lab.pass(TIMINGS.pendingMs);
    expect(filesOf(lab, web).readText('/usr/share/nginx/html/index.html')).toContain('Welcome to nginx!');
    // A plain Ubuntu server has none of it.
    const plain = lab.launch({ ImageId: quickStartImage('ubuntu') });
    lab.pass(TIMINGS.pendingMs);
    expect(filesOf(lab, plain).exists('/etc/nginx/nginx.conf')).toBe(false);
  });
});
