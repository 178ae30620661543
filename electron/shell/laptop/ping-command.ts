/**
 * The laptop's `ping` (iputils 20221126, ping(8)): an ICMP echo request each second to an
 * instance's public address, answered when the engine's reachability gate lets ICMP echo (type 8)
 * in from the laptop — a security group needs an ICMP rule — with realistic reply lines; a blocked
 * path prints no replies and ends with 100% packet loss (exit 1). `-c N` stops after N requests;
 * without it Ctrl-C stops it and the statistics follow, as iputils prints them.
 */
import type { CommandContext, LabCommand } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { hintLine, type ClientSettings } from './client-options';
import { probe } from './probe';
import { resolveHost } from './resolve-host';

const ECHO_REQUEST = 8;

/** A steady round trip with a little jitter, the same each run (milliseconds). */
function roundTrip(sequence: number): number {
  return 11.2 + ((sequence * 7919) % 23) / 10;
}

export function pingCommand(world: ShellWorld, settings: ClientSettings): LabCommand {
  return async (ctx: CommandContext) => {
    let count: number | undefined;
    let host: string | undefined;
    const args = ctx.request.args;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (arg === '-c') {
        count = Number(args[++index]);
        if (!Number.isInteger(count) || count < 1) {
          return {
            stdout: '',
            stderr: `ping: invalid argument: '${args[index] ?? ''}': out of range: 1 <= value <= 9223372036854775807\n`,
            exitCode: 1,
          };
        }
      } else if (/^-c\d+$/.test(arg)) count = Number(arg.slice(2));
      else if (arg === '-i' || arg === '-W' || arg === '-s' || arg === '-t') index++;
      else if (arg.startsWith('-')) continue;
      else host = arg;
    }
    if (!host) return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
    const resolved = resolveHost(world, host);
    if (!resolved) return { stdout: '', stderr: `ping: ${host}: Name or service not known\n`, exitCode: 2 };
    const reached = probe(world, resolved, 'icmp', ECHO_REQUEST);
    // A booting instance's kernel already answers echo requests; only a dropped path stays silent.
    const answers = reached.kind !== 'timeout';
    const terminal = ctx.terminal;
    let stdout = '';
    const print = (text: string) => {
      if (terminal) terminal.write(text.replace(/\n/g, '\r\n'));
      else stdout += text;
    };
    const from = host === resolved.address ? resolved.address : `${host} (${resolved.address})`;
    print(`PING ${host} (${resolved.address}) 56(84) bytes of data.\n`);

    // Ctrl-C stops ping (SIGINT), which then prints its statistics and exits normally.
    const stop = new AbortController();
    ctx.request.signal.addEventListener('abort', () => stop.abort(), { once: true });
    let release: (() => void) | undefined;
    if (terminal) {
      void terminal.attach<void>((done) => {
        release = () => done();
        return {
          input: (data) => {
            if (data.includes('\x03') || data.includes('\x1c')) stop.abort();
          },
          end: () => stop.abort(),
        };
      });
    }
    const times: number[] = [];
    let sent = 0;
    const started = Date.now();
    try {
      while (count === undefined || sent < count) {
        if (sent > 0 && !(await settings.wait(1000, stop.signal))) break;
        sent++;
        if (answers) {
          const time = roundTrip(sent);
          times.push(time);
          print(`64 bytes from ${from}: icmp_seq=${sent} ttl=115 time=${time.toFixed(1)} ms\n`);
        }
      }
      if (count !== undefined && !answers && !stop.signal.aborted) await settings.wait(1000, stop.signal);
    } finally {
      release?.();
    }
    if (stop.signal.aborted && terminal) print('^C');
    const elapsed = Math.max((sent - 1) * 1000 + 3, Date.now() - started);
    const loss = sent === 0 ? 0 : Math.round(((sent - times.length) / sent) * 100);
    print(`\n--- ${host} ping statistics ---\n`);
    print(`${sent} packets transmitted, ${times.length} received, ${loss}% packet loss, time ${elapsed}ms\n`);
    if (times.length) {
      const min = Math.min(...times);
      const max = Math.max(...times);
      const avg = times.reduce((a, b) => a + b, 0) / times.length;
      const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / times.length);
      print(`rtt min/avg/max/mdev = ${[min, avg, max, mdev].map((v) => v.toFixed(3)).join('/')} ms\n`);
    }
    const hint = answers ? '' : hintLine(ctx.request.env, reached.why);
    if (terminal) terminal.write(hint.replace(/\n/g, '\r\n'));
    return { stdout, stderr: terminal ? '' : hint, exitCode: times.length ? 0 : 1 };
  };
}
