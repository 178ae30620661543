/**
 * The laptop's `scp` (OpenSSH 9.x, scp(1), SFTP mode): copies files between the laptop and an
 * instance — `scp [-i key] [-P port] [-r] [-o …] SRC… [user@]host:DEST` or the other way round —
 * after the same connection steps and refusals as `ssh` (ssh-connection.ts). On the instance it
 * reads and writes as the login user through the instance's filesystem (so its permissions apply),
 * relative paths from that user's home. Errors in scp's words: `scp: stat local "x": No such file
 * or directory`, `scp: dest open "/etc/x": Permission denied`, `scp: /x: No such file or directory`.
 */
import type { Identity } from '../machines/guest-fs';
import type { CommandContext, LabCommand, Machine } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { ClientOutput, type ClientSettings } from './client-options';
import { applyOption, newConnectionOptions, splitDestination } from './ssh-arguments';
import { connect, laptopPath } from './ssh-connection';

const SCP_USAGE =
  'usage: scp [-346ABCOpqRrsTv] [-c cipher] [-D sftp_server_path] [-F ssh_config]\n' +
  '           [-i identity_file] [-J destination] [-l limit] [-o ssh_option]\n' +
  '           [-P port] [-S program] [-X sftp_option] source ... target\n';

interface Location {
  remote?: { user?: string; host: string };
  path: string;
}

/** `[user@]host:path` is remote (a colon before any slash), anything else local. */
function locationOf(text: string): Location {
  const colon = text.indexOf(':');
  const slash = text.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash)) {
    const target = splitDestination(text.slice(0, colon));
    return { remote: target, path: text.slice(colon + 1) };
  }
  return { path: text };
}

const errorText = (error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'ENOTDIR') return 'Not a directory';
  if (code === 'ENOSPC') return 'No space left on device';
  return (error as Error).message;
};

interface Side {
  machine: Machine;
  who: Identity;
  resolve(path: string): string;
}

export function scpCommand(world: ShellWorld, settings: ClientSettings): LabCommand {
  return async (ctx: CommandContext) => {
    const options = newConnectionOptions();
    let recursive = false;
    const operands: string[] = [];
    const args = ctx.request.args;
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (arg === '-i') options.identityFiles.push(args[++index] ?? '');
      else if (arg === '-P') options.port = Number(args[++index]);
      else if (arg === '-o') {
        const problem = applyOption(options, args[++index] ?? '');
        if (problem) return { stdout: '', stderr: problem, exitCode: 255 };
      } else if (/^-[rqvpCT346]+$/.test(arg)) {
        if (arg.includes('r')) recursive = true;
        if (arg.includes('v')) options.verbose++;
        if (arg.includes('q')) options.quiet = true;
      } else if (arg.startsWith('-') && arg !== '-') return { stdout: '', stderr: SCP_USAGE, exitCode: 1 };
      else operands.push(arg);
    }
    if (operands.length < 2) return { stdout: '', stderr: SCP_USAGE, exitCode: 1 };
    const target = locationOf(operands.at(-1)!);
    const sources = operands.slice(0, -1).map(locationOf);
    const remotes = [target, ...sources].filter((location) => location.remote);
    const hosts = new Set(remotes.map((location) => location.remote!.host));
    if (remotes.length === 0) {
      return {
        stdout: '',
        stderr: 'scp: the lab copies between the laptop and an instance; use cp on the laptop\n',
        exitCode: 1,
      };
    }
    if (hosts.size > 1 || (target.remote && sources.some((s) => s.remote))) {
      return { stdout: '', stderr: 'scp: the lab copies between the laptop and one instance at a time\n', exitCode: 1 };
    }
    const remote = remotes[0]!.remote!;
    const out = new ClientOutput(ctx.terminal);
    const connection = await connect(world, ctx, settings, out, options, {
      host: remote.host,
      user: remote.user ?? options.user ?? ctx.user.name,
      port: options.port ?? 22,
    });
    if (!connection.ok) return out.end(connection.exitCode);
    if (connection.rootRedirect) {
      out.error(
        `Please login as the user "${connection.rootRedirect}" rather than the user "root".\n\nscp: Connection closed\n`,
      );
      return out.end(255);
    }
    const instanceUser = connection.user;
    const laptop: Side = { machine: ctx.machine, who: ctx.who, resolve: (path) => laptopPath(ctx, path) };
    const instance: Side = {
      machine: connection.machine,
      who: instanceUser,
      resolve: (path) =>
        path.startsWith('/')
          ? path
          : path === '' || path === '~' || path === '.'
            ? instanceUser.home
            : `${instanceUser.home}/${path.replace(/^~\//, '')}`,
    };
    const [from, to] = target.remote ? [laptop, instance] : [instance, laptop];
    let status = 0;
    const destination = to.resolve(target.path);
    const destinationIsDirectory = to.machine.fs.statOrUndefined(destination, true)?.type === 'directory';
    if (sources.length > 1 && !destinationIsDirectory) {
      out.error(`scp: ${target.path}: Not a directory\n`);
      return out.end(1);
    }
    for (const source of sources) {
      const path = from.resolve(source.path);
      const stat = from.machine.fs.statOrUndefined(path, true);
      if (!stat) {
        out.error(
          from === laptop
            ? `scp: stat local "${source.path}": No such file or directory\n`
            : `scp: ${path}: No such file or directory\n`,
        );
        status = 1;
        continue;
      }
      if (stat.type === 'directory' && !recursive) {
        out.error(`scp: omitting directory "${source.path}"\n`);
        status = 1;
        continue;
      }
      const name = path.split('/').filter(Boolean).pop() ?? '';
      const into = destinationIsDirectory ? `${destination.replace(/\/$/, '')}/${name}` : destination;
      try {
        copyTree(from, path, to, into, (file, size) => {
          if (!options.quiet && ctx.terminal) out.error(progressLine(file, size));
        });
      } catch (error) {
        const side = to === laptop ? 'local' : 'dest';
        out.error(`scp: ${side} open "${(error as { path?: string }).path ?? into}": ${errorText(error)}\n`);
        status = 1;
      }
    }
    return out.end(status);
  };
}

function copyTree(
  from: Side,
  path: string,
  to: Side,
  into: string,
  progress: (name: string, size: number) => void,
): void {
  const stat = from.machine.fs.statOrUndefined(path, true)!;
  if (stat.type === 'directory') {
    if (!to.machine.fs.statOrUndefined(into, true)) wrap(into, () => to.machine.fs.mkdir(into, to.who, false));
    for (const name of from.machine.fs.readdir(path, from.who))
      copyTree(from, `${path}/${name}`, to, `${into}/${name}`, progress);
    return;
  }
  const data = wrap(path, () => from.machine.fs.readBytes(path, from.who));
  wrap(into, () => to.machine.fs.write(into, data, to.who, false));
  progress(path.split('/').pop() ?? path, data.length);
}

function wrap<R>(path: string, run: () => R): R {
  try {
    return run();
  } catch (error) {
    throw Object.assign(error as object, { path });
  }
}

/** scp's progress meter line at 100% (progressmeter.c). */
function progressLine(name: string, size: number): string {
  const shown = name.length > 40 ? name.slice(0, 40) : name.padEnd(40);
  const amount = size < 1024 ? `${size}` : `${(size / 1024).toFixed(1)}KB`;
  return `${shown} 100% ${amount.padStart(5)} ${(size / 1024).toFixed(1).padStart(6)}KB/s   00:00    \n`;
}
