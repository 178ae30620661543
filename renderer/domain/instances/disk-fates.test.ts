import { describe, expect, it } from 'vitest';
import type { Instance, InstanceTypeInfo } from '@aws-sdk/client-ec2';
import { instanceDisks, instanceStoreDisks } from './disk-fates';

const c5d: InstanceTypeInfo = {
  InstanceType: 'c5d.large',
  InstanceStorageInfo: { TotalSizeInGB: 50, Disks: [{ SizeInGB: 50, Count: 1, Type: 'ssd' }] },
};
const instance = (hibernation: boolean): Instance => ({
  RootDeviceName: '/dev/xvda',
  HibernationOptions: { Configured: hibernation },
  BlockDeviceMappings: [
    { DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-root', DeleteOnTermination: true } },
    { DeviceName: '/dev/sdf', Ebs: { VolumeId: 'vol-data', DeleteOnTermination: false } },
  ],
});

describe('instanceDisks', () => {
  it('keeps EBS data across stop, deletes or detaches it on terminate, and wipes instance store on stop', () => {
    expect(instanceDisks(instance(true), c5d)).toEqual([
      {
        kind: 'rootEbs',
        id: 'vol-root',
        device: '/dev/xvda',
        fates: { reboot: 'kept', stop: 'kept', hibernate: 'keptRam', terminate: 'deleted' },
      },
      {
        kind: 'dataEbs',
        id: 'vol-data',
        device: '/dev/sdf',
        fates: { reboot: 'kept', stop: 'kept', hibernate: 'kept', terminate: 'detached' },
      },
      {
        kind: 'store',
        id: 'ephemeral0',
        device: 'ephemeral0',
        fates: { reboot: 'kept', stop: 'wiped', hibernate: 'wiped', terminate: 'wiped' },
      },
    ]);
  });

  it('says hibernate is unavailable when the instance was not launched with it', () => {
    expect(instanceDisks(instance(false), undefined).map((disk) => disk.fates.hibernate)).toEqual([
      'unavailable',
      'unavailable',
    ]);
  });

  it('names each instance-store disk of a type with several', () => {
    const i3 = { InstanceStorageInfo: { Disks: [{ SizeInGB: 1900, Count: 2, Type: 'ssd' }] } } as InstanceTypeInfo;
    expect(instanceStoreDisks(i3)).toEqual([
      { name: 'ephemeral0', sizeGb: 1900, media: 'ssd' },
      { name: 'ephemeral1', sizeGb: 1900, media: 'ssd' },
    ]);
    expect(instanceStoreDisks(undefined)).toEqual([]);
  });
});
