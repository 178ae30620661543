/**
 * What the Linux inside an instance keeps while it runs, one record per instance: the filesystems
 * `mount` (or /etc/fstab at boot) put in place, the services running and enabled, the CPU load
 * jobs (`stress`, `yes`) the monitoring issue reads as CPUUtilization, whether the user data has run
 * (cloud-init runs it once, at first boot: EC2 User Guide: user-data) and when the OS last booted.
 * Mounts, running services and loads are lost when the OS goes down, as a real OS loses them;
 * enabled services and the user-data mark live on the root volume in a real OS and so stay.
 */
import { FILESYSTEM_TYPES, type FilesystemType } from '../volumes/filesystem';
import { checkFields, count, flag, listOf, optional, region, shape, text, time } from '../import-checks';
import type { RecordCollection } from '../state/repository';

export interface GuestMount {
  /** The disk mounted (a volume id or an instance-store disk id). */
  diskId: string;
  mountPoint: string;
  fsType: FilesystemType;
}

/** A process keeping CPUs busy (`stress --cpu 2`, `yes > /dev/null`). */
export interface GuestLoad {
  pid: number;
  /** How many CPUs it keeps busy. */
  cpus: number;
  /** The command line, as `top` and `jobs` show it. */
  command: string;
  startedAt: number;
  /** When it ends on its own (`--timeout`); absent while it runs until killed. */
  until?: number;
}

export interface GuestRecord {
  instanceId: string;
  region: string;
  /** When the OS last finished booting; absent while it is down. */
  bootedAt?: number;
  mounts: GuestMount[];
  /** Services running now (sshd from every boot on, until stopped). */
  running: string[];
  /** Services `systemctl enable` marked to start at boot. */
  enabled: string[];
  loads: GuestLoad[];
  nextPid: number;
  userDataRan: boolean;
}

export const GUESTS: RecordCollection<GuestRecord> = {
  name: 'guests',
  idOf: (r) => r.instanceId,
  regionOf: (r) => r.region,
};

const serviceName = (v: unknown) => typeof v === 'string' && /^[\w.@-]{1,64}$/.test(v);

export const checkImportedGuest = checkFields({
  instanceId: text,
  region,
  bootedAt: optional(time),
  mounts: listOf(
    shape({
      diskId: text,
      mountPoint: (v) => typeof v === 'string' && v.startsWith('/'),
      fsType: (v) => (FILESYSTEM_TYPES as readonly unknown[]).includes(v),
    }),
    64,
  ),
  running: listOf(serviceName, 64),
  enabled: listOf(serviceName, 64),
  loads: listOf(shape({ pid: count, cpus: count, command: text, startedAt: time, until: optional(time) }), 256),
  nextPid: count,
  userDataRan: flag,
});
