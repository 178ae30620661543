/**
 * A machine's filesystem as its shell sees it: a mount table of lab disks (the root volume at `/`,
 * a formatted EBS volume where `mount` put it, the laptop's disk) plus virtual files (`/dev/null`,
 * `/proc/…`), with Linux's permission checks for the user a command runs as (root passes them
 * all). Each call is one read or one change of a disk through the engine, so a change is saved
 * when the call returns. Errors carry Node's errno codes and texts, which just-bash's commands print.
 */
import { normalizePath } from '../paths';
import type { FsOperation, WireError } from '../worker/protocol';
import type { DiskFilesPort, DiskView, EntryStat } from '../shell-engine';

export interface Mount {
  /** Absolute path the disk is mounted on; `/` for the root. */
  mountPoint: string;
  diskId: string;
  readOnly?: boolean;
}

/** A file the machine makes up rather than stores (`/dev/null`, `/proc/meminfo`). */
export type VirtualNode =
  { type: 'directory' } | { type: 'file'; mode?: number; read(): string | Uint8Array; write?(data: Uint8Array): void };

export interface Identity {
  uid: number;
  gid: number;
}

export interface GuestFsOptions {
  disks: DiskFilesPort;
  mounts(): readonly Mount[];
  /** Virtual files by absolute path; a directory's children are the nodes under it. */
  virtual?: () => ReadonlyMap<string, VirtualNode>;
}

export class GuestFsError extends Error implements WireError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const TEXTS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'file already exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'illegal operation on a directory',
  EROFS: 'read-only file system',
  EXDEV: 'cross-device link not permitted',
};

const fail = (code: string, syscall: string, path: string) =>
  new GuestFsError(code, `${TEXTS[code]}, ${syscall} '${path}'`);

export { normalizePath };

const parentOf = (path: string) => normalizePath(`${path}/..`);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? encoder.encode(data) : data);

interface Located {
  mount: Mount;
  /** The path inside the mounted disk. */
  inner: string;
}

/** Whether `who` may read (4), write (2) or search/execute (1) an entry with this owner and mode. */
export function permits(stat: Pick<EntryStat, 'mode' | 'uid' | 'gid'>, who: Identity, want: 4 | 2 | 1): boolean {
  if (who.uid === 0) return true;
  const bits =
    who.uid === stat.uid ? (stat.mode >> 6) & 7 : who.gid === stat.gid ? (stat.mode >> 3) & 7 : stat.mode & 7;
  return (bits & want) !== 0;
}

export class GuestFs {
  constructor(private readonly options: GuestFsOptions) {}

  /** Serves one forwarded IFileSystem call for a user. */
  async call(operation: FsOperation, args: unknown[], who: Identity): Promise<unknown> {
    const path = (index: number) => normalizePath(String(args[index]));
    switch (operation) {
      case 'readFile': {
        const bytes = this.readBytes(path(0), who);
        return decoder.decode(bytes);
      }
      case 'readFileBuffer':
        return this.readBytes(path(0), who);
      case 'writeFile':
      case 'appendFile':
        this.write(path(0), bytesOf(args[1] as string | Uint8Array), who, operation === 'appendFile');
        return undefined;
      case 'exists':
        return this.statOrUndefined(path(0), true) !== undefined;
      case 'stat':
      case 'lstat':
        return this.fsStat(path(0), operation === 'stat');
      case 'mkdir':
        this.mkdir(path(0), who, Boolean((args[1] as { recursive?: boolean } | undefined)?.recursive));
        return undefined;
      case 'readdir':
        return this.readdir(path(0), who);
      case 'readdirWithFileTypes':
        return this.readdir(path(0), who).map((name) => {
          const stat = this.statOrUndefined(`${path(0)}/${name}`, false);
          return {
            name,
            isFile: stat?.type === 'file',
            isDirectory: stat?.type === 'directory',
            isSymbolicLink: stat?.type === 'symlink',
          };
        });
      case 'rm':
        this.remove(path(0), who, (args[1] as { recursive?: boolean; force?: boolean } | undefined) ?? {});
        return undefined;
      case 'cp':
        this.copy(path(0), path(1), who, Boolean((args[2] as { recursive?: boolean } | undefined)?.recursive));
        return undefined;
      case 'mv':
        this.move(path(0), path(1), who);
        return undefined;
      case 'chmod':
        this.chmod(path(0), Number(args[1]), who);
        return undefined;
      case 'symlink':
        this.symlink(String(args[0]), path(1), who);
        return undefined;
      case 'link':
        // A hard link is a second name for the same data; the lab copies it (the data stays equal until one is written).
        this.copy(path(0), path(1), who, false);
        return undefined;
      case 'readlink': {
        const { mount, inner } = this.locate(path(0));
        return this.view(mount, (disk) => disk.readlink(inner));
      }
      case 'realpath':
        return this.realpath(path(0));
      case 'utimes':
        return undefined;
    }
  }

  /** The entry at a path (following links), or undefined; for the lab's own commands. */
  statOrUndefined(path: string, follow: boolean): EntryStat | undefined {
    const node = this.virtualNode(path);
    if (node) return this.virtualStat(node);
    const { mount, inner } = this.locate(path);
    if (this.isMountPoint(path) && !follow) return this.view(mount, (disk) => disk.stat('/'));
    try {
      return this.view(mount, (disk) => (follow ? disk.stat(inner) : disk.lstat(inner)));
    } catch {
      return undefined;
    }
  }

  readBytes(path: string, who: Identity): Uint8Array {
    const node = this.virtualNode(path);
    if (node?.type === 'file') return bytesOf(node.read());
    if (node) throw fail('EISDIR', 'read', path);
    const stat = this.requireStat(path, 'open');
    if (stat.type === 'directory') throw fail('EISDIR', 'read', path);
    this.checkSearch(path, who, 'open');
    if (!permits(stat, who, 4)) throw fail('EACCES', 'open', path);
    const { mount, inner } = this.locate(path);
    return this.view(mount, (disk) => disk.readFile(inner));
  }

  write(path: string, data: Uint8Array, who: Identity, append: boolean): void {
    const node = this.virtualNode(path);
    if (node?.type === 'file') {
      if (!node.write) throw fail('EACCES', 'open', path);
      node.write(data);
      return;
    }
    if (node) throw fail('EISDIR', 'open', path);
    const existing = this.statOrUndefined(path, true);
    if (existing?.type === 'directory') throw fail('EISDIR', 'open', path);
    this.checkSearch(path, who, 'open');
    if (existing) {
      if (!permits(existing, who, 2)) throw fail('EACCES', 'open', path);
    } else this.checkParentWritable(path, who, 'open');
    this.change(path, 'open', (disk, inner) =>
      disk.writeFile(inner, data, { append, ...(existing ? {} : { mode: 0o644, uid: who.uid, gid: who.gid }) }),
    );
  }

  mkdir(path: string, who: Identity, recursive: boolean): void {
    if (this.virtualNode(path) || this.isMountPoint(path)) {
      if (recursive) return;
      throw fail('EEXIST', 'mkdir', path);
    }
    if (recursive) {
      const parts = path.split('/').filter(Boolean);
      let at = '';
      for (const part of parts) {
        at += `/${part}`;
        const stat = this.statOrUndefined(at, true);
        if (stat?.type === 'directory') continue;
        if (stat) throw fail('ENOTDIR', 'mkdir', at);
        this.mkdir(at, who, false);
      }
      return;
    }
    if (this.statOrUndefined(path, false)) throw fail('EEXIST', 'mkdir', path);
    this.checkParentWritable(path, who, 'mkdir');
    this.change(path, 'mkdir', (disk, inner) => disk.mkdir(inner, { mode: 0o755, uid: who.uid, gid: who.gid }));
  }

  readdir(path: string, who: Identity): string[] {
    const virtualChildren = this.virtualChildren(path);
    const node = this.virtualNode(path);
    if (node?.type === 'directory') return virtualChildren;
    if (node) throw fail('ENOTDIR', 'scandir', path);
    const stat = this.requireStat(path, 'scandir');
    if (stat.type !== 'directory') throw fail('ENOTDIR', 'scandir', path);
    if (!permits(stat, who, 4)) throw fail('EACCES', 'scandir', path);
    const { mount, inner } = this.locate(path);
    const names = this.view(mount, (disk) => disk.list(inner));
    return [...new Set([...names, ...virtualChildren])].sort();
  }

  remove(path: string, who: Identity, options: { recursive?: boolean; force?: boolean }): void {
    if (this.virtualNode(path)) throw fail('EACCES', 'rm', path);
    if (this.isMountPoint(path)) throw new GuestFsError('EBUSY', `resource busy or locked, rm '${path}'`);
    const stat = this.statOrUndefined(path, false);
    if (!stat) {
      if (options.force) return;
      throw fail('ENOENT', 'rm', path);
    }
    this.checkParentWritable(path, who, 'rm');
    this.change(path, 'rm', (disk, inner) => disk.remove(inner, options));
  }

  copy(from: string, to: string, who: Identity, recursive: boolean): void {
    const stat = this.requireStat(from, 'copyfile');
    if (stat.type === 'directory') {
      if (!recursive) throw fail('EISDIR', 'copyfile', from);
      this.mkdir(to, who, true);
      for (const name of this.readdir(from, who)) this.copy(`${from}/${name}`, `${to}/${name}`, who, true);
      return;
    }
    if (stat.type === 'symlink') {
      const { mount, inner } = this.locate(from);
      this.symlink(
        this.view(mount, (disk) => disk.readlink(inner)),
        to,
        who,
      );
      return;
    }
    this.write(to, this.readBytes(from, who), who, false);
  }

  move(from: string, to: string, who: Identity): void {
    const source = this.locate(from);
    const target = this.locate(to);
    if (!this.statOrUndefined(from, false)) throw fail('ENOENT', 'rename', from);
    this.checkParentWritable(from, who, 'rename');
    this.checkParentWritable(to, who, 'rename');
    if (source.mount.diskId !== target.mount.diskId) {
      // Across disks, mv copies then removes, as coreutils does on EXDEV.
      this.copy(from, to, who, true);
      this.remove(from, who, { recursive: true });
      return;
    }
    this.change(from, 'rename', (disk) => disk.rename(source.inner, target.inner));
  }

  chmod(path: string, mode: number, who: Identity): void {
    const stat = this.requireStat(path, 'chmod');
    if (who.uid !== 0 && who.uid !== stat.uid) throw fail('EPERM', 'chmod', path);
    this.change(path, 'chmod', (disk, inner) => disk.chmod(inner, mode & 0o7777));
  }

  symlink(target: string, path: string, who: Identity): void {
    if (this.statOrUndefined(path, false)) throw fail('EEXIST', 'symlink', path);
    this.checkParentWritable(path, who, 'symlink');
    this.change(path, 'symlink', (disk, inner) => disk.symlink(target, inner, { uid: who.uid, gid: who.gid }));
  }

  /** A symbolic link's target as stored. */
  readlinkOf(path: string): string {
    const { mount, inner } = this.locate(path);
    return this.view(mount, (disk) => disk.readlink(inner));
  }

  realpath(path: string): string {
    let at = '/';
    for (const part of path.split('/').filter(Boolean)) {
      const next = normalizePath(`${at}/${part}`);
      const stat = this.statOrUndefined(next, false);
      if (!stat) throw fail('ENOENT', 'realpath', path);
      if (stat.type === 'symlink' && !this.virtualNode(next)) {
        const { mount, inner } = this.locate(next);
        const target = this.view(mount, (disk) => disk.readlink(inner));
        at = this.realpath(target.startsWith('/') ? target : `${at}/${target}`);
      } else at = next;
    }
    return at;
  }

  private fsStat(path: string, follow: boolean) {
    const stat = this.statOrUndefined(path, follow);
    if (!stat) throw fail('ENOENT', follow ? 'stat' : 'lstat', path);
    return {
      isFile: stat.type === 'file',
      isDirectory: stat.type === 'directory',
      isSymbolicLink: stat.type === 'symlink',
      mode: stat.mode | (stat.type === 'directory' ? 0o040000 : stat.type === 'symlink' ? 0o120000 : 0o100000),
      size: stat.size,
      mtime: new Date(stat.mtime),
      uid: stat.uid,
      gid: stat.gid,
    };
  }

  private requireStat(path: string, syscall: string): EntryStat {
    const stat = this.statOrUndefined(path, true);
    if (!stat) throw fail('ENOENT', syscall, path);
    return stat;
  }

  /** Every directory on the way must be searchable (x) by the user. */
  private checkSearch(path: string, who: Identity, syscall: string): void {
    if (who.uid === 0) return;
    let at = parentOf(path);
    while (true) {
      const stat = this.statOrUndefined(at, true);
      if (stat && !permits(stat, who, 1)) throw fail('EACCES', syscall, path);
      if (at === '/') return;
      at = parentOf(at);
    }
  }

  private checkParentWritable(path: string, who: Identity, syscall: string): void {
    const parent = parentOf(path);
    const stat = this.statOrUndefined(parent, true);
    if (!stat) throw fail('ENOENT', syscall, path);
    if (stat.type !== 'directory') throw fail('ENOTDIR', syscall, path);
    this.checkSearch(path, who, syscall);
    if (!permits(stat, who, 2)) throw fail('EACCES', syscall, path);
  }

  private locate(path: string): Located {
    let best: Mount | undefined;
    for (const mount of this.options.mounts()) {
      const point = mount.mountPoint;
      const under = point === '/' || path === point || path.startsWith(`${point}/`);
      if (under && (!best || point.length > best.mountPoint.length)) best = mount;
    }
    if (!best) throw fail('ENOENT', 'open', path);
    const inner = best.mountPoint === '/' ? path : normalizePath(path.slice(best.mountPoint.length));
    return { mount: best, inner };
  }

  private isMountPoint(path: string): boolean {
    return path !== '/' && this.options.mounts().some((m) => m.mountPoint === path);
  }

  private view<R>(mount: Mount, look: (disk: DiskView) => R): R {
    try {
      return this.options.disks.inspect(mount.diskId, look);
    } catch (error) {
      throw asGuestError(error, mount);
    }
  }

  private change(path: string, syscall: string, act: (disk: DiskView, inner: string) => void): void {
    const { mount, inner } = this.locate(path);
    if (mount.readOnly) throw fail('EROFS', syscall, path);
    try {
      this.options.disks.change(mount.diskId, (disk) => act(disk, inner));
    } catch (error) {
      throw asGuestError(error, mount);
    }
  }

  private virtualNode(path: string): VirtualNode | undefined {
    return this.options.virtual?.().get(path);
  }

  private virtualChildren(path: string): string[] {
    const nodes = this.options.virtual?.();
    if (!nodes) return [];
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Set<string>();
    for (const key of nodes.keys()) {
      if (key.startsWith(prefix) && key !== path) names.add(key.slice(prefix.length).split('/')[0]!);
    }
    return [...names];
  }

  private virtualStat(node: VirtualNode): EntryStat {
    if (node.type === 'directory') return { type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 };
    return { type: 'file', mode: node.mode ?? 0o444, uid: 0, gid: 0, mtime: 0, size: 0 };
  }
}

/** An engine filesystem error as the shell prints it, with the path as the machine names it. */
function asGuestError(error: unknown, mount: Mount): GuestFsError {
  if (error instanceof GuestFsError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return new GuestFsError('EIO', `i/o error, ${message}`);
  let text = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
  if (mount.mountPoint !== '/')
    text = text.replace(/'(\/[^']*)'/g, (_, inner: string) => `'${normalizePath(`${mount.mountPoint}/${inner}`)}'`);
  return new GuestFsError(code, text);
}
