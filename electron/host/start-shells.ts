/**
 * Starts the shell layer for a host (the desktop app or browser mode) on its lab: the shell worker
 * thread from the built `shell-worker.mjs`, the machines, and the terminal service; answers the
 * port the doors serve (engine and terminals together). With a data directory it also starts the
 * SSH door (real SSH into the instances on loopback ports, its settings kept in that directory).
 */
import { join } from 'node:path';
import type { SshAccess } from '../../shared/terminal-operations';
import type { DoorEngine } from '../doors/door-engine';
import { SshServer } from '../doors/ssh/ssh-server';
import { fileSettingsStore, SSH_SETTINGS_FILE_NAME } from '../doors/ssh/ssh-settings';
import type { Engine } from '../engine/engine';
import { labPort } from '../shell/lab-port';
import { createShellPort } from '../shell/shell-port';
import { createShells, type Shells } from '../shell/shells';
import { threadWorkerPort } from '../shell/worker/thread-worker-port';
import { atMostEvery } from './at-most-every';

export interface RunningShells {
  shells: Shells;
  /** What the doors serve: the engine's calls and events, and the terminals'. */
  port: DoorEngine;
  /** The SSH door, when the host gave a data directory for its settings. */
  ssh?: SshServer;
  stop(): void;
}

export interface ShellsHostOptions {
  /** Where the SSH door keeps its settings (on/off, each instance's port); no SSH door without it. */
  dataDirectory?: string;
  log?: (line: string) => void;
}

/** The SSH server's status as the console's contract words it. */
export function sshAccessOf(ssh: SshServer): SshAccess {
  const status = ssh.status();
  return {
    Available: true,
    Enabled: status.enabled,
    Listeners: status.listeners.map((listener) => ({
      InstanceId: listener.instanceId,
      Port: listener.port,
      Listening: listener.listening,
      ...(listener.error ? { Error: listener.error } : {}),
      ...(listener.fingerprint ? { Fingerprint: listener.fingerprint } : {}),
    })),
    Config: ssh.sshConfig(),
  };
}

export function startShells(engine: Engine, workerFile: string, options: ShellsHostOptions = {}): RunningShells {
  const shells = createShells({ engine, startWorker: () => threadWorkerPort(workerFile) });
  const ssh = options.dataDirectory
    ? new SshServer({
        port: createShellPort(shells),
        settings: fileSettingsStore(join(options.dataDirectory, SSH_SETTINGS_FILE_NAME)),
        log: options.log,
      })
    : undefined;
  // A port in use is reported in the server's status (and so in the console) and the log, never thrown.
  void ssh?.start();
  const announce =
    ssh &&
    atMostEvery(SSH_ANNOUNCE_EVERY_MS, () =>
      shells.terminals.setSshAccessProvider({
        access: () => sshAccessOf(ssh),
        setEnabled: (enabled) => void ssh.setEnabled(enabled),
      }),
    );
  if (announce) {
    announce.call();
    ssh.onStatus(() => announce.call());
  }
  return {
    shells,
    port: labPort(engine, shells.terminals),
    ssh,
    stop: () => {
      announce?.cancel();
      void ssh?.stop();
      shells.close();
    },
  };
}

/**
 * The console hears of the SSH door's changes at most once a second: a script launching a hundred
 * instances opens ports every 100 ms, and each word to the console lists every port and the whole
 * ssh_config of the lab.
 */
const SSH_ANNOUNCE_EVERY_MS = 1000;
