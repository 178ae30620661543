/**
 * One instance as its guest commands see it: its facts (id, region, OS, addresses), the engine's
 * guest runtime for it (mounts, services, load) and its block devices, read fresh for each command
 * and kept between the many file calls a command makes until something changes.
 */
import type { GuestBlockDevice, GuestView, ShellEngine } from '../shell-engine';
import type { InstanceFacts } from '../machines/instance-machine';
import { describeInstance, engineReader, type Instance } from '../machines/instance-machines';
import type { Mount } from '../machines/guest-fs';

export class GuestInstance {
  private cachedDevices: GuestBlockDevice[] | undefined;
  private cachedMounts: Mount[] | undefined;

  constructor(
    readonly engine: ShellEngine,
    readonly facts: InstanceFacts,
  ) {}

  get id(): string {
    return this.facts.instanceId;
  }

  /** Forget what was read (a command changed it, or the engine says something changed). */
  invalidate(): void {
    this.cachedDevices = undefined;
    this.cachedMounts = undefined;
  }

  view(): GuestView {
    const view = this.engine.guests.view(this.id);
    if (!view) throw Object.assign(new Error('the instance is gone'), { code: 'EIO' });
    return view;
  }

  devices(): GuestBlockDevice[] {
    return (this.cachedDevices ??= this.engine.guests.devices(this.id));
  }

  /** The mounts besides the root (for the machine's filesystem). */
  mounts(): Mount[] {
    return (this.cachedMounts ??= this.view().mounts.map((m) => ({ mountPoint: m.mountPoint, diskId: m.diskId })));
  }

  /** The instance as DescribeInstances shows it now (addresses, groups, type). */
  described(): Instance | undefined {
    return describeInstance(engineReader(this.engine), this.facts.region, this.id);
  }

  /** The instance's user data as text, or undefined if it has none. */
  userData(): string | undefined {
    try {
      const value = engineReader(this.engine).ec2(this.facts.region, 'DescribeInstanceAttribute', {
        InstanceId: this.id,
        Attribute: 'userData',
      }).UserData?.Value;
      if (!value) return undefined;
      return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
    } catch {
      return undefined;
    }
  }

  /** The device a command names (`/dev/nvme1n1`, `/dev/sdf` on Amazon Linux's symlinks, `/dev/xvdf`). */
  device(path: string): { device: GuestBlockDevice; partition: boolean } | undefined {
    const name = path.replace(/^\/dev\//, '');
    for (const device of this.devices()) {
      if (device.name === name) return { device, partition: false };
      if (device.partition === name) return { device, partition: true };
      if (this.facts.os === 'amazon-linux' && device.apiName === path) return { device, partition: device.root };
    }
    return undefined;
  }

  /** The `/dev/…` name a mounted disk is shown by (the root's partition for the root). */
  deviceNameOf(diskId: string): string {
    const device = this.devices().find((d) => d.diskId === diskId);
    if (!device) return diskId;
    return `/dev/${device.partition ?? device.name}`;
  }
}
