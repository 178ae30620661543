/**
 * The narrow port the shell layer offers the SSH door (electron/doors/ssh/): which instances can be
 * served, whether a connection to one's port 22 from the laptop gets through (the one gate,
 * DescribeReachability), who may log in with which key (the AMI's login user, the instance's key
 * pair), and, once in, the same login shell, command runs and files as the in-app terminal.
 */
import type { Shells } from './shells';
import { authorizedKeysOf, defaultUserOf } from './laptop/ssh-connection';
import { probe } from './laptop/probe';
import { describeInstance, type Instance } from './machines/instance-machines';
import { followTargets, type SshTarget } from './ssh-targets';
import type { Identity } from './machines/guest-fs';
import type { EntryStat } from './shell-engine';
import type { Machine, MachineUser } from './machines/machine';
import { shellHandler } from './machines/shell-handler';
import { TerminalSession } from './session/terminal-session';
import type { ShellOutput } from './worker/protocol';

export type { SshTarget };

/** What a TCP connection to the instance's port 22 from the laptop meets now. */
export type SshReach =
  /** sshd answers. */
  | { kind: 'open' }
  /** The instance answers with a reset (still booting, nothing listens). */
  | { kind: 'refused'; why: string }
  /** The packets are dropped (no rule, no route, no public address, not running): a timeout. */
  | { kind: 'dropped'; why: string };

export interface SshHostKey {
  /** The OpenSSH private key file sshd loads. */
  privateKey: string;
  /** `ssh-ed25519 AAAA…`. */
  publicKey: string;
  /** `SHA256:…`. */
  fingerprint: string;
}

/** A login shell on a terminal the door draws (a PTY channel). */
export interface SshLogin {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** The connection went away: the shell stops at once. */
  end(): void;
  /** The shell's exit status, or closedByRemote when the instance went away. */
  readonly ended: Promise<{ status: number; closedByRemote: boolean }>;
}

export interface SshScreen {
  cols: number;
  rows: number;
  write(data: string): void;
}

export interface SshExec {
  readonly done: Promise<ShellOutput>;
  /** Ctrl-C (or a SIGINT request): the command stops. */
  abort(): void;
}

/** The instance's files as the logged-in user reaches them (errors carry errno codes: ENOENT, EACCES …). */
export interface SshFiles {
  readonly home: string;
  stat(path: string, follow: boolean): EntryStat | undefined;
  read(path: string): Uint8Array;
  write(path: string, data: Uint8Array): void;
  mkdir(path: string): void;
  readdir(path: string): string[];
  remove(path: string, directory: boolean): void;
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  realpath(path: string): string;
}

export interface ShellPort {
  /** Instances not terminated, in every region. */
  targets(): SshTarget[];
  /** Called (at most once per 100 ms) when instances or their addresses change. */
  onTargetsChanged(listener: () => void): () => void;
  /** The host keys of these instances (those missing made in one command), by instance id. */
  hostKeys(instanceIds: Iterable<string>): Map<string, SshHostKey>;
  reach(instanceId: string): SshReach;
  /** Whether `user` may log in with the public key blob (RFC 4253 §6.6); the door checks the signature. */
  authorized(instanceId: string, user: string, keyBlob: Uint8Array): boolean;
  /** Root on a Linux AMI: cloud-init's forced command names this user instead and ends the session. */
  loginRedirect(instanceId: string, user: string): string | undefined;
  openLogin(instanceId: string, user: string, screen: SshScreen): SshLogin | undefined;
  exec(instanceId: string, user: string, command: string, screen?: SshScreen): SshExec | undefined;
  files(instanceId: string, user: string): SshFiles | undefined;
}

/** How long target changes are gathered before the SSH door looks again. */
const TARGETS_SETTLE_MS = 100;

interface Located {
  region: string;
  instance: Instance;
}

export function createShellPort(shells: Pick<Shells, 'world'>): ShellPort {
  const world = shells.world;
  const { engine, instances, logins, runner } = world;
  const reader = instances.reader;
  const regionOf = new Map<string, string>();
  let sessions = 0;

  const regions = (): string[] => {
    try {
      return (reader.ec2('us-east-1', 'DescribeRegions', {}).Regions ?? []).map((r) => r.RegionName!);
    } catch {
      return [];
    }
  };

  const locate = (instanceId: string): Located | undefined => {
    const known = regionOf.get(instanceId);
    for (const region of known ? [known] : regions()) {
      const instance = describeInstance(reader, region, instanceId);
      if (instance && instance.State?.Name !== 'terminated') {
        regionOf.set(instanceId, region);
        return { region, instance };
      }
    }
    return undefined;
  };

  /** The running instance's machine and the account `user` names on it. */
  const machineFor = (
    instanceId: string,
    user: string,
  ): { machine: Machine; user: MachineUser; located: Located } | undefined => {
    const located = locate(instanceId);
    const machine = located && instances.get(located.region, instanceId);
    const account = machine?.user(user);
    return located && machine && account ? { machine, user: account, located } : undefined;
  };

  const terminalOf = (screen: SshScreen) => {
    const id = `ssh-${++sessions}`;
    return new TerminalSession(id, screen.cols, screen.rows, id, {
      output: (data) => screen.write(data),
      changed: () => {},
      closed: () => {},
    });
  };

  const knownTargets = followTargets(engine, reader, regions, (instanceId, region) => regionOf.set(instanceId, region));

  return {
    targets() {
      return knownTargets.read();
    },

    onTargetsChanged(listener) {
      let queued = false;
      return engine.onEvent((event) => {
        const relevant =
          event.type === 'lab-replaced' ||
          (event.type === 'resources-changed' && (event.resource === 'instance' || event.resource === 'address'));
        if (!relevant || queued) return;
        queued = true;
        // A burst of changes (a script launching or tagging many instances) costs one look at the targets.
        setTimeout(() => {
          queued = false;
          listener();
        }, TARGETS_SETTLE_MS);
      });
    },

    hostKeys(instanceIds) {
      // Passed on as they are: a key's private half is written only when the door reads it.
      return engine.hostKeys.ofEach(instanceIds);
    },

    reach(instanceId) {
      const located = locate(instanceId);
      if (!located) return { kind: 'dropped', why: `instance ${instanceId} does not exist` };
      // The in-app ssh's gate, asked for the instance's public address from the laptop.
      const host = { address: located.instance.PublicIpAddress ?? '', instance: located };
      const reached = probe(world, host, 'tcp', 22);
      if (reached.kind === 'open') return { kind: 'open' };
      return reached.kind === 'refused' ? { kind: 'refused', why: reached.why } : { kind: 'dropped', why: reached.why };
    },

    authorized(instanceId, user, keyBlob) {
      const target = machineFor(instanceId, user);
      if (!target) return false;
      const { region, instance } = target.located;
      const blob = Buffer.from(keyBlob);
      return authorizedKeysOf(world, target.machine, target.user, region, instance.KeyName).some((key) =>
        key.equals(blob),
      );
    },

    loginRedirect(instanceId, user) {
      const target = machineFor(instanceId, user);
      return target && user === 'root' ? defaultUserOf(target.machine) : undefined;
    },

    openLogin(instanceId, user, screen) {
      const target = machineFor(instanceId, user);
      if (!target) return undefined;
      const terminal = terminalOf(screen);
      const ended = logins.start(target.machine, target.user, terminal);
      return {
        input: (data) => terminal.input(data),
        resize: (cols, rows) => terminal.resize(cols, rows),
        end: () => terminal.close(),
        ended,
      };
    },

    exec(instanceId, user, command, screen) {
      const target = machineFor(instanceId, user);
      if (!target) return undefined;
      const shell = runner.open(shellHandler(target.machine, target.user, screen ? terminalOf(screen) : undefined));
      const running = shell.exec(command, target.user.home, target.machine.environment(target.user));
      return {
        done: running.done
          .then(({ stdout, stderr, exitCode }) => ({ stdout, stderr, exitCode }))
          .finally(() => shell.close()),
        abort: () => running.abort(),
      };
    },

    files(instanceId, user) {
      const target = machineFor(instanceId, user);
      if (!target) return undefined;
      const fs = target.machine.fs;
      const who: Identity = target.user;
      const home = target.user.home;
      const absolute = (path: string) => (path.startsWith('/') ? path : `${home}/${path}`);
      return {
        home,
        stat: (path, follow) => fs.statOrUndefined(absolute(path), follow),
        read: (path) => fs.readBytes(absolute(path), who),
        write: (path, data) => fs.write(absolute(path), data, who, false),
        mkdir: (path) => fs.mkdir(absolute(path), who, false),
        readdir: (path) => fs.readdir(absolute(path), who),
        remove: (path, directory) => {
          const stat = fs.statOrUndefined(absolute(path), false);
          if (stat && (stat.type === 'directory') !== directory)
            throw Object.assign(new Error(directory ? 'not a directory' : 'is a directory'), {
              code: directory ? 'ENOTDIR' : 'EISDIR',
            });
          fs.remove(absolute(path), who, {});
        },
        rename: (from, to) => fs.move(absolute(from), absolute(to), who),
        chmod: (path, mode) => fs.chmod(absolute(path), mode, who),
        realpath: (path) => fs.realpath(absolute(path)),
      };
    },
  };
}
