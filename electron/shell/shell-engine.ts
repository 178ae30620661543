/**
 * What the shells need of the engine: the door port (dispatch a call, hear events) and the files
 * on the lab's disks (`engine.disks`), the instances' SSH host keys (`engine.hostKeys`), a few facts
 * of each instance (`engine.instanceSummaries`) and the OS runtime inside instances (`engine.guests`). The engine satisfies it; shells name the engine's types only.
 */
import type { DoorEngine } from '../doors/door-engine';
import type { DiskFiles } from '../engine/volumes/disk-files';
import type { HostKeys } from '../engine/host-keys/host-keys';
import type { InstanceSummaries } from '../engine/instances/instance-summaries';
import type { EntryStat as EngineEntryStat, Filesystem } from '../engine/volumes/filesystem';
import type { GuestRuntime } from '../engine/guests/guest-runtime';

export type DiskFilesPort = Pick<DiskFiles, 'inspect' | 'change' | 'disksOf' | 'read'>;
/** One disk's files, as a read or a change sees them. */
export type DiskView = Filesystem;
export type EntryStat = EngineEntryStat;

export type { HostKey } from '../engine/host-keys/host-keys';

export interface ShellEngine extends DoorEngine {
  readonly disks: DiskFilesPort;
  /** Each instance's SSH host key (made on first use, kept with the lab). */
  readonly hostKeys: HostKeys;
  /** What the SSH door serves each instance by, read without building DescribeInstances' views. */
  readonly instanceSummaries: InstanceSummaries;
  /** The runtime of the Linux inside each instance: mounts, services, load, user data, OS shutdown. */
  readonly guests: GuestRuntime;
}

export type { GuestBlockDevice, GuestLoad, GuestMount, GuestRuntime, GuestView } from '../engine/guests/guest-runtime';
