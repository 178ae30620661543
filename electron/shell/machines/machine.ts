/**
 * A machine a shell runs on — the learner's laptop or an instance — as the shell layer sees it:
 * its users, its filesystem (a mount table of lab disks), its prompt and login banner, and the lab
 * commands it has beyond just-bash's own (ssh on the laptop; lsblk, mount, systemctl on an
 * instance). A lab command is answered in the main process, where it can ask the engine.
 */
import type { CommandRequest } from '../shell-runner';
import type { ShellOutput } from '../worker/protocol';
import type { TerminalIo } from '../session/terminal-session';
import type { GuestFs, Identity } from './guest-fs';

export interface MachineUser extends Identity {
  name: string;
  home: string;
}

/** What a lab command gets: the request from the shell, and where it runs. */
export interface CommandContext {
  request: CommandRequest;
  machine: Machine;
  /** The user the shell is logged in as. */
  user: MachineUser;
  /** Who the command runs as: the user, or root under `sudo`. */
  who: Identity;
  /** The terminal, when the shell has one (not for user data or `ssh host command`). */
  terminal?: TerminalIo;
  /** Runs a script in a fresh shell on another machine (or this one) and returns its output. */
}

export type LabCommand = (context: CommandContext) => Promise<ShellOutput> | ShellOutput;

export interface Machine {
  /** `laptop` or the instance id. */
  readonly id: string;
  readonly fs: GuestFs;
  /** The machine's lab commands, by name. */
  readonly commands: ReadonlyMap<string, LabCommand>;
  /** The user a login name maps to, or undefined if there is no such user. */
  user(name: string): MachineUser | undefined;
  /** The environment a login shell starts with. */
  environment(user: MachineUser): Record<string, string>;
  /** The prompt for a user in a directory (bash's PS1 as the OS image sets it). */
  prompt(user: MachineUser, cwd: string, env: Record<string, string>): string;
  /** What a login prints before the first prompt (motd). */
  banner(user: MachineUser): string;
  /** The terminal tab's title while a login is open. */
  title(user: MachineUser): string;
}

/** The variables a login shell starts with (bash's, as /etc/profile leaves them): root's PATH adds the sbin directories. */
export function loginEnvironment(user: MachineUser, hostname: string): Record<string, string> {
  return {
    HOME: user.home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    PATH:
      user.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : '/usr/local/bin:/usr/bin:/bin',
    HOSTNAME: hostname,
  };
}

export const ok = (stdout = ''): ShellOutput => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): ShellOutput => ({ stdout: '', stderr, exitCode });
