import { describe, expect, it } from 'vitest';
import { createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';
import { VOLUME_TIMINGS } from './volume-lifecycle';
import { TIMINGS } from '../instances/lifecycle';

const ZONE = 'ap-northeast-2a';

function volumeOf(lab: TestLab, volumeId: string) {
  return lab.ec2('DescribeVolumes', { VolumeIds: [volumeId] }).Volumes![0]!;
}

function running(lab: TestLab, zone = ZONE): string {
  const id = lab.launch({ Placement: { AvailabilityZone: zone } });
  lab.pass(TIMINGS.pendingMs);
  return id;
}

function launchError(lab: TestLab, extra: Record<string, unknown>) {
  return lab.ec2Error('RunInstances', { ImageId: quickStartImage('amazon-linux'), MinCount: 1, MaxCount: 1, ...extra });
}

function availableVolume(lab: TestLab, extra: Record<string, unknown> = {}): string {
  const volume = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 10, VolumeType: 'gp3', ...extra });
  lab.pass(VOLUME_TIMINGS.creatingMs);
  return volume.VolumeId!;
}

describe('CreateVolume', () => {
  it('makes a gp3 volume creating, then available, with gp3 defaults', () => {
    const lab = createTestLab();
    const created = lab.ec2('CreateVolume', {
      AvailabilityZone: ZONE,
      Size: 20,
      VolumeType: 'gp3',
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data' }] }],
    });
    expect(created).toMatchObject({
      State: 'creating',
      Size: 20,
      Iops: 3000,
      Throughput: 125,
      SnapshotId: '',
      Encrypted: false,
      AvailabilityZone: ZONE,
      Attachments: [],
      Tags: [{ Key: 'Name', Value: 'data' }],
    });
    expect(created.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    lab.pass(VOLUME_TIMINGS.creatingMs - 1);
    expect(volumeOf(lab, created.VolumeId!).State).toBe('creating');
    lab.pass(1);
    expect(volumeOf(lab, created.VolumeId!).State).toBe('available');
  });

  it('defaults to gp2 with its baseline of 3 IOPS per GiB, at least 100', () => {
    const lab = createTestLab();
    expect(lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 10 })).toMatchObject({
      VolumeType: 'gp2',
      Iops: 100,
    });
    expect(lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 100 }).Iops).toBe(300);
    expect(lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 500, VolumeType: 'st1' }).Iops).toBeUndefined();
  });

  it("refuses sizes outside each type's bounds with AWS's messages", () => {
    const lab = createTestLab();
    const cases: [string, number, string][] = [
      ['gp3', 0, 'Volume of 0GiB is too small; minimum is 1GiB.'],
      ['gp3', 16385, 'Volume of 16385GiB is too large; maximum is 16384GiB.'],
      ['io1', 3, 'Volume of 3GiB is too small; minimum is 4GiB.'],
      ['st1', 124, 'Volume of 124GiB is too small; minimum is 125GiB.'],
      ['sc1', 100, 'Volume of 100GiB is too small; minimum is 125GiB.'],
      ['standard', 1025, 'Volume of 1025GiB is too large; maximum is 1024GiB.'],
    ];
    for (const [type, size, message] of cases) {
      const extra = type === 'io1' ? { Iops: 100 } : {};
      expect(
        lab.ec2Error('CreateVolume', { AvailabilityZone: ZONE, Size: size, VolumeType: type as 'gp3', ...extra }),
      ).toEqual({ code: 'InvalidParameterValue', message });
    }
    expect(lab.ec2('DescribeVolumes', {}).Volumes).toEqual([]);
  });

  it('checks IOPS and throughput by type', () => {
    const lab = createTestLab();
    const error = (extra: Record<string, unknown>) =>
      lab.ec2Error('CreateVolume', { AvailabilityZone: ZONE, Size: 100, ...extra });
    expect(error({ VolumeType: 'gp3', Iops: 2000 }).message).toBe('Volume iops of 2000 is too low; minimum is 3000.');
    expect(error({ VolumeType: 'gp3', Iops: 17000 }).message).toBe(
      'Volume iops of 17000 is too high; maximum is 16000.',
    );
    expect(error({ VolumeType: 'io1' })).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter iops',
    });
    expect(error({ VolumeType: 'io1', Iops: 6000 }).message).toBe(
      'Iops to volume size ratio of 60.000000 is too high; maximum is 50.000000.',
    );
    expect(error({ VolumeType: 'gp2', Iops: 300 })).toEqual({
      code: 'InvalidParameterCombination',
      message: 'The parameter iops is not supported for gp2 volumes.',
    });
    expect(error({ VolumeType: 'gp3', Throughput: 100 }).message).toBe(
      'Throughput of 100 MiB/s is too low; minimum is 125 MiB/s.',
    );
    expect(error({ VolumeType: 'gp3', Throughput: 1000 }).message).toContain('to iops ratio of 0.333333 is too high');
    expect(error({ VolumeType: 'st1', Size: 500, Throughput: 200 }).code).toBe('InvalidParameterCombination');
    expect(lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 100, VolumeType: 'io2', Iops: 5000 }).Iops).toBe(
      5000,
    );
  });

  it('requires an Availability Zone of the region, and a size or a snapshot', () => {
    const lab = createTestLab();
    expect(lab.ec2Error('CreateVolume', { Size: 10 } as never).code).toBe('MissingParameter');
    expect(lab.ec2Error('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10 })).toEqual({
      code: 'InvalidParameterValue',
      message: 'Invalid availability zone: [us-east-1a]',
    });
    expect(lab.ec2Error('CreateVolume', { AvailabilityZone: ZONE }).code).toBe('MissingParameter');
  });
});

describe('AttachVolume and DetachVolume', () => {
  it('attaches in the same zone: attaching, then in-use, DeleteOnTermination false, listed on the instance', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const volumeId = availableVolume(lab);
    const attachment = lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
    expect(attachment).toMatchObject({
      State: 'attaching',
      Device: '/dev/sdf',
      InstanceId: instanceId,
      VolumeId: volumeId,
    });
    expect(volumeOf(lab, volumeId).State).toBe('in-use');
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(volumeOf(lab, volumeId).Attachments).toEqual([
      expect.objectContaining({ State: 'attached', DeleteOnTermination: false, Device: '/dev/sdf' }),
    ]);
    const mappings = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!
      .BlockDeviceMappings!;
    expect(mappings.map((m) => [m.DeviceName, m.Ebs!.Status])).toEqual([
      ['/dev/xvda', 'attached'],
      ['/dev/sdf', 'attached'],
    ]);
    const filtered = lab.ec2('DescribeVolumes', {
      Filters: [
        { Name: 'attachment.instance-id', Values: [instanceId] },
        { Name: 'attachment.device', Values: ['/dev/sd*'] },
      ],
    }).Volumes!;
    expect(filtered.map((v) => v.VolumeId)).toEqual([volumeId]);
  });

  it('refuses another zone, an attached volume, a bad or taken device, and an instance not running or stopped', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const other = running(lab, 'ap-northeast-2b');
    const volumeId = availableVolume(lab);
    expect(lab.ec2Error('AttachVolume', { VolumeId: volumeId, InstanceId: other, Device: '/dev/sdf' })).toEqual({
      code: 'InvalidVolume.ZoneMismatch',
      message: `The volume '${volumeId}' is not in the same availability zone as instance '${other}'`,
    });
    expect(lab.ec2Error('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: 'sdf1x' })).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value (sdf1x) for parameter device is invalid. sdf1x is not a valid EBS device name.',
    });
    expect(lab.ec2Error('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/xvda' })).toEqual({
      code: 'InvalidParameterValue',
      message: "Invalid value '/dev/xvda' for unixDevice. Attachment point /dev/xvda is already in use",
    });
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
    expect(lab.ec2Error('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdg' })).toEqual({
      code: 'VolumeInUse',
      message: `${volumeId} is already attached to an instance`,
    });
    const creating = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 1 }).VolumeId!;
    expect(lab.ec2Error('AttachVolume', { VolumeId: creating, InstanceId: instanceId, Device: '/dev/sdh' }).code).toBe(
      'IncorrectState',
    );
    const pending = lab.launch({ Placement: { AvailabilityZone: ZONE } });
    lab.pass(VOLUME_TIMINGS.creatingMs);
    expect(lab.ec2Error('AttachVolume', { VolumeId: creating, InstanceId: pending, Device: '/dev/sdh' }).code).toBe(
      'IncorrectInstanceState',
    );
  });

  it('detaches the root volume only while its instance is stopped, even with Force', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const root = lab.ec2('DescribeVolumes', {
      Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }],
    }).Volumes![0]!.VolumeId!;
    expect(lab.ec2Error('DetachVolume', { VolumeId: root, Force: true })).toEqual({
      code: 'IncorrectState',
      message: `Unable to detach root volume '${root}' from instance '${instanceId}'`,
    });
    lab.ec2('StopInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.stoppingMs);
    expect(lab.ec2('DetachVolume', { VolumeId: root }).State).toBe('detaching');
    lab.pass(VOLUME_TIMINGS.detachingMs);
    expect(volumeOf(lab, root)).toMatchObject({ State: 'available', Attachments: [] });
    expect(
      lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!.BlockDeviceMappings,
    ).toEqual([]);
    expect(lab.ec2Error('DetachVolume', { VolumeId: root })).toEqual({
      code: 'IncorrectState',
      message: `Volume '${root}' is in the 'available' state.`,
    });
  });

  it('detaches a data volume, checking the instance it names', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const other = running(lab);
    const volumeId = availableVolume(lab);
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(lab.ec2Error('DetachVolume', { VolumeId: volumeId, InstanceId: other })).toEqual({
      code: 'InvalidAttachment.NotFound',
      message: `Volume ${volumeId} can not be detached from ${other} because it is not attached`,
    });
    lab.ec2('DetachVolume', { VolumeId: volumeId, InstanceId: instanceId, Force: true });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(volumeOf(lab, volumeId).State).toBe('available');
  });
});

describe('DeleteVolume and ModifyVolume', () => {
  it('refuses to delete an attached volume, and deletes an available one on the clock', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const volumeId = availableVolume(lab);
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
    expect(lab.ec2Error('DeleteVolume', { VolumeId: volumeId })).toEqual({
      code: 'VolumeInUse',
      message: `Volume ${volumeId} is currently attached to ${instanceId}`,
    });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    lab.ec2('DetachVolume', { VolumeId: volumeId });
    lab.pass(VOLUME_TIMINGS.detachingMs);
    expect(lab.ec2('DeleteVolume', { VolumeId: volumeId })).toEqual({});
    expect(volumeOf(lab, volumeId).State).toBe('deleting');
    lab.pass(VOLUME_TIMINGS.deletingMs);
    expect(lab.ec2Error('DescribeVolumes', { VolumeIds: [volumeId] })).toEqual({
      code: 'InvalidVolume.NotFound',
      message: `The volume '${volumeId}' does not exist.`,
    });
  });

  it('grows a volume (never shrinks it) through modifying, optimizing and completed', () => {
    const lab = createTestLab();
    const volumeId = availableVolume(lab);
    expect(lab.ec2Error('ModifyVolume', { VolumeId: volumeId, Size: 5 }).message).toBe(
      'New size cannot be smaller than existing size. Current size is 10 GiB and requested size is 5 GiB.',
    );
    const modified = lab.ec2('ModifyVolume', { VolumeId: volumeId, Size: 50, Iops: 4000 }).VolumeModification!;
    expect(modified).toMatchObject({
      ModificationState: 'modifying',
      OriginalSize: 10,
      TargetSize: 50,
      TargetIops: 4000,
    });
    expect(lab.ec2Error('ModifyVolume', { VolumeId: volumeId, Size: 60 }).code).toBe('IncorrectModificationState');
    lab.pass(VOLUME_TIMINGS.modifyingMs);
    expect(volumeOf(lab, volumeId)).toMatchObject({ Size: 50, Iops: 4000 });
    expect(
      lab.ec2('DescribeVolumesModifications', { VolumeIds: [volumeId] }).VolumesModifications![0]!.ModificationState,
    ).toBe('optimizing');
    lab.pass(VOLUME_TIMINGS.optimizingMs);
    expect(lab.ec2('DescribeVolumesModifications', {}).VolumesModifications).toEqual([
      expect.objectContaining({ ModificationState: 'completed', Progress: 100, EndTime: expect.any(Date) }),
    ]);
    lab.ec2('ModifyVolume', { VolumeId: volumeId, VolumeType: 'io2', Iops: 1000 });
    lab.pass(VOLUME_TIMINGS.modifyingMs);
    expect(volumeOf(lab, volumeId)).toMatchObject({ VolumeType: 'io2', Iops: 1000, Throughput: undefined });
  });
});

describe('block-device mappings at launch', () => {
  it('makes extra volumes (DeleteOnTermination true by default), drops NoDevice, and deletes them with the instance', () => {
    const lab = createTestLab();
    const instanceId = lab.launch({
      BlockDeviceMappings: [
        { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 20, VolumeType: 'io1', Iops: 500 } },
        { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 5, DeleteOnTermination: false } },
        { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
        { DeviceName: '/dev/sdh', NoDevice: '' },
      ],
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'app', Value: 'web' }] }],
    });
    const volumes = lab.ec2('DescribeVolumes', {
      Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }],
    }).Volumes!;
    expect(
      volumes.map((v) => [
        v.Attachments![0]!.Device,
        v.Size,
        v.VolumeType,
        v.Iops,
        v.Attachments![0]!.DeleteOnTermination,
      ]),
    ).toEqual([
      ['/dev/xvda', 8, 'gp3', 3000, true],
      ['/dev/sdf', 20, 'io1', 500, true],
      ['/dev/sdg', 5, 'gp3', 3000, false],
    ]);
    expect(lab.ec2('DescribeVolumes', { Filters: [{ Name: 'tag:app', Values: ['web'] }] }).Volumes).toHaveLength(3);
    lab.pass(TIMINGS.pendingMs);
    lab.ec2('TerminateInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.shuttingDownMs);
    const left = lab.ec2('DescribeVolumes', {}).Volumes!;
    expect(left.map((v) => [v.Size, v.State])).toEqual([[5, 'available']]);
  });

  it('refuses a bad device name and the root device suppressed', () => {
    const lab = createTestLab();
    expect(launchError(lab, { BlockDeviceMappings: [{ DeviceName: 'disk1', Ebs: { VolumeSize: 1 } }] }).code).toBe(
      'InvalidParameterValue',
    );
    expect(launchError(lab, { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', NoDevice: '' }] }).code).toBe(
      'InvalidParameterValue',
    );
    expect(launchError(lab, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: {} }] }).code).toBe(
      'MissingParameter',
    );
    expect(lab.ec2('DescribeVolumes', {}).Volumes).toEqual([]);
  });
});
