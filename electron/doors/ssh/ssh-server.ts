/**
 * The SSH door: an SSH server (ssh2) on 127.0.0.1 with one loopback port per instance the lab has
 * (not terminated), each with the instance's own host key, so the learner's own `ssh -i key.pem -p
 * 22xx ec2-user@127.0.0.1` meets that instance's sshd. Ports are kept in the lab settings and stay
 * the same across restarts; the whole server can be turned off; a port another program holds is
 * reported in the status (and its listeners told), never a crash. A listener is only a loopback
 * socket until someone connects: its SSH server (ssh2, with the host key parsed) is made on the
 * first connection, so a class's 1,000 idle instances cost 1,000 sockets, not 1,000 SSH servers.
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
// ssh2 is CommonJS: Node's ESM loader (browser mode) gives its exports as the default only.
import ssh2 from 'ssh2';
import type { ShellPort, SshHostKey } from '../../shell/shell-port';
import { OPENSSH_LIMITS, SourcePenalties, type AuthLimits } from './auth-limits';
import { acceptSocket, handleClient, type ConnectionOptions } from './ssh-connection';
import { sshConfigText } from './ssh-config';
import { FIRST_SSH_PORT, LAST_SSH_PORT, preferredPort, type SshSettings, type SshSettingsStore } from './ssh-settings';

/**
 * Host keys made in one engine command at most: a lab of thousands of instances with none yet (one
 * saved before instances had host keys) makes them ~15 ms at a time, never in one long block.
 */
const HOST_KEYS_PER_COMMAND = 100;

export interface SshServerOptions {
  port: ShellPort;
  settings: SshSettingsStore;
  limits?: AuthLimits;
  /** How long a connection the network drops is held silent (default: 2 minutes). */
  dropHoldMs?: number;
  /** The range ports are chosen from (tests use their own). */
  portRange?: { first: number; last: number };
  log?: (line: string) => void;
}

export interface SshListenerStatus {
  instanceId: string;
  port: number;
  listening: boolean;
  /** Why the port is not served (another program holds it). */
  error?: string;
  fingerprint?: string;
}

export interface SshServerStatus {
  enabled: boolean;
  listeners: SshListenerStatus[];
}

/** What OpenSSH on Amazon Linux 2023 announces (RFC 4253 §4.2 identification string). */
const IDENT = 'OpenSSH_8.7';

type Ssh2Server = InstanceType<typeof ssh2.Server>;

interface Listener {
  instanceId: string;
  port: number;
  net: NetServer;
  status: SshListenerStatus;
  sockets: Set<Socket>;
}

export class SshServer {
  private readonly listeners = new Map<string, Listener>();
  private readonly statusListeners = new Set<(status: SshServerStatus) => void>();
  private readonly limits: AuthLimits;
  private readonly penalties: SourcePenalties;
  private stopWatching: (() => void) | undefined;
  /** The settings as last saved: read once, so a sync reads no file. */
  private readonly settings: SshSettings;
  private syncing: Promise<void> = Promise.resolve();
  /** How many instances the last sync found no free port for (said once per change, not at every sync). */
  private portless = 0;

  constructor(private readonly options: SshServerOptions) {
    this.limits = options.limits ?? OPENSSH_LIMITS;
    this.penalties = new SourcePenalties(this.limits);
    this.settings = options.settings.load();
  }

  private get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Starts listening for every instance (if the setting allows) and follows the lab's changes. */
  async start(): Promise<void> {
    this.stopWatching ??= this.options.port.onTargetsChanged(() => void this.sync());
    await this.sync();
  }

  async stop(): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = undefined;
    await this.syncing;
    await Promise.all([...this.listeners.values()].map((listener) => this.close(listener)));
  }

  /** The lab setting: off closes every port, on opens them again. */
  async setEnabled(enabled: boolean): Promise<void> {
    this.settings.enabled = enabled;
    this.options.settings.save(this.settings);
    await this.sync();
  }

  status(): SshServerStatus {
    return { enabled: this.enabled, listeners: [...this.listeners.values()].map((l) => ({ ...l.status })) };
  }

  onStatus(listener: (status: SshServerStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The loopback port an instance is served on now, if any. */
  portOf(instanceId: string): number | undefined {
    const listener = this.listeners.get(instanceId);
    return listener?.status.listening ? listener.port : undefined;
  }

  /** The "Download SSH config" file for the instances served now. */
  sshConfig(): string {
    const served = new Map(
      [...this.listeners.values()].filter((l) => l.status.listening).map((l) => [l.instanceId, l]),
    );
    return sshConfigText(
      this.options.port
        .targets()
        .filter((target) => served.has(target.instanceId))
        .map((target) => ({ ...target, port: served.get(target.instanceId)!.port })),
    );
  }

  /** Brings the listeners in line with the lab's instances (one sync at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncNow())
      .catch((error: unknown) => {
        this.options.log?.(`SSH server: ${String(error)}`);
      });
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    const targets = this.enabled ? this.options.port.targets() : [];
    const wanted = new Set(targets.map((target) => target.instanceId));
    const closing = [...this.listeners.values()].filter((listener) => !wanted.has(listener.instanceId));
    await Promise.all(closing.map((listener) => this.close(listener)));
    const { settings } = this;
    let changed = false;
    if (this.enabled) {
      // A terminated instance's port is free again.
      for (const id of Object.keys(settings.ports))
        if (!wanted.has(id)) {
          delete settings.ports[id];
          changed = true;
        }
    }
    let taken: Set<number> | undefined;
    let portless = 0;
    const opening: { instanceId: string; port: number }[] = [];
    for (const target of targets) {
      if (this.listeners.has(target.instanceId)) continue;
      let port: number | undefined = settings.ports[target.instanceId];
      if (port === undefined) {
        taken ??= new Set(Object.values(settings.ports));
        port = portless > 0 ? undefined : this.freePort(target.instanceId, taken);
        // Every port of the range serves an instance: this one gets a port when one is free again.
        if (port === undefined) {
          portless++;
          continue;
        }
        taken.add(port);
        settings.ports[target.instanceId] = port;
        changed = true;
      }
      opening.push({ instanceId: target.instanceId, port });
    }
    // The keys of a launch burst are made together: one transaction per HOST_KEYS_PER_COMMAND
    // instances, not one per instance; the listens between batches let other work run.
    let opened = 0;
    for (let first = 0; first < opening.length; first += HOST_KEYS_PER_COMMAND) {
      const batch = opening.slice(first, first + HOST_KEYS_PER_COMMAND);
      const hostKeys = this.options.port.hostKeys(batch.map((o) => o.instanceId));
      for (const { instanceId, port } of batch) {
        const hostKey = hostKeys.get(instanceId);
        if (!hostKey) continue;
        opened++;
        await this.open(instanceId, port, hostKey);
      }
    }
    if (changed) this.options.settings.save(settings);
    if (portless > 0 && portless !== this.portless) {
      this.options.log?.(
        `SSH server: every port of ${this.portRange().first}-${this.portRange().last} is taken; ${portless} instance(s) have none`,
      );
    }
    this.portless = portless;
    // Status listeners hear of a change only: most syncs (a tag, a state change) open and close nothing.
    if (closing.length > 0 || opened > 0) this.announce();
  }

  /** A port of the range no instance holds, the instance's preferred one if it can; undefined if none is left. */
  private freePort(instanceId: string, taken: Set<number>): number | undefined {
    const { first, last } = this.portRange();
    const size = last - first + 1;
    const start = preferredPort(instanceId, first, last) - first;
    for (let step = 0; step < size; step++) {
      const port = first + ((start + step) % size);
      if (!taken.has(port)) return port;
    }
    return undefined;
  }

  private portRange(): { first: number; last: number } {
    return this.options.portRange ?? { first: FIRST_SSH_PORT, last: LAST_SSH_PORT };
  }

  private async open(instanceId: string, port: number, hostKey: SshHostKey): Promise<void> {
    const sockets = new Set<Socket>();
    const connection: ConnectionOptions = {
      port: this.options.port,
      instanceId,
      limits: this.limits,
      penalties: this.penalties,
      dropHoldMs: this.options.dropHoldMs ?? 120_000,
      sockets,
      graceTimers: new Map(),
    };
    // Made on the first connection: most instances of a class are never logged into.
    let ssh: Ssh2Server | undefined;
    const sshServer = (): Ssh2Server => {
      if (!ssh) {
        ssh = new ssh2.Server({ hostKeys: [hostKey.privateKey], ident: IDENT }, (client, info) =>
          handleClient(client, info, connection),
        );
        ssh.on('error', () => {});
      }
      return ssh;
    };
    const net = createServer((socket) => {
      let server: Ssh2Server;
      try {
        server = sshServer();
      } catch (error) {
        // An unreadable host key: this connection cannot be served, the process carries on.
        this.options.log?.(`SSH server: ${instanceId}: ${String(error)}`);
        socket.destroy();
        return;
      }
      acceptSocket(socket, server, connection);
    });
    const status: SshListenerStatus = { instanceId, port, listening: false, fingerprint: hostKey.fingerprint };
    const listener: Listener = { instanceId, port, net, status, sockets };
    this.listeners.set(instanceId, listener);
    await new Promise<void>((resolve) => {
      net.once('error', (error: NodeJS.ErrnoException) => {
        status.error =
          error.code === 'EADDRINUSE'
            ? `port ${port} is in use by another program`
            : `port ${port} could not be opened (${error.code ?? error.message})`;
        this.options.log?.(`SSH server: ${instanceId}: ${status.error}`);
        resolve();
      });
      net.listen(port, '127.0.0.1', () => {
        status.listening = true;
        net.on('error', () => {});
        resolve();
      });
    });
  }

  private async close(listener: Listener): Promise<void> {
    this.listeners.delete(listener.instanceId);
    for (const socket of listener.sockets) socket.destroy();
    if (!listener.status.listening) return;
    await new Promise<void>((resolve) => listener.net.close(() => resolve()));
  }

  private announce(): void {
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }
}
