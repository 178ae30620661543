// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { InstanceTypeInfo } from '@aws-sdk/client-ec2';
import { createEngineLab } from '../../testing/engine-lab';
import { emptyLaunchForm } from './launch-form';
import { buildRunInstancesRequest } from './launch-request';
import { validateLaunch } from './launch-validation';

const lab = createEngineLab();
const image = lab.quickStart('amazon-linux');
const typeInfo = (name: string) =>
  lab.ec2('DescribeInstanceTypes', { InstanceTypes: [name as never] }).InstanceTypes![0]!;
const t3 = typeInfo('t3.micro');

function form(overrides: Partial<ReturnType<typeof emptyLaunchForm>> = {}) {
  return { ...emptyLaunchForm(), imageId: image.ImageId, instanceType: 't3.micro', rootSize: 8, ...overrides };
}

describe('launch request', () => {
  it('builds a minimal request with no optional members', () => {
    expect(buildRunInstancesRequest(form(), image, false)).toEqual({
      ImageId: image.ImageId,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      InstanceInitiatedShutdownBehavior: 'stop',
      DisableApiTermination: false,
      DisableApiStop: false,
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/xvda',
          Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: false, DeleteOnTermination: true },
        },
      ],
      // "No preference" with the default subnets' auto-assign, as the console sends it.
      NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }],
    });
  });

  it('tags the Name and extra tags, and base64-encodes UTF-8 user data', () => {
    const request = buildRunInstancesRequest(
      form({ name: '웹 서버', tags: [{ key: ' env ', value: 'lab' }], userData: 'echo 안녕' }),
      image,
      true,
    );
    expect(request.TagSpecifications).toEqual([
      {
        ResourceType: 'instance',
        Tags: [
          { Key: 'Name', Value: '웹 서버' },
          { Key: 'env', Value: 'lab' },
        ],
      },
    ]);
    expect(new TextDecoder().decode(Uint8Array.from(atob(request.UserData!), (c) => c.charCodeAt(0)))).toBe(
      'echo 안녕',
    );
    expect(request.HibernationOptions).toEqual({ Configured: false });
  });
});

describe('launch validation', () => {
  it('accepts the defaults', () => {
    expect(validateLaunch(form(), { image, typeInfo: t3 })).toEqual({});
  });

  it('rejects duplicate and reserved tag keys, counting the Name tag', () => {
    expect(
      validateLaunch(form({ name: 'a', tags: [{ key: 'Name', value: 'b' }] }), { image, typeInfo: t3 }).tags?.key,
    ).toBe('tags.errors.duplicateKey');
    expect(validateLaunch(form({ tags: [{ key: 'aws:x', value: '' }] }), { image, typeInfo: t3 }).tags?.key).toBe(
      'tags.errors.reservedPrefix',
    );
  });

  it('refuses Mac types, which run only on Dedicated Hosts', () => {
    const mac = { ...t3, InstanceType: 'mac2.metal' as InstanceTypeInfo['InstanceType'] };
    expect(validateLaunch(form(), { image, typeInfo: mac }).instanceType).toEqual({
      key: 'launch.errors.typeNeedsDedicatedHost',
      params: { type: 'mac2.metal' },
    });
  });

  it('requires an encrypted root larger than RAM for hibernation, on a type that supports it', () => {
    const unsupported = { ...t3, HibernationSupported: false };
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true }), { image, typeInfo: unsupported }).hibernation
        ?.key,
    ).toBe('launch.errors.hibernationUnsupported');
    expect(validateLaunch(form({ hibernation: true }), { image, typeInfo: t3 }).hibernation?.key).toBe(
      'launch.errors.hibernationEncryption',
    );
    // The root must hold the AMI (8 GiB) and the whole RAM, as the engine checks it.
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true, rootSize: 9 }), { image, typeInfo: t3 })
        .hibernation,
    ).toBe(undefined);
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true }), { image, typeInfo: t3 }).hibernation,
    ).toEqual({ key: 'launch.errors.hibernationRootSize', params: { min: 9 } });
    const m5 = typeInfo('m5.large');
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true }), { image, typeInfo: m5 }).hibernation,
    ).toEqual({
      key: 'launch.errors.hibernationRootSize',
      params: { min: 16 },
    });
    const atLimit = { ...t3, MemoryInfo: { SizeInMiB: 150 * 1024 } };
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true, rootSize: 158 }), { image, typeInfo: atLimit })
        .hibernation,
    ).toBe(undefined);
    const big = { ...t3, MemoryInfo: { SizeInMiB: 160 * 1024 } };
    expect(
      validateLaunch(form({ hibernation: true, rootEncrypted: true }), { image, typeInfo: big }).hibernation?.key,
    ).toBe('launch.errors.hibernationRam');
  });

  it('rejects user data over 16 KB and counts outside 1–20', () => {
    const errors = validateLaunch(form({ userData: 'x'.repeat(16 * 1024 + 1), count: 21 }), { image, typeInfo: t3 });
    expect(errors.userData?.key).toBe('launch.errors.userDataTooLong');
    expect(errors.count?.key).toBe('launch.errors.count');
    expect(validateLaunch(form({ count: 1.5 }), { image, typeInfo: t3 }).count?.key).toBe('launch.errors.count');
  });
});
