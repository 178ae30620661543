/**
 * AMIs from a snapshot and from the Marketplace with the real AWS CLI v2 against the lab's EC2 API:
 * `describe-images --owners aws-marketplace`, then register-image with a root snapshot given as
 * `--block-device-mappings` JSON, `aws ec2 wait image-available`, and register-image refused when
 * the root device has no snapshot. The lab clock stands still and is moved by AdvanceClock.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'images' });
const advance = (milliseconds: number) =>
  lab.engine.dispatch({ service: 'lab', operation: 'AdvanceClock', input: { milliseconds } });

async function aws<T>(...args: string[]): Promise<T> {
  const result = await lab.run('ec2', args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (result.stdout ? JSON.parse(result.stdout) : {}) as T;
}

describeWithCli('register-image and Marketplace AMIs with the AWS CLI v2', () => {
  beforeAll(() => {
    lab.engine.dispatch({ service: 'lab', operation: 'SetClockSpeed', input: { speed: 0 } });
  });

  it('lists Marketplace AMIs, registers an AMI from a root snapshot and waits for it', async () => {
    const marketplace = await aws<{ Images: { Name: string; ImageOwnerAlias: string }[] }>(
      'describe-images',
      '--owners',
      'aws-marketplace',
    );
    expect(marketplace.Images.length).toBeGreaterThanOrEqual(2);
    expect(new Set(marketplace.Images.map((i) => i.ImageOwnerAlias))).toEqual(new Set(['aws-marketplace']));
    expect(marketplace.Images.map((i) => i.Name)).toContainEqual(expect.stringMatching(/^bitnami-wordpress-/));

    const volume = await aws<{ VolumeId: string }>(
      'create-volume',
      '--availability-zone',
      'ap-northeast-2a',
      '--size',
      '8',
    );
    advance(60_000);
    const snapshot = await aws<{ SnapshotId: string }>('create-snapshot', '--volume-id', volume.VolumeId);
    advance(60_000);

    const refused = await lab.run('ec2', [
      'register-image',
      '--name',
      'cli-registered',
      '--root-device-name',
      '/dev/xvda',
      '--block-device-mappings',
      JSON.stringify([{ DeviceName: '/dev/sdf', Ebs: { SnapshotId: snapshot.SnapshotId } }]),
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      '(InvalidBlockDeviceMapping) when calling the RegisterImage operation: The root device name /dev/xvda must be mapped to an EBS snapshot in the block device mapping.',
    );

    const registered = await aws<{ ImageId: string }>(
      'register-image',
      '--name',
      'cli-registered',
      '--architecture',
      'x86_64',
      '--virtualization-type',
      'hvm',
      '--root-device-name',
      '/dev/xvda',
      '--block-device-mappings',
      JSON.stringify([{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshot.SnapshotId, VolumeType: 'gp3' } }]),
    );
    await aws('wait', 'image-available', '--image-ids', registered.ImageId);
    const own = await aws<{ Images: { ImageId: string; Name: string; State: string }[] }>(
      'describe-images',
      '--owners',
      'self',
    );
    expect(own.Images.map((i) => [i.ImageId, i.Name, i.State])).toEqual([
      [registered.ImageId, 'cli-registered', 'available'],
    ]);
  });
});
