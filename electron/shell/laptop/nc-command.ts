/**
 * The laptop's `nc` (OpenBSD netcat, as Debian's netcat-openbsd; nc(1)) in port-scan mode,
 * `nc -zv host port`: the engine's reachability gate for tcp (or udp with -u) decides between
 * `Connection to HOST PORT port [tcp/ssh] succeeded!`, `nc: connect to HOST port 80 (tcp) failed:
 * Connection refused` (the instance booting, nothing listening) and a timeout (dropped packets:
 * after -w seconds `… (tcp) timed out: Operation now in progress`, else the kernel's `… failed:
 * Connection timed out`).
 */
import type { CommandContext, LabCommand } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { ClientOutput, hintLine, type ClientSettings } from './client-options';
import { probe } from './probe';
import { resolveHost } from './resolve-host';

/** /etc/services names nc prints. */
const SERVICES: Record<number, string> = {
  21: 'ftp',
  22: 'ssh',
  25: 'smtp',
  53: 'domain',
  80: 'http',
  443: 'https',
  3306: 'mysql',
  3389: 'ms-wbt-server',
  5432: 'postgresql',
  6379: 'redis',
  8080: 'http-alt',
};

export function ncCommand(world: ShellWorld, settings: ClientSettings): LabCommand {
  return async (ctx: CommandContext) => {
    let verbose = false;
    let udp = false;
    let waitSeconds: number | undefined;
    const positional: string[] = [];
    const args = ctx.request.args;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (arg === '-w') waitSeconds = Number(args[++index]);
      else if (/^-[zvun]+$/.test(arg)) {
        if (arg.includes('v')) verbose = true;
        if (arg.includes('u')) udp = true;
      } else if (arg.startsWith('-')) {
        return {
          stdout: '',
          stderr: `nc: invalid option -- '${arg.slice(1, 2)}'\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n`,
          exitCode: 1,
        };
      } else positional.push(arg);
    }
    const [host, portText] = positional;
    if (!host || !portText)
      return {
        stdout: '',
        stderr: 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n',
        exitCode: 1,
      };
    const port = Number(portText);
    const protocol = udp ? 'udp' : 'tcp';
    const out = new ClientOutput(undefined);
    const resolved = resolveHost(world, host);
    if (!resolved) {
      out.error(`nc: getaddrinfo for host "${host}" port ${portText}: Name or service not known\n`);
      return out.end(1);
    }
    const reached = probe(world, resolved, protocol, port);
    if (reached.kind === 'timeout') {
      const waitMs = waitSeconds ? waitSeconds * 1000 : settings.connectTimeoutMs;
      if (!(await settings.wait(waitMs, ctx.request.signal))) return out.end(130);
      if (verbose) {
        out.error(
          waitSeconds
            ? `nc: connect to ${host} port ${port} (${protocol}) timed out: Operation now in progress\n`
            : `nc: connect to ${host} port ${port} (${protocol}) failed: Connection timed out\n`,
        );
      }
      if (verbose) out.error(hintLine(ctx.request.env, reached.why));
      return out.end(1);
    }
    if (reached.kind === 'refused') {
      if (verbose) out.error(`nc: connect to ${host} port ${port} (${protocol}) failed: Connection refused\n`);
      if (verbose) out.error(hintLine(ctx.request.env, reached.why));
      return out.end(1);
    }
    if (verbose) out.error(`Connection to ${host} ${port} port [${protocol}/${SERVICES[port] ?? '*'}] succeeded!\n`);
    return out.end(0);
  };
}
