import { describe, expect, it } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { VOLUME_TIMINGS } from '../volumes/volume-lifecycle';
import { snapshotDuration } from './new-snapshot';

const ZONE = 'ap-northeast-2a';

function volumeWithFiles(lab: TestLab, sizeGiB = 10): string {
  const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: sizeGiB, VolumeType: 'gp3' }).VolumeId!;
  lab.pass(VOLUME_TIMINGS.creatingMs);
  lab.engine.disks.change(volumeId, (fs) => {
    fs.format('xfs');
    fs.writeFile('/report.csv', 'day,visits\n1,10\n');
  });
  return volumeId;
}

function snapshotOf(lab: TestLab, snapshotId: string, region?: string) {
  return lab.ec2('DescribeSnapshots', { SnapshotIds: [snapshotId] }, region).Snapshots![0]!;
}

describe('CreateSnapshot and DescribeSnapshots', () => {
  it('is pending with a growing progress, then completed, a copy of the files at that moment', () => {
    const lab = createTestLab();
    const volumeId = volumeWithFiles(lab);
    const created = lab.ec2('CreateSnapshot', {
      VolumeId: volumeId,
      Description: 'before the upgrade',
      TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'daily' }] }],
    });
    expect(created).toMatchObject({
      State: 'pending',
      Progress: '0%',
      VolumeId: volumeId,
      VolumeSize: 10,
      Description: 'before the upgrade',
      Tags: [{ Key: 'Name', Value: 'daily' }],
    });
    expect(created.SnapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
    lab.engine.disks.change(volumeId, (fs) => fs.writeFile('/report.csv', 'changed after the snapshot\n'));
    const duration = snapshotDuration(10);
    lab.pass(duration / 2);
    expect(snapshotOf(lab, created.SnapshotId!)).toMatchObject({ State: 'pending', Progress: '50%' });
    lab.pass(duration / 2);
    expect(snapshotOf(lab, created.SnapshotId!)).toMatchObject({ State: 'completed', Progress: '100%' });
    expect(lab.engine.disks.inspect(created.SnapshotId!, (fs) => fs.readText('/report.csv'))).toBe(
      'day,visits\n1,10\n',
    );
    expect(() => lab.engine.disks.change(created.SnapshotId!, (fs) => fs.writeFile('/x', 'y'))).toThrow(/^EROFS/);
    const own = lab.ec2('DescribeSnapshots', {
      OwnerIds: ['self'],
      Filters: [
        { Name: 'volume-id', Values: [volumeId] },
        { Name: 'status', Values: ['completed'] },
      ],
    }).Snapshots!;
    expect(own.map((s) => s.SnapshotId)).toEqual([created.SnapshotId]);
    expect(lab.ec2('DescribeSnapshots', { OwnerIds: ['amazon'] }).Snapshots).toEqual([]);
  });

  it('allows at most five pending snapshots of a volume', () => {
    const lab = createTestLab();
    const volumeId = volumeWithFiles(lab);
    for (let i = 0; i < 5; i++) lab.ec2('CreateSnapshot', { VolumeId: volumeId });
    expect(lab.ec2Error('CreateSnapshot', { VolumeId: volumeId })).toEqual({
      code: 'SnapshotCreationPerVolumeRateExceeded',
      message:
        'The maximum per volume CreateSnapshot request rate has been exceeded. Use an increasing or variable sleep interval between requests.',
    });
    lab.pass(snapshotDuration(10));
    expect(lab.ec2('CreateSnapshot', { VolumeId: volumeId }).State).toBe('pending');
  });

  it('answers unknown and malformed snapshot ids as AWS does', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('DescribeSnapshots', { SnapshotIds: ['snap-0123456789abcdef0'] })).toEqual({
      code: 'InvalidSnapshot.NotFound',
      message: "The snapshot 'snap-0123456789abcdef0' does not exist.",
    });
    expect(lab.ec2Error('DeleteSnapshot', { SnapshotId: 'snapshot-1' }).code).toBe('InvalidSnapshotID.Malformed');
  });
});

describe('volumes from snapshots, copies and deletion', () => {
  it('restores the files on a new volume, which attaches to an instance and shows them', () => {
    const lab = createTestLab();
    const volumeId = volumeWithFiles(lab, 8);
    const snapshotId = lab.ec2('CreateSnapshot', { VolumeId: volumeId }).SnapshotId!;
    expect(lab.ec2Error('CreateVolume', { AvailabilityZone: ZONE, SnapshotId: snapshotId }).message).toBe(
      'Snapshot is in invalid state - pending',
    );
    lab.pass(snapshotDuration(8));
    expect(lab.ec2Error('CreateVolume', { AvailabilityZone: ZONE, SnapshotId: snapshotId, Size: 4 })).toEqual({
      code: 'InvalidParameterValue',
      message: `Volume of size 4GB is smaller than snapshot '${snapshotId}', expect size >= 8GB`,
    });
    const restored = lab.ec2('CreateVolume', { AvailabilityZone: 'ap-northeast-2b', SnapshotId: snapshotId });
    expect(restored).toMatchObject({ Size: 8, SnapshotId: snapshotId, State: 'creating' });
    lab.pass(VOLUME_TIMINGS.creatingMs);
    const instanceId = lab.launch({ Placement: { AvailabilityZone: 'ap-northeast-2b' } });
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('AttachVolume', { VolumeId: restored.VolumeId!, InstanceId: instanceId, Device: '/dev/sdf' });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(lab.engine.disks.inspect(restored.VolumeId!, (fs) => fs.readText('/report.csv'))).toBe('day,visits\n1,10\n');
    const reopened = lab.reopen();
    expect(reopened.engine.disks.inspect(restored.VolumeId!, (fs) => fs.readText('/report.csv'))).toBe(
      'day,visits\n1,10\n',
    );
  });

  it('copies a completed snapshot to another region with its files', () => {
    const lab = createTestLab();
    const volumeId = volumeWithFiles(lab);
    const snapshotId = lab.ec2('CreateSnapshot', { VolumeId: volumeId }).SnapshotId!;
    expect(
      lab.ec2Error('CopySnapshot', { SourceRegion: 'ap-northeast-2', SourceSnapshotId: snapshotId }, 'us-east-1').code,
    ).toBe('IncorrectState');
    lab.pass(snapshotDuration(10));
    const copy = lab.ec2(
      'CopySnapshot',
      { SourceRegion: 'ap-northeast-2', SourceSnapshotId: snapshotId, Description: 'DR copy' },
      'us-east-1',
    );
    expect(snapshotOf(lab, copy.SnapshotId!, 'us-east-1')).toMatchObject({ State: 'pending', Description: 'DR copy' });
    expect(lab.ec2Error('DescribeSnapshots', { SnapshotIds: [copy.SnapshotId!] }).code).toBe(
      'InvalidSnapshot.NotFound',
    );
    lab.pass(snapshotDuration(10));
    const restored = lab.ec2(
      'CreateVolume',
      { AvailabilityZone: 'us-east-1a', SnapshotId: copy.SnapshotId! },
      'us-east-1',
    ).VolumeId!;
    expect(lab.engine.disks.inspect(restored, (fs) => fs.readText('/report.csv'))).toBe('day,visits\n1,10\n');
  });

  it('deletes a snapshot and its files', () => {
    const lab = createTestLab();
    const snapshotId = lab.ec2('CreateSnapshot', { VolumeId: volumeWithFiles(lab) }).SnapshotId!;
    expect(lab.ec2('DeleteSnapshot', { SnapshotId: snapshotId })).toEqual({});
    expect(lab.engine.disks.read(snapshotId)).toBeUndefined();
    expect(lab.ec2('DescribeSnapshots', {}).Snapshots).toEqual([]);
  });
});
