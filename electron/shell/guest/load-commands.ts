/**
 * Commands that keep CPUs busy — `stress --cpu N --timeout S`, `stress-ng`, `yes` — and `kill`:
 * each load is a job in the engine's guest runtime (what the monitoring issue reads as
 * CPUUtilization, what `top` shows). `stress` runs in the foreground until its timeout passes on
 * the lab clock, Ctrl-C, or `kill` from another shell; `yes` runs in the background until `kill`.
 */
import { fail, ok, type CommandContext, type LabCommand } from '../machines/machine';
import type { ShellOutput } from '../worker/protocol';
import type { GuestInstance } from './guest-instance';

/** How often a foreground job looks whether it is still running (its timeout, a kill). */
const POLL_MS = 200;

/** `60`, `60s`, `2m`, `1h` → seconds. */
function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** Waits until the job ends (timeout on the lab clock, killed) or Ctrl-C; true if it was interrupted. */
async function waitForJob(guest: GuestInstance, pid: number, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    if (signal.aborted) {
      guest.engine.guests.stopLoad(guest.id, pid);
      return true;
    }
    const view = guest.engine.guests.view(guest.id);
    if (!view?.up || !view.loads.some((l) => l.pid === pid)) return false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, POLL_MS);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}

function stress(guest: GuestInstance, program: 'stress' | 'stress-ng'): LabCommand {
  return async (ctx: CommandContext): Promise<ShellOutput> => {
    const marker = program === 'stress' ? '/usr/bin/stress' : '/usr/bin/stress-ng';
    if (!ctx.machine.fs.statOrUndefined(marker, true)) return fail(`-bash: ${program}: command not found\n`, 127);
    const args = ctx.request.args;
    let cpus = 0;
    let timeout: number | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const [name, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
      const value = () => inline ?? args[++i];
      if (name === '--cpu' || name === '-c') cpus = Number(value());
      else if (name === '--timeout' || name === '-t') timeout = seconds(value());
      else if (['--vm', '-m', '--io', '-i', '--hdd', '-d', '--vm-bytes', '--metrics-brief'].includes(name!)) {
        if (name !== '--metrics-brief') value();
      }
    }
    const view = guest.view();
    if (program === 'stress-ng' && cpus === 0 && args.some((a) => a.startsWith('--cpu') || a === '-c'))
      cpus = view.vcpus;
    if (!Number.isFinite(cpus) || cpus <= 0) {
      return program === 'stress'
        ? fail(
            `\`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -c, --cpu N        spawn N workers spinning on sqrt()\n -t, --timeout N    timeout after N seconds\n`,
            1,
          )
        : fail('stress-ng: info:  [0] no stressors specified, use --cpu N\n', 1);
    }
    const pid = guest.engine.guests.startLoad(guest.id, {
      cpus,
      command: `${program} --cpu ${cpus}`,
      seconds: timeout,
    });
    const tag = program === 'stress' ? `stress: info: [${pid}]` : `stress-ng: info:  [${pid}]`;
    const started =
      program === 'stress'
        ? `${tag} dispatching hogs: ${cpus} cpu, 0 io, 0 vm, 0 hdd\n`
        : `${timeout !== undefined ? `${tag} setting to a ${Math.floor(timeout / 60)} min, ${timeout % 60} secs run per stressor\n` : ''}${tag} dispatching hogs: ${cpus} cpu\n`;
    ctx.terminal?.write(started.replace(/\n/g, '\r\n'));
    const begun = guest.view().now;
    const interrupted = await waitForJob(guest, pid, ctx.request.signal);
    const ran = (guest.engine.guests.view(guest.id)?.now ?? begun) - begun;
    const shown = ctx.terminal ? '' : started;
    if (interrupted) return { stdout: shown, stderr: '', exitCode: 130 };
    const finished =
      program === 'stress'
        ? `${tag} successful run completed in ${Math.round(ran / 1000)}s\n`
        : `${tag} successful run completed in ${(ran / 1000).toFixed(2)} secs\n`;
    return ok(shown + finished);
  };
}

/**
 * `yes > /dev/null &`: one CPU kept busy until `kill`. just-bash runs `&` in the foreground and a
 * command cannot see its redirection, so `yes` always becomes a background job at once, with bash's
 * job notice (`[1] 2345`) — the way learners use it to load a CPU.
 */
function yes(guest: GuestInstance): LabCommand {
  return () => {
    const pid = guest.engine.guests.startLoad(guest.id, { cpus: 1, command: 'yes' });
    const job = guest.view().loads.findIndex((l) => l.pid === pid) + 1;
    return { stdout: '', stderr: `[${job}] ${pid}\n`, exitCode: 0 };
  };
}

/** `jobs`: the load jobs, numbered as `kill %N` names them. */
function jobs(guest: GuestInstance): LabCommand {
  return () => {
    const loads = guest.view().loads;
    return ok(
      loads
        .map((load, index) => {
          const mark = index === loads.length - 1 ? '+' : index === loads.length - 2 ? '-' : ' ';
          const line = load.command === 'yes' ? 'yes > /dev/null &' : `${load.command} &`;
          return `[${index + 1}]${mark}  ${'Running'.padEnd(24)}${line}\n`;
        })
        .join(''),
    );
  };
}

/** `kill PID`, `kill %N` (the Nth load job), `killall`/`pkill NAME`. */
function kill(guest: GuestInstance, byName: boolean): LabCommand {
  return (ctx) => {
    const targets = ctx.request.args.filter((a) => !/^-(\d+|[A-Z]+|s)$/.test(a) && a !== 'KILL' && a !== 'TERM');
    if (!targets.length)
      return fail(
        byName
          ? 'Usage: pkill [options] <pattern>\n'
          : 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
        2,
      );
    const loads = guest.view().loads;
    const errors: string[] = [];
    let killed = 0;
    for (const target of targets) {
      const matches = byName
        ? loads.filter((l) => l.command.split(' ')[0] === target)
        : target.startsWith('%')
          ? loads.slice(Number(target.slice(1)) - 1, Number(target.slice(1)))
          : loads.filter((l) => l.pid === Number(target));
      if (!matches.length) {
        if (!byName)
          errors.push(
            target.startsWith('%')
              ? `-bash: kill: ${target}: no such job`
              : `-bash: kill: (${target}) - No such process`,
          );
        continue;
      }
      for (const load of matches) if (guest.engine.guests.stopLoad(guest.id, load.pid)) killed++;
    }
    if (errors.length) return fail(`${errors.join('\n')}\n`);
    return byName && killed === 0 ? { stdout: '', stderr: '', exitCode: 1 } : ok();
  };
}

export function loadCommands(guest: GuestInstance): Map<string, LabCommand> {
  return new Map<string, LabCommand>([
    ['stress', stress(guest, 'stress')],
    ['stress-ng', stress(guest, 'stress-ng')],
    ['yes', yes(guest)],
    ['jobs', jobs(guest)],
    ['kill', kill(guest, false)],
    ['killall', kill(guest, true)],
    ['pkill', kill(guest, true)],
  ]);
}
