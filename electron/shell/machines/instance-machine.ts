/**
 * An instance as a machine: its root volume mounted at `/` (files from the storage issue's disk
 * contents), the other mounts its guest runtime keeps, the users of its AMI (root and the default
 * user: ec2-user, ubuntu, admin … — EC2 User Guide: managing-users), the prompt and login banner
 * of its OS, and the lab commands an instance adds to just-bash's.
 */
import type { QuickStartOs } from '../../../shared/lab-operations';
import type { ShellEngine } from '../shell-engine';
import { standardDevices } from './device-files';
import { GuestFs, type Mount, type VirtualNode } from './guest-fs';
import { identityCommands } from './identity-commands';
import { shortPath } from './laptop-machine';
import { listCommand } from './list-command';
import { loginEnvironment, type LabCommand, type Machine, type MachineUser } from './machine';

/** What the shell layer needs to know of an instance to log into it. */
export interface InstanceFacts {
  instanceId: string;
  region: string;
  os: QuickStartOs;
  /** The AMI's login user (ec2-user, ubuntu, admin, bitnami …). */
  defaultUser: string;
  privateIp: string;
  /** The private DNS name (`ip-172-31-5-10.ec2.internal`). */
  hostname: string;
  rootDiskId: string;
}

export interface InstanceMachineOptions {
  /** Mounts besides the root (what `mount` and /etc/fstab put there); none by default. */
  mounts?: () => Mount[];
  /** More virtual files (/proc, block devices) by absolute path. */
  virtual?: () => ReadonlyMap<string, VirtualNode>;
  commands?: ReadonlyMap<string, LabCommand>;
  /** The lab clock (for dates `ls -l` shows); the real clock by default. */
  now?: () => number;
}

const ROOT: MachineUser = { name: 'root', uid: 0, gid: 0, home: '/root' };

/** The short host name bash shows (`ip-172-31-5-10`). */
export const shortHostname = (hostname: string) => hostname.split('.')[0]!;

/** The login banner (motd) each OS image prints. */
function motd(os: QuickStartOs): string {
  switch (os) {
    case 'amazon-linux':
      return [
        '   ,     #_',
        '   ~\\_  ####_        Amazon Linux 2023',
        '  ~~  \\_#####\\',
        '  ~~     \\###|',
        '  ~~       \\#/ ___   https://aws.amazon.com/linux/amazon-linux-2023',
        "   ~~       V~' '->",
        '    ~~~         /',
        '      ~~._.   _/',
        '         _/ _/',
        "       _/m/'",
        '',
      ].join('\n');
    case 'ubuntu':
      return [
        'Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-1016-aws x86_64)',
        '',
        ' * Documentation:  https://help.ubuntu.com',
        ' * Management:     https://landscape.canonical.com',
        ' * Support:        https://ubuntu.com/pro',
        '',
      ].join('\n');
    case 'debian':
      return [
        'Linux debian 6.1.0-25-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 x86_64',
        '',
        'The programs included with the Debian GNU/Linux system are free software;',
        'the exact distribution terms for each program are described in the',
        'individual files in /usr/share/doc/*/copyright.',
        '',
        'Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent',
        'permitted by applicable law.',
        '',
      ].join('\n');
    case 'rhel':
      return 'Register this system with Red Hat Insights: rhc connect\n\n';
    default:
      return '';
  }
}

export function instanceMachine(
  engine: ShellEngine,
  facts: InstanceFacts,
  options: InstanceMachineOptions = {},
): Machine {
  const devices = standardDevices();
  const defaultUser: MachineUser = {
    name: facts.defaultUser,
    uid: 1000,
    gid: 1000,
    home: `/home/${facts.defaultUser}`,
  };
  const fs = new GuestFs({
    disks: engine.disks,
    mounts: () => [{ mountPoint: '/', diskId: facts.rootDiskId }, ...(options.mounts?.() ?? [])],
    virtual: () => (options.virtual ? new Map([...devices, ...options.virtual()]) : devices),
  });
  const admin = facts.os === 'ubuntu' || facts.os === 'debian' ? 'sudo' : 'wheel';
  const commands = new Map<string, LabCommand>([
    ...identityCommands(
      () => facts.hostname,
      (uid) =>
        uid === 0
          ? [{ gid: 0, name: 'root' }]
          : [
              { gid: 1000, name: facts.defaultUser },
              { gid: 4, name: 'adm' },
              { gid: admin === 'wheel' ? 10 : 27, name: admin },
            ],
    ),
    [
      'ls',
      listCommand({
        userName: (uid) => (uid === 0 ? 'root' : uid === defaultUser.uid ? defaultUser.name : String(uid)),
        groupName: (gid) => (gid === 0 ? 'root' : gid === defaultUser.gid ? defaultUser.name : String(gid)),
        now: options.now ?? Date.now,
      }),
    ],
    ...(options.commands ?? []),
  ]);
  const host = shortHostname(facts.hostname);
  return {
    id: facts.instanceId,
    fs,
    commands,
    user: (name) => (name === defaultUser.name ? defaultUser : name === 'root' ? ROOT : undefined),
    environment: (user) => loginEnvironment(user, facts.hostname),
    prompt: (user, cwd) => {
      const where = shortPath(cwd, user.home);
      const mark = user.uid === 0 ? '#' : '$';
      if (facts.os === 'ubuntu') return `\x1b[01;32m${user.name}@${host}\x1b[00m:\x1b[01;34m${where}\x1b[00m${mark} `;
      if (facts.os === 'debian') return `${user.name}@${host}:${where}${mark} `;
      if (facts.os === 'suse') return `${user.name}@${host}:${where}> `;
      // Amazon Linux and RHEL: bash's `[\u@\h \W]\$`, the directory's last name only.
      const base = where === '~' || where === '/' ? where : where.split('/').pop()!;
      return `[${user.name}@${host} ${base}]${mark} `;
    },
    banner: () => motd(facts.os),
    title: (user) => `${user.name}@${host}`,
  };
}
