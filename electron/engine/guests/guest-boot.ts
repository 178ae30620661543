/**
 * The OS inside each instance going up and down with the instance, on the lab clock: when an
 * instance reaches running (or comes back from a reboot) its OS boots — /etc/fstab's filesystems
 * are mounted and enabled services start (EC2 User Guide: ebs-using-volumes, "Automatically mount
 * an attached volume after reboot"); when it stops, hibernates, reboots or terminates, what only
 * lived in memory (mounts, running services, CPU load) is gone. A detached volume's mount vanishes.
 */
import type { EngineContext } from '../context';
import { changesSince, dueSchedule } from '../due-times';
import { INSTANCES, type InstanceRecord } from '../instances/instance-record';
import { TIMINGS } from '../instances/lifecycle';
import { viewContents } from '../volumes/disk-contents';
import { DISK_CONTENTS } from '../volumes/disk-contents-record';
import { VOLUMES } from '../volumes/volume-record';
import { attachedDisks, blockDevicesOf, type GuestBlockDevice } from './block-devices';
import { GUESTS, type GuestMount, type GuestRecord } from './guest-record';

/** Whether the instance's OS is up: running and not in the middle of a reboot. */
export function osUp(instance: InstanceRecord): boolean {
  return instance.state === 'running' && instance.rebootingUntil === undefined;
}

export function newGuest(instance: InstanceRecord): GuestRecord {
  return {
    instanceId: instance.instanceId,
    region: instance.region,
    mounts: [],
    running: [],
    enabled: [],
    loads: [],
    nextPid: 2000 + (parseInt(instance.instanceId.slice(-3), 16) % 1000),
    userDataRan: false,
  };
}

/** The device a name in /etc/fstab or on a command line means: `UUID=…`, `/dev/nvme1n1`, or the API's `/dev/sdf`. */
export function resolveDevice(devices: readonly GuestBlockDevice[], spec: string): GuestBlockDevice | undefined {
  if (spec.startsWith('UUID=')) {
    const uuid = spec.slice(5).replace(/^"|"$/g, '');
    return devices.find((d) => d.uuid === uuid);
  }
  const name = spec.replace(/^\/dev\//, '');
  return devices.find(
    (d) => d.name === name || d.partition === name || d.apiName === spec || d.apiName === `/dev/${name}`,
  );
}

function fstabMounts(ctx: EngineContext, instance: InstanceRecord): GuestMount[] {
  const rootId = instance.blockDevices.find((d) => d.deviceName === instance.rootDeviceName)?.volumeId;
  // A root volume still as its AMI made it has the AMI's fstab (the root alone): nothing to read, and
  // reading would make its files (a launch of many instances keeps them unmade until first used).
  const record = rootId === undefined ? undefined : ctx.records(DISK_CONTENTS).get(rootId);
  if (!record || record.skeleton) return [];
  const fs = viewContents(ctx, record.diskId);
  if (!fs.formatted || !fs.exists('/etc/fstab')) return [];
  const lines = fs.readText('/etc/fstab').split('\n');
  if (!lines.some((line) => /^\s*(UUID=|\/dev\/)/.test(line))) return [];
  const devices = blockDevicesOf(ctx, instance);
  const mounts: GuestMount[] = [];
  for (const line of lines) {
    const [spec, mountPoint, type] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!spec || !mountPoint?.startsWith('/') || mountPoint === '/' || spec.startsWith('LABEL=')) continue;
    const device = resolveDevice(devices, spec);
    // A missing disk with `nofail`, or one whose filesystem is not the one named, is skipped (systemd
    // would wait, then give up on that mount; the lab does not model emergency mode).
    if (!device || device.root || !device.fsType || (type && type !== 'auto' && type !== device.fsType)) continue;
    if (mounts.some((m) => m.mountPoint === mountPoint || m.diskId === device.diskId)) continue;
    mounts.push({ diskId: device.diskId, mountPoint, fsType: device.fsType });
  }
  return mounts;
}

/** When the OS finished its last boot: after pending, or after the reboot. */
function bootTime(instance: InstanceRecord): number {
  if (instance.lastAction.action === 'reboot') return instance.lastAction.at + TIMINGS.rebootMs;
  return instance.launchTime + TIMINGS.pendingMs;
}

export function boot(ctx: EngineContext, instance: InstanceRecord, now: number): void {
  const guests = ctx.records(GUESTS);
  const guest = guests.has(instance.instanceId) ? guests.touch(instance.instanceId) : newGuest(instance);
  guest.bootedAt = Math.min(now, bootTime(instance));
  guest.mounts = fstabMounts(ctx, instance);
  // sshd starts at every boot (it is how anyone gets in); the rest as `systemctl enable` said.
  guest.running = [...new Set(['sshd', ...guest.enabled])];
  guest.loads = [];
  if (!guests.has(instance.instanceId)) guests.put(instance.instanceId, guest);
}

/** The OS is down: what lived in memory is gone. */
export function goDown(guest: GuestRecord): void {
  guest.bootedAt = undefined;
  guest.mounts = [];
  guest.running = [];
  guest.loads = [];
}

/** The end of the guest's earliest timed load job, if it has one. */
function loadEnds(guest: GuestRecord): number | undefined {
  let ends: number | undefined;
  for (const load of guest.loads)
    if (load.until !== undefined && (ends === undefined || load.until < ends)) ends = load.until;
  return ends;
}

/** The guests that mount some disk: a changed volume may be one of their mounts. Kept per guests repository. */
const mounting = new WeakMap<object, Set<string>>();

/**
 * Brings each OS in line with its instance. Only the instances, guests and volumes that changed
 * since the last command (and the guests whose timed load ended) are looked at.
 */
export function advanceGuests(ctx: EngineContext, now: number): void {
  const instances = ctx.records(INSTANCES);
  const guests = ctx.records(GUESTS);
  const volumes = ctx.records(VOLUMES);
  let withMounts = mounting.get(guests);
  if (!withMounts) mounting.set(guests, (withMounts = new Set()));
  const changedInstances = changesSince(GUESTS, instances);
  const changedGuests = changesSince(GUESTS, guests);
  const changedVolumes = changesSince(GUESTS, volumes);
  const ended = dueSchedule(guests, loadEnds).dueBy(now);
  let candidates: Iterable<string>;
  if (changedInstances === 'all' || changedGuests === 'all' || changedVolumes === 'all') {
    withMounts.clear();
    candidates = new Set([...guests.keys(), ...instances.keys()]);
  } else {
    const ids = new Set([...changedInstances, ...changedGuests, ...ended]);
    // A volume that changed (detaching, deleted) may be mounted by a guest of another instance.
    if (changedVolumes.size > 0) for (const id of withMounts) ids.add(id);
    candidates = ids;
  }
  for (const id of candidates) {
    settleGuest(ctx, id, now);
    const guest = guests.get(id);
    if (guest && guest.mounts.length > 0) withMounts.add(id);
    else withMounts.delete(id);
  }
}

function settleGuest(ctx: EngineContext, instanceId: string, now: number): void {
  const guests = ctx.records(GUESTS);
  const instance = ctx.records(INSTANCES).get(instanceId);
  const guest = guests.get(instanceId);
  if (guest) {
    if (!instance || instance.state === 'terminated') {
      guests.delete(instanceId);
      return;
    }
    if (guest.bootedAt !== undefined && !osUp(instance)) goDown(guests.touch(instanceId));
    else if (guest.bootedAt !== undefined) {
      const expired = guest.loads.some((load) => load.until !== undefined && load.until <= now);
      const attached = new Set(attachedDisks(ctx, instance).map((d) => d.diskId));
      const detached = guest.mounts.some((m) => !attached.has(m.diskId));
      if (expired || detached) {
        const changed = guests.touch(instanceId);
        changed.loads = changed.loads.filter((load) => load.until === undefined || load.until > now);
        changed.mounts = changed.mounts.filter((m) => attached.has(m.diskId));
      }
    }
  }
  if (instance && osUp(instance) && guests.get(instanceId)?.bootedAt === undefined) boot(ctx, instance, now);
}
