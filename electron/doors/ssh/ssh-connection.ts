/**
 * One TCP connection to an instance's loopback port, as sshd on the instance would meet it: first
 * the network (the reachability gate: dropped packets mean the socket stays silent, so the client
 * times out; an instance still booting resets it), then the SSH handshake with the instance's host
 * key and publickey authentication only — the offered key must be the instance's key pair and the
 * user its AMI's login user, and the signature must verify — within OpenSSH's MaxAuthTries and
 * LoginGraceTime; then its session channels.
 */
import type { Socket } from 'node:net';
// ssh2 is CommonJS: Node's ESM loader (browser mode) gives its exports as the default only.
import ssh2, { type AuthContext, type ClientInfo, type Connection, type Server } from 'ssh2';

const { utils } = ssh2;
import type { ShellPort } from '../../shell/shell-port';
import type { AuthLimits, SourcePenalties } from './auth-limits';
import { serveSession } from './ssh-session';

export interface ConnectionOptions {
  port: ShellPort;
  instanceId: string;
  limits: AuthLimits;
  penalties: SourcePenalties;
  /** How long a dropped connection is held silent before it is let go. */
  dropHoldMs: number;
  sockets: Set<Socket>;
  /** Each accepted socket's LoginGraceTime timer, by its client port, until ssh2 hands over the client. */
  graceTimers: Map<number, NodeJS.Timeout>;
}

/** Decides what the network does with a new connection, and hands it to ssh2 if it gets through. */
export function acceptSocket(socket: Socket, server: Server, options: ConnectionOptions): void {
  options.sockets.add(socket);
  socket.on('close', () => options.sockets.delete(socket));
  socket.on('error', () => socket.destroy());
  const source = socket.remoteAddress ?? 'unknown';
  if (options.penalties.refused(source)) {
    socket.destroy();
    return;
  }
  const reach = options.port.reach(options.instanceId);
  if (reach.kind === 'dropped') {
    // No reply at all: the client's ConnectTimeout (or TCP's) runs out, as when AWS drops the packets.
    socket.pause();
    setTimeout(() => socket.destroy(), options.dropHoldMs).unref();
    return;
  }
  if (reach.kind === 'refused') {
    socket.resetAndDestroy();
    return;
  }
  // Keystrokes and echoes are tiny packets: send them at once (no Nagle delay).
  socket.setNoDelay(true);
  const grace = setTimeout(() => socket.destroy(), options.limits.loginGraceMs);
  grace.unref();
  socket.once('close', () => clearTimeout(grace));
  options.graceTimers.set(socket.remotePort ?? -1, grace);
  server.injectSocket(socket);
}

/** The keys ssh2 verifies a signature with: the type in the blob, whatever algorithm name was offered. */
function signatureVerifies(ctx: AuthContext & { method: 'publickey' }): boolean {
  const key = utils.parseKey(ctx.key.data);
  if (key instanceof Error || !ctx.blob || !ctx.signature) return false;
  try {
    return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
  } catch {
    return false;
  }
}

/** The ssh2 server's connection handler for one instance. */
export function handleClient(client: Connection, info: ClientInfo, options: ConnectionOptions): void {
  const { port, instanceId, limits, penalties } = options;
  const source = info.ip;
  let failures = 0;
  let user: string | undefined;
  const grace = options.graceTimers.get(info.port);
  options.graceTimers.delete(info.port);
  client.on('error', () => client.end());

  const refuse = (ctx: AuthContext, counts: boolean) => {
    if (counts) {
      failures++;
      penalties.failed(source);
    }
    // OpenSSH: "Too many authentication failures" once MaxAuthTries attempts have failed.
    if (failures >= limits.maxAuthTries) {
      ctx.reject();
      client.end();
      return;
    }
    ctx.reject(['publickey']);
  };

  client.on('authentication', (ctx) => {
    if (ctx.method !== 'publickey') return refuse(ctx, ctx.method !== 'none');
    if (!port.authorized(instanceId, ctx.username, ctx.key.data)) return refuse(ctx, true);
    // Without a signature the client only asks whether this key would do (RFC 4252 §7: PK_OK).
    if (!ctx.signature) return ctx.accept();
    if (!signatureVerifies(ctx)) return refuse(ctx, true);
    user = ctx.username;
    ctx.accept();
  });

  client.on('ready', () => {
    if (grace) clearTimeout(grace);
    client.on('session', (accept) => serveSession(client, accept(), { port, instanceId, user: user! }));
  });
  // Port forwarding and other channels are not part of the lab.
  client.on('tcpip', (_accept, reject) => reject());
  client.on('openssh.streamlocal', (_accept, reject) => reject());
  client.on('request', (_accept, reject) => reject?.());
}
