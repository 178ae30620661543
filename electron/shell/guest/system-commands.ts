/**
 * Commands that report on the running system — `uname`, `nproc`, `free`, `uptime`, `top -b -n 1`,
 * `ip` (ip-command.ts) — and the ones that end it: `shutdown`, `poweroff`, `halt`, `reboot`,
 * an instance-initiated shutdown that stops or terminates the instance as its
 * InstanceInitiatedShutdownBehavior says (EC2 User Guide: Using_ChangingInstanceInitiatedShutdownBehavior).
 */
import { fail, ok, type LabCommand } from '../machines/machine';
import type { GuestInstance } from './guest-instance';
import { ipCommand } from './ip-command';
import { columns } from './sizes';
import {
  isArm,
  kernelOf,
  loadAverages,
  memoryKiB,
  prettyUptime,
  uptimeLine,
  uptimeSeconds,
  upFor,
} from './system-facts';

function uname(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const view = guest.view();
    const arm = isArm(view);
    const machine = arm ? 'aarch64' : 'x86_64';
    const kernel = kernelOf(guest.facts.os, arm);
    const node =
      guest.facts.os === 'ubuntu' || guest.facts.os === 'debian'
        ? guest.facts.hostname.split('.')[0]!
        : guest.facts.hostname;
    const flags = request.args.flatMap((a) =>
      a.startsWith('--') ? [a] : a.startsWith('-') ? [...a.slice(1)].map((c) => `-${c}`) : [a],
    );
    const all = flags.includes('-a') || flags.includes('--all');
    const parts: string[] = [];
    const want = (flag: string) => all || flags.includes(flag);
    if (want('-s') || flags.length === 0) parts.push('Linux');
    if (want('-n')) parts.push(node);
    if (want('-r')) parts.push(kernel.release);
    if (want('-v')) parts.push(kernel.version);
    if (want('-m')) parts.push(machine);
    if (flags.includes('-p') || (all && guest.facts.os !== 'debian')) parts.push(machine);
    if (flags.includes('-i') || (all && guest.facts.os !== 'debian')) parts.push(machine);
    if (want('-o')) parts.push('GNU/Linux');
    return ok(`${parts.join(' ')}\n`);
  };
}

function free(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const memory = memoryKiB(guest.view());
    const flag = request.args.find((a) => /^-[bkmgh]$/.test(a) || a === '--mebi' || a === '--giga') ?? '-k';
    const show = (kib: number): string => {
      if (flag === '-m' || flag === '--mebi') return String(Math.floor(kib / 1024));
      if (flag === '-g' || flag === '--giga') return String(Math.floor(kib / 1024 / 1024));
      if (flag === '-b') return String(kib * 1024);
      if (flag === '-h')
        return kib >= 1024 * 1024
          ? `${(kib / 1024 / 1024).toFixed(1)}Gi`
          : kib === 0
            ? '0B'
            : `${Math.round(kib / 1024)}Mi`;
      return String(kib);
    };
    const rows = [
      ['', 'total', 'used', 'free', 'shared', 'buff/cache', 'available'],
      [
        'Mem:',
        show(memory.total),
        show(memory.used),
        show(memory.free),
        show(0),
        show(memory.cache),
        show(memory.available),
      ],
      ['Swap:', show(0), show(0), show(0)],
    ];
    const widths = [5, 15, 11, 11, 11, 11, 11];
    return ok(
      rows
        .map((row) =>
          row
            .map((cell, i) => (i === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[i]!)))
            .join('')
            .trimEnd(),
        )
        .join('\n')
        .concat('\n'),
    );
  };
}

function top(guest: GuestInstance): LabCommand {
  return () => {
    const view = guest.view();
    const memory = memoryKiB(view);
    const [one, five, fifteen] = loadAverages(view).map((n) => n.toFixed(2));
    const busy = view.cpuUtilization;
    const mib = (kib: number) => (kib / 1024).toFixed(1).padStart(9);
    const running = view.loads.reduce((n, l) => n + l.cpus, 0);
    const header = [
      `top - ${new Date(view.now).toISOString().slice(11, 19)} up ${upFor(uptimeSeconds(view))},  1 user,  load average: ${one}, ${five}, ${fifteen}`,
      `Tasks: ${108 + running} total,   ${1 + running} running, ${107} sleeping,   0 stopped,   0 zombie`,
      `%Cpu(s): ${busy.toFixed(1).padStart(5)} us,  0.0 sy,  0.0 ni, ${(100 - busy).toFixed(1).padStart(5)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st`,
      `MiB Mem : ${mib(memory.total)} total, ${mib(memory.free)} free, ${mib(memory.used)} used, ${mib(memory.cache)} buff/cache`,
      `MiB Swap:       0.0 total,       0.0 free,       0.0 used. ${mib(memory.available)} avail Mem`,
      '',
    ];
    const rows = [['PID', 'USER', 'PR', 'NI', 'VIRT', 'RES', 'SHR', 'S', '%CPU', '%MEM', 'TIME+', 'COMMAND']];
    const time = (ms: number) => {
      const seconds = Math.max(0, ms / 1000);
      return `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(2).padStart(5, '0')}`;
    };
    for (const load of view.loads) {
      for (let worker = 0; worker < load.cpus; worker++) {
        rows.push([
          String(load.pid + worker),
          'root',
          '20',
          '0',
          '3512',
          '256',
          '256',
          'R',
          (100 * Math.min(1, view.vcpus / Math.max(1, running))).toFixed(1),
          '0.0',
          time(view.now - load.startedAt),
          load.command.split(' ')[0]!,
        ]);
      }
    }
    rows.push(['1', 'root', '20', '0', '105356', '16240', '10176', 'S', '0.0', '1.7', '0:01.52', 'systemd']);
    for (const service of view.running) {
      rows.push([
        String(1100 + service.length),
        'root',
        '20',
        '0',
        '20340',
        '11520',
        '9216',
        'S',
        '0.0',
        '1.2',
        '0:00.05',
        service,
      ]);
    }
    return ok(`${header.join('\n')}\n${columns(rows, new Set([0, 2, 3, 4, 5, 6, 8, 9, 10]))}`);
  };
}

/** What ends the OS: `shutdown [-h|-P|-r] [now]`, `poweroff`, `halt`, `reboot`. */
function ending(
  guest: GuestInstance,
  program: 'shutdown' | 'poweroff' | 'halt' | 'reboot',
  onReboot: () => void,
): LabCommand {
  return ({ request, who }) => {
    const args = request.args;
    if (program === 'shutdown' && args.includes('-c')) return ok();
    const reboot =
      program === 'reboot' || (program === 'shutdown' && args.some((a) => /^-\w*r/.test(a) || a === '--reboot'));
    if (who.uid !== 0) {
      const call = reboot ? 'Reboot' : 'PowerOff';
      return fail(`Call to ${call} failed: Interactive authentication required.\n`);
    }
    const when = args.find((a) => !a.startsWith('-'));
    guest.engine.guests.shutdown(guest.id, reboot ? 'reboot' : 'halt');
    guest.invalidate();
    if (reboot) onReboot();
    // `shutdown` with no time waits a minute; the lab acts at once and says when it would have.
    const scheduled =
      program === 'shutdown' && when !== 'now' && when !== undefined
        ? `Shutdown scheduled for ${new Date(guest.view().now).toUTCString()}, use 'shutdown -c' to cancel.\n`
        : '';
    return ok(scheduled);
  };
}

export function systemCommands(guest: GuestInstance, onReboot: () => void): Map<string, LabCommand> {
  return new Map<string, LabCommand>([
    ['uname', uname(guest)],
    ['nproc', () => ok(`${guest.view().vcpus}\n`)],
    ['free', free(guest)],
    [
      'uptime',
      ({ request }) => {
        const view = guest.view();
        return ok(`${request.args.includes('-p') ? prettyUptime(uptimeSeconds(view)) : uptimeLine(view)}\n`);
      },
    ],
    ['top', top(guest)],
    ['ip', ipCommand(guest)],
    ['shutdown', ending(guest, 'shutdown', onReboot)],
    ['poweroff', ending(guest, 'poweroff', onReboot)],
    ['halt', ending(guest, 'halt', onReboot)],
    ['reboot', ending(guest, 'reboot', onReboot)],
  ]);
}
