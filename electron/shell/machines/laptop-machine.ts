/**
 * The learner's laptop: one user (`learner`, home /home/learner, where the console's downloads
 * land), a Debian-like prompt `learner@laptop:~$`, its files on the laptop disk the engine keeps,
 * and the client commands it adds (ssh, scp, curl … — laptop/laptop-clients.ts).
 */
import { LAPTOP_DISK_ID } from '../../../shared/lab-operations';
import type { ShellEngine } from '../shell-engine';
import { standardDevices } from './device-files';
import { GuestFs } from './guest-fs';
import { identityCommands } from './identity-commands';
import { listCommand } from './list-command';
import { loginEnvironment, type LabCommand, type Machine, type MachineUser } from './machine';

export const LAPTOP_HOSTNAME = 'laptop';
const LEARNER: MachineUser = { name: 'learner', uid: 1000, gid: 1000, home: '/home/learner' };
const ROOT: MachineUser = { name: 'root', uid: 0, gid: 0, home: '/root' };

/** `~` for the home directory, as bash's `\w` shows it. */
export function shortPath(cwd: string, home: string): string {
  if (cwd === home) return '~';
  return cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

export function laptopMachine(
  engine: ShellEngine,
  extraCommands: ReadonlyMap<string, LabCommand> = new Map(),
  /** The lab clock (dates `ls -l` shows). */
  now: () => number = Date.now,
): Machine {
  const devices = standardDevices();
  const fs = new GuestFs({
    disks: engine.disks,
    mounts: () => [{ mountPoint: '/', diskId: LAPTOP_DISK_ID }],
    virtual: () => devices,
  });
  const commands = new Map<string, LabCommand>([
    ...identityCommands(
      () => LAPTOP_HOSTNAME,
      (uid) =>
        uid === 0
          ? [{ gid: 0, name: 'root' }]
          : [
              { gid: 1000, name: 'learner' },
              { gid: 27, name: 'sudo' },
            ],
    ),
    [
      'ls',
      listCommand({
        userName: (uid) => (uid === 0 ? 'root' : uid === LEARNER.uid ? LEARNER.name : String(uid)),
        groupName: (gid) => (gid === 0 ? 'root' : gid === LEARNER.gid ? LEARNER.name : String(gid)),
        now,
      }),
    ],
    ...extraCommands,
  ]);
  return {
    id: 'laptop',
    fs,
    commands,
    user: (name) => (name === LEARNER.name ? LEARNER : name === 'root' ? ROOT : undefined),
    environment: (user) => loginEnvironment(user, LAPTOP_HOSTNAME),
    prompt: (user, cwd) =>
      `\x1b[01;32m${user.name}@${LAPTOP_HOSTNAME}\x1b[00m:\x1b[01;34m${shortPath(cwd, user.home)}\x1b[00m${user.uid === 0 ? '#' : '$'} `,
    banner: () => '',
    title: () => 'Laptop',
  };
}

export const LAPTOP_LEARNER = LEARNER;
