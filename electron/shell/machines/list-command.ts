/**
 * `ls` as GNU coreutils prints it, with the owner and group by name (`-rw-r--r-- 1 learner learner
 * 1675 Dec  1 09:30 key.pem`): the file modes a learner checks before `ssh -i` are the lesson, so
 * the listing must show them exactly. Flags: -l -a -A -h -d -1 -t -r -S -F and their combinations.
 */
import type { EntryStat } from '../shell-engine';
import { normalizePath } from './guest-fs';
import { fail, type CommandContext, type LabCommand } from './machine';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS = 182 * 24 * 3600 * 1000;

/** `drwxr-xr-x`, `-rw-------`, `lrwxrwxrwx`, with setuid/setgid/sticky letters. */
export function modeString(stat: Pick<EntryStat, 'type' | 'mode'>): string {
  const kind = stat.type === 'directory' ? 'd' : stat.type === 'symlink' ? 'l' : '-';
  const bits = stat.type === 'symlink' ? 0o777 : stat.mode;
  const triplet = (value: number, special: boolean, letter: string) => {
    const execute = (value & 1) !== 0;
    const x = special ? (execute ? letter : letter.toUpperCase()) : execute ? 'x' : '-';
    return `${value & 4 ? 'r' : '-'}${value & 2 ? 'w' : '-'}${x}`;
  };
  return (
    kind +
    triplet((bits >> 6) & 7, (bits & 0o4000) !== 0, 's') +
    triplet((bits >> 3) & 7, (bits & 0o2000) !== 0, 's') +
    triplet(bits & 7, (bits & 0o1000) !== 0, 't')
  );
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? Math.ceil(value * 10) / 10 : Math.ceil(value)}${units[unit]}`;
}

function dateOf(mtime: number, now: number): string {
  const date = new Date(mtime);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const head = `${MONTHS[date.getUTCMonth()]} ${day}`;
  if (Math.abs(now - mtime) > SIX_MONTHS) return `${head}  ${date.getUTCFullYear()}`;
  return `${head} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

interface Flags {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  human: boolean;
  directory: boolean;
  byTime: boolean;
  bySize: boolean;
  reverse: boolean;
  classify: boolean;
}

interface Listed {
  name: string;
  path: string;
  stat: EntryStat;
}

export interface ListOptions {
  userName(uid: number): string;
  groupName(gid: number): string;
  now(): number;
}

export function listCommand(options: ListOptions): LabCommand {
  return (ctx: CommandContext) => {
    const flags: Flags = {
      long: false,
      all: false,
      almostAll: false,
      human: false,
      directory: false,
      byTime: false,
      bySize: false,
      reverse: false,
      classify: false,
    };
    const paths: string[] = [];
    let endOfOptions = false;
    for (const arg of ctx.request.args) {
      if (!endOfOptions && arg === '--') {
        endOfOptions = true;
        continue;
      }
      if (!endOfOptions && arg.startsWith('--')) {
        if (arg === '--all') flags.all = true;
        else if (arg === '--human-readable') flags.human = true;
        else if (arg === '--directory') flags.directory = true;
        else if (arg === '--classify') flags.classify = true;
        else if (arg.startsWith('--color')) continue;
        else return fail(`ls: unrecognized option '${arg}'\nTry 'ls --help' for more information.\n`, 2);
        continue;
      }
      if (!endOfOptions && arg.startsWith('-') && arg.length > 1) {
        for (const letter of arg.slice(1)) {
          const known: Record<string, keyof Flags | undefined> = {
            l: 'long',
            a: 'all',
            A: 'almostAll',
            h: 'human',
            d: 'directory',
            t: 'byTime',
            S: 'bySize',
            r: 'reverse',
            F: 'classify',
          };
          if (letter === '1') continue;
          const flag = known[letter];
          if (!flag) return fail(`ls: invalid option -- '${letter}'\nTry 'ls --help' for more information.\n`, 2);
          flags[flag] = true;
        }
        continue;
      }
      paths.push(arg);
    }
    if (paths.length === 0) paths.push('.');

    const fs = ctx.machine.fs;
    const absolute = (path: string) => normalizePath(path.startsWith('/') ? path : `${ctx.request.cwd}/${path}`);
    let stdout = '';
    let stderr = '';
    let status = 0;
    const files: Listed[] = [];
    const directories: Listed[] = [];
    for (const path of paths) {
      const full = absolute(path);
      const stat = fs.statOrUndefined(full, true);
      const own = fs.statOrUndefined(full, false);
      if (!stat && !own) {
        stderr += `ls: cannot access '${path}': No such file or directory\n`;
        status = 2;
        continue;
      }
      const shown = flags.long && own?.type === 'symlink' && !path.endsWith('/') ? own : (stat ?? own!);
      if (shown.type === 'directory' && !flags.directory) directories.push({ name: path, path: full, stat: shown });
      else files.push({ name: path, path: full, stat: shown });
    }

    const sort = (items: Listed[]) => {
      items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (flags.byTime) items.sort((a, b) => b.stat.mtime - a.stat.mtime);
      if (flags.bySize) items.sort((a, b) => b.stat.size - a.stat.size);
      if (flags.reverse) items.reverse();
      return items;
    };
    const suffix = (item: Listed) =>
      !flags.classify
        ? ''
        : item.stat.type === 'directory'
          ? '/'
          : item.stat.type === 'symlink'
            ? '@'
            : item.stat.mode & 0o111
              ? '*'
              : '';
    const render = (items: Listed[], total: boolean) => {
      if (!flags.long) return items.map((item) => `${item.name}${suffix(item)}\n`).join('');
      const rows = items.map((item) => {
        const target =
          item.stat.type === 'symlink'
            ? ` -> ${(() => {
                try {
                  return String(fs.readlinkOf(item.path));
                } catch {
                  return '?';
                }
              })()}`
            : '';
        return {
          mode: modeString(item.stat),
          links: String(item.stat.type === 'directory' ? 2 : 1),
          owner: options.userName(item.stat.uid),
          group: options.groupName(item.stat.gid),
          size: flags.human ? humanSize(item.stat.size) : String(item.stat.size),
          date: dateOf(item.stat.mtime, options.now()),
          name: `${item.name}${suffix(item)}${target}`,
        };
      });
      const width = (key: 'links' | 'owner' | 'group' | 'size') => Math.max(0, ...rows.map((row) => row[key].length));
      const lines = rows.map(
        (row) =>
          `${row.mode} ${row.links.padStart(width('links'))} ${row.owner.padEnd(width('owner'))} ${row.group.padEnd(width('group'))} ${row.size.padStart(width('size'))} ${row.date} ${row.name}\n`,
      );
      const blocks = items.reduce((sum, item) => sum + Math.ceil(item.stat.size / 4096) * 4, 0);
      return (total ? `total ${flags.human ? humanSize(blocks * 1024) : blocks}\n` : '') + lines.join('');
    };

    stdout += render(sort(files), false);
    for (const [index, directory] of sort(directories).entries()) {
      let names: string[];
      try {
        names = fs.readdir(directory.path, ctx.who);
      } catch (error) {
        const code = (error as { code?: string }).code;
        stderr += `ls: cannot open directory '${directory.name}': ${code === 'EACCES' ? 'Permission denied' : 'No such file or directory'}\n`;
        status = 2;
        continue;
      }
      const visible = names.filter((name) => flags.all || flags.almostAll || !name.startsWith('.'));
      const entries: Listed[] = visible.flatMap((name) => {
        const path = normalizePath(`${directory.path}/${name}`);
        const stat = fs.statOrUndefined(path, false);
        return stat ? [{ name, path, stat }] : [];
      });
      if (flags.all) {
        const parent = fs.statOrUndefined(normalizePath(`${directory.path}/..`), true) ?? directory.stat;
        entries.push({ name: '.', path: directory.path, stat: directory.stat }, { name: '..', path: '', stat: parent });
      }
      const header = paths.length > 1 ? `${files.length > 0 || index > 0 ? '\n' : ''}${directory.name}:\n` : '';
      stdout += header + render(sort(entries), true);
    }
    return { stdout, stderr, exitCode: status };
  };
}
