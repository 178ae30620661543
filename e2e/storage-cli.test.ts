/**
 * EBS volumes, snapshots and AMIs with the real AWS CLI v2 (Debian's /usr/bin/aws) against the
 * lab's EC2 API, as the EBS User Guide has a learner script them: create-volume, `aws ec2 wait
 * volume-available`, attach-volume, create-snapshot, `aws ec2 wait snapshot-completed` (which polls
 * every 15 s), create-image and `aws ec2 wait image-available`, then delete-snapshot refused while
 * the AMI uses it. The lab clock stands still; it jumps a minute right after the snapshot waiter's
 * first poll, so that waiter waits once for real (15 s) and the others find their resource ready.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { beforeAll, expect, it } from 'vitest';
import type { ApiCall } from '../shared/api';
import { describeWithCli, useCliLab } from './support/aws-cli';

/** Called after the engine answers a call (to move the clock once a waiter has polled). */
let afterCall: (call: ApiCall) => void = () => {};

const lab = useCliLab({
  name: 'storage',
  door: (engine) => ({
    dispatch(call) {
      const result = engine.dispatch(call);
      afterCall(call);
      return result;
    },
  }),
});

const advance = (milliseconds: number) =>
  lab.engine.dispatch({ service: 'lab', operation: 'AdvanceClock', input: { milliseconds } });

async function aws<T>(...args: string[]): Promise<T> {
  const result = await lab.run('ec2', args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (result.stdout ? JSON.parse(result.stdout) : {}) as T;
}

describeWithCli('EBS volumes, snapshots and AMIs with the AWS CLI v2', () => {
  beforeAll(() => {
    lab.engine.dispatch({ service: 'lab', operation: 'SetClockSpeed', input: { speed: 0 } });
  });

  it('creates a volume, waits for it, attaches it, snapshots it and waits for the snapshot, makes an AMI and waits for it', async () => {
    const images = await aws<{ Images: { ImageId: string }[] }>(
      'describe-images',
      '--owners',
      'amazon',
      '--filters',
      'Name=name,Values=al2023-ami-2023*x86_64',
    );
    const run = await aws<{ Instances: { InstanceId: string }[] }>(
      'run-instances',
      '--image-id',
      images.Images[0]!.ImageId,
      '--instance-type',
      't3.micro',
      '--placement',
      'AvailabilityZone=ap-northeast-2a',
    );
    const instanceId = run.Instances[0]!.InstanceId;

    const volume = await aws<{ VolumeId: string; State: string }>(
      'create-volume',
      '--availability-zone',
      'ap-northeast-2a',
      '--size',
      '8',
      '--volume-type',
      'gp3',
    );
    expect(volume.State).toBe('creating');
    advance(60_000);
    expect(await lab.run('ec2', ['wait', 'volume-available', '--volume-ids', volume.VolumeId])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const attached = await aws<{ State: string; Device: string }>(
      'attach-volume',
      '--volume-id',
      volume.VolumeId,
      '--instance-id',
      instanceId,
      '--device',
      '/dev/sdf',
    );
    expect(attached).toMatchObject({ State: 'attaching', Device: '/dev/sdf' });

    const refused = await lab.run('ec2', ['delete-volume', '--volume-id', volume.VolumeId]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `An error occurred (VolumeInUse) when calling the DeleteVolume operation: Volume ${volume.VolumeId} is currently attached to ${instanceId}`,
    );

    const snapshot = await aws<{ SnapshotId: string; State: string }>(
      'create-snapshot',
      '--volume-id',
      volume.VolumeId,
      '--description',
      'from the CLI',
    );
    expect(snapshot.State).toBe('pending');
    // The waiter's first poll sees `pending`; then a minute of lab time passes; its next poll sees `completed`.
    let polls = 0;
    afterCall = (call) => {
      if (call.service === 'ec2' && call.operation === 'DescribeSnapshots' && ++polls === 1) advance(60_000);
    };
    expect(await lab.run('ec2', ['wait', 'snapshot-completed', '--snapshot-ids', snapshot.SnapshotId])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    afterCall = () => {};
    expect(polls).toBe(2);

    const image = await aws<{ ImageId: string }>(
      'create-image',
      '--instance-id',
      instanceId,
      '--name',
      'cli-web-server',
      '--no-reboot',
    );
    advance(120_000);
    expect(await lab.run('ec2', ['wait', 'image-available', '--image-ids', image.ImageId])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const described = await aws<{ Images: { BlockDeviceMappings: { Ebs?: { SnapshotId: string } }[] }[] }>(
      'describe-images',
      '--owners',
      'self',
    );
    const inUse = described.Images[0]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId;
    const deleting = await lab.run('ec2', ['delete-snapshot', '--snapshot-id', inUse]);
    expect(deleting.stderr).toContain(`(InvalidSnapshot.InUse)`);
    expect(deleting.stderr).toContain(`The snapshot ${inUse} is currently in use by ${image.ImageId}`);
  });
});
