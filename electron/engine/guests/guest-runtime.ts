/**
 * The guest runtime as the shell reaches it (`engine.guests`), beside `engine.disks`: what the OS
 * inside an instance has mounted, runs and keeps busy, changed by the shell's commands (`mount`,
 * `systemctl`, `stress`) one engine command each, so a change is saved with the lab and exported
 * with it. Not an EC2 operation, so nothing here is logged as an API call — an OS shutdown is
 * instance-initiated (EC2 User Guide: Using_ChangingInstanceInitiatedShutdownBehavior).
 */
import type { EngineContext } from '../context';
import { INSTANCES, type InstanceRecord } from '../instances/instance-record';
import { TIMINGS, transitionDuration } from '../instances/lifecycle';
import { blockDevicesOf, hypervisorOf, type GuestBlockDevice } from './block-devices';
import { goDown, newGuest, osUp } from './guest-boot';
import { GUESTS, type GuestLoad, type GuestMount, type GuestRecord } from './guest-record';

export type { GuestBlockDevice, GuestLoad, GuestMount };

/** The OS of one instance, as its commands read it. */
export interface GuestView {
  instanceId: string;
  /** The OS is up (the instance runs and is not rebooting). */
  up: boolean;
  bootedAt?: number;
  /** The lab clock now, for `uptime` and `top`. */
  now: number;
  instanceType: string;
  architecture: string;
  hypervisor: 'nitro' | 'xen';
  vcpus: number;
  memoryMiB: number;
  shutdownBehavior: 'stop' | 'terminate';
  mounts: GuestMount[];
  running: string[];
  enabled: string[];
  loads: GuestLoad[];
  /** Busy share of all CPUs, 0–100, from the load jobs running now. */
  cpuUtilization: number;
  userDataRan: boolean;
  /** The instance has user data (whether or not it has run). */
  hasUserData: boolean;
}

export interface GuestRuntime {
  /** The OS of an instance, or undefined if the lab has no such instance. */
  view(instanceId: string): GuestView | undefined;
  devices(instanceId: string): GuestBlockDevice[];
  mount(instanceId: string, mount: GuestMount): void;
  unmount(instanceId: string, mountPoint: string): void;
  /** Starts or stops a service now, and/or marks it to start at boot. */
  setService(instanceId: string, name: string, change: { running?: boolean; enabled?: boolean }): void;
  /** Starts a load job; its pid. `seconds` ends it on its own (on the lab clock). */
  startLoad(instanceId: string, load: { cpus: number; command: string; seconds?: number }): number;
  /** Ends a load job; false if there is no such pid. */
  stopLoad(instanceId: string, pid: number): boolean;
  /** Whether the OS is up with user data not yet run: a read of two records, no command (it follows every instance event). */
  awaitsUserData(instanceId: string): boolean;
  /** The user data script to run now, once: at the OS's first boot, if there is one (then marked as run). */
  claimUserData(instanceId: string): string | undefined;
  /** `shutdown -h` / `poweroff` / `halt` (the instance's shutdown behaviour decides stop or terminate) or `reboot`. */
  shutdown(instanceId: string, how: 'halt' | 'reboot'): void;
}

const decoder = new TextDecoder();

export function cpuUtilization(loads: readonly GuestLoad[], vcpus: number, now: number): number {
  const busy = loads.filter((l) => l.until === undefined || l.until > now).reduce((sum, l) => sum + l.cpus, 0);
  return Math.min(100, Math.round((busy / Math.max(1, vcpus)) * 1000) / 10);
}

export function createGuestRuntime(ctx: EngineContext, run: <R>(command: () => R) => R): GuestRuntime {
  const instance = (instanceId: string): InstanceRecord => {
    const found = ctx.records(INSTANCES).get(instanceId);
    if (!found) throw Object.assign(new Error(`There is no instance '${instanceId}' in the lab.`), { code: 'ENOENT' });
    return found;
  };
  /** The guest record to change; the OS must be up. */
  const changing = (instanceId: string): GuestRecord => {
    const record = instance(instanceId);
    if (!osUp(record)) throw Object.assign(new Error('The instance is not running.'), { code: 'EIO' });
    const guests = ctx.records(GUESTS);
    if (!guests.has(instanceId)) guests.put(instanceId, newGuest(record));
    ctx.changed(record.region, 'instance', instanceId);
    return guests.touch(instanceId);
  };
  const typeInfo = (record: InstanceRecord) =>
    ctx.catalog.instanceTypes.find((t) => t.InstanceType === record.instanceType);

  return {
    view: (instanceId) =>
      run(() => {
        const record = ctx.records(INSTANCES).get(instanceId);
        if (!record) return undefined;
        const guest = ctx.records(GUESTS).get(instanceId) ?? newGuest(record);
        const type = typeInfo(record);
        const vcpus = type?.VCpuInfo?.DefaultVCpus ?? 1;
        const now = ctx.clock.now();
        return structuredClone({
          instanceId,
          up: osUp(record) && guest.bootedAt !== undefined,
          bootedAt: guest.bootedAt,
          now,
          instanceType: record.instanceType,
          architecture: record.architecture,
          hypervisor: hypervisorOf(ctx, record.instanceType),
          vcpus,
          memoryMiB: type?.MemoryInfo?.SizeInMiB ?? 1024,
          shutdownBehavior: record.shutdownBehavior,
          mounts: guest.mounts,
          running: guest.running,
          enabled: guest.enabled,
          loads: guest.loads.filter((l) => l.until === undefined || l.until > now),
          cpuUtilization: cpuUtilization(guest.loads, vcpus, now),
          userDataRan: guest.userDataRan,
          hasUserData: record.userData !== undefined,
        });
      }),
    awaitsUserData: (instanceId) => {
      const record = ctx.records(INSTANCES).get(instanceId);
      const guest = ctx.records(GUESTS).get(instanceId);
      return record?.userData !== undefined && osUp(record) && guest?.bootedAt !== undefined && !guest.userDataRan;
    },
    devices: (instanceId) =>
      run(() => {
        const record = ctx.records(INSTANCES).get(instanceId);
        return record ? blockDevicesOf(ctx, record) : [];
      }),
    mount: (instanceId, mount) =>
      run(() => {
        const guest = changing(instanceId);
        guest.mounts = [...guest.mounts.filter((m) => m.mountPoint !== mount.mountPoint), { ...mount }];
      }),
    unmount: (instanceId, mountPoint) =>
      run(() => {
        const guest = changing(instanceId);
        guest.mounts = guest.mounts.filter((m) => m.mountPoint !== mountPoint);
      }),
    setService: (instanceId, name, change) =>
      run(() => {
        const guest = changing(instanceId);
        const apply = (list: string[], on: boolean | undefined) =>
          on === undefined ? list : on ? [...new Set([...list, name])] : list.filter((n) => n !== name);
        guest.running = apply(guest.running, change.running);
        guest.enabled = apply(guest.enabled, change.enabled);
      }),
    startLoad: (instanceId, load) =>
      run(() => {
        const guest = changing(instanceId);
        const pid = guest.nextPid++;
        const now = ctx.clock.now();
        guest.loads.push({
          pid,
          cpus: load.cpus,
          command: load.command,
          startedAt: now,
          ...(load.seconds !== undefined ? { until: now + load.seconds * 1000 } : {}),
        });
        return pid;
      }),
    stopLoad: (instanceId, pid) =>
      run(() => {
        const guest = ctx.records(GUESTS).get(instanceId);
        if (!guest?.loads.some((l) => l.pid === pid)) return false;
        const changed = ctx.records(GUESTS).touch(instanceId);
        changed.loads = changed.loads.filter((l) => l.pid !== pid);
        ctx.changed(changed.region, 'instance', instanceId);
        return true;
      }),
    claimUserData: (instanceId) =>
      run(() => {
        const record = ctx.records(INSTANCES).get(instanceId);
        const guest = ctx.records(GUESTS).get(instanceId);
        if (!record || !osUp(record) || guest?.bootedAt === undefined || guest.userDataRan) return undefined;
        ctx.records(GUESTS).touch(instanceId).userDataRan = true;
        return record.userData === undefined
          ? undefined
          : decoder.decode(Uint8Array.from(atob(record.userData), (c) => c.charCodeAt(0)));
      }),
    shutdown: (instanceId, how) =>
      run(() => {
        const record = instance(instanceId);
        if (!osUp(record)) return;
        const now = ctx.clock.now();
        const changed = ctx.records(INSTANCES).touch(instanceId);
        if (how === 'reboot') {
          changed.rebootingUntil = now + TIMINGS.rebootMs;
          changed.lastAction = { action: 'reboot', at: now };
        } else {
          // The OS halting ends the instance as its InstanceInitiatedShutdownBehavior says; API
          // stop and termination protection do not apply (EC2 User Guide: terminating-instances).
          const to = changed.shutdownBehavior === 'terminate' ? 'shutting-down' : 'stopping';
          changed.state = to;
          changed.transitionDueAt = now + transitionDuration(to, false);
          changed.lastAction = { action: 'shutdown', at: now };
          changed.statusChecksPassAt = undefined;
          changed.hibernated = false;
          const stamp = new Date(now).toISOString().replace('T', ' ').slice(0, 19);
          changed.stateTransitionReason = `User initiated (${stamp} GMT)`;
          changed.stateReason = {
            Code: 'Client.InstanceInitiatedShutdown',
            Message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown',
          };
        }
        const guests = ctx.records(GUESTS);
        if (guests.has(instanceId)) goDown(guests.touch(instanceId));
        ctx.changed(record.region, 'instance', instanceId);
      }),
  };
}
