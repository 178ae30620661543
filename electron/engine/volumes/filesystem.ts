/**
 * A disk's image (disk-image.ts) as a filesystem: the calls a shell makes (stat, readFile, mkdir,
 * writeFile, rename, chmod …) with the errno a shell prints when one fails, and `statfs` for `df`.
 * File data goes through a blob store: the lab's (disk-blobs.ts) or the image's own.
 */
import { fromBase64 } from './base64';
import { objectBlobs, type BlobStore } from './blob-store';
import {
  MAX_DISK_BYTES,
  normalizePath,
  type DiskImage,
  type EntryBase,
  type EntryOwner,
  type EntryStat,
  type FileEntry,
  type FilesystemEntry,
  type FilesystemType,
  type FilesystemUsage,
} from './disk-image';

// The image's shapes, so that a caller of the filesystem finds them here too.
export { FILESYSTEM_TYPES, MAX_DISK_BYTES, normalizePath, rawImage } from './disk-image';
export type {
  DirectoryEntry,
  DiskImage,
  EntryOwner,
  EntryStat,
  FileEntry,
  FilesystemEntry,
  FilesystemType,
  FilesystemUsage,
  SymlinkEntry,
} from './disk-image';

/** Why a filesystem call failed, as the errno a shell prints (`ENOENT` …). */
export type FilesystemErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'ENOSPC'
  | 'EINVAL'
  | 'ELOOP'
  /** A snapshot's files are read-only, and so is a disk being inspected. */
  | 'EROFS'
  /** A file's data is missing from the lab (a hand-edited lab file). */
  | 'EIO'
  /** The disk is raw: there is no filesystem to read or write until it is formatted. */
  | 'ENOFS';

export class FilesystemError extends Error {
  readonly code: FilesystemErrorCode;

  constructor(code: FilesystemErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'FilesystemError';
    this.code = code;
  }
}

export interface FilesystemOptions {
  /** Where file data is kept; by default in the image itself (`DiskImage.blobs`). */
  blobs?: BlobStore;
  /** Set when the filesystem may only be read: every change throws EROFS with this reason. */
  readOnly?: string;
  /** The disk's size in bytes, for `statfs`; MAX_DISK_BYTES unless told. */
  sizeBytes?: number;
}

function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const entrySize = (entry: FilesystemEntry) =>
  entry.type === 'file' ? entry.size : entry.type === 'symlink' ? entry.target.length : 0;

/**
 * Reads and changes a disk image in place; `now` stamps what it changes. Entries are replaced, never
 * changed in place, so a shallow copy of `image.entries` taken before a change keeps what was.
 */
export class Filesystem {
  private readonly blobs: BlobStore;

  constructor(
    readonly image: DiskImage,
    private readonly now: number,
    private readonly options: FilesystemOptions = {},
  ) {
    this.blobs = options.blobs ?? objectBlobs(image);
  }

  get formatted(): boolean {
    return this.image.format !== undefined;
  }

  /** Whether changes are refused (a snapshot, a disk being inspected). */
  get readOnly(): boolean {
    return this.options.readOnly !== undefined;
  }

  /** mkfs: an empty filesystem of the type; whatever the disk held is gone. */
  format(type: FilesystemType): void {
    this.writable('mkfs');
    this.image.format = type;
    this.image.entries = { '/': this.entry({ type: 'directory' }, { mode: 0o755 }) };
    this.image.usedBytes = 0;
    delete this.image.blobs;
    if (type === 'ext4' || type === 'ext3')
      this.image.entries['/lost+found'] = this.entry({ type: 'directory' }, { mode: 0o700 });
  }

  /** Makes the disk raw again (an instance-store disk after a stop). */
  wipe(): void {
    this.writable('wipe');
    this.image.format = undefined;
    this.image.entries = {};
    this.image.usedBytes = 0;
    delete this.image.blobs;
  }

  /** What `df` shows: the type, the disk's size, the bytes used and left. */
  statfs(): FilesystemUsage {
    this.requireFilesystem();
    const sizeBytes = this.options.sizeBytes ?? MAX_DISK_BYTES;
    return {
      type: this.image.format!,
      sizeBytes,
      usedBytes: this.image.usedBytes,
      availableBytes: Math.max(0, sizeBytes - this.image.usedBytes),
      writableBytes: Math.max(0, Math.min(sizeBytes, MAX_DISK_BYTES) - this.image.usedBytes),
      entries: Object.keys(this.image.entries).length,
    };
  }

  exists(path: string): boolean {
    return this.lookup(path, false) !== undefined;
  }

  stat(path: string): EntryStat {
    return this.statOf(this.require(path, true));
  }

  lstat(path: string): EntryStat {
    return this.statOf(this.require(path, false));
  }

  readFile(path: string): Uint8Array {
    const entry = this.require(path, true);
    if (entry.type === 'directory')
      throw new FilesystemError('EISDIR', `illegal operation on a directory, read '${path}'`);
    const data = this.blobs.read((entry as FileEntry).blob);
    if (data === undefined)
      throw new FilesystemError('EIO', `input/output error, read '${path}' (its data is missing)`);
    return fromBase64(data);
  }

  readText(path: string): string {
    return decoder.decode(this.readFile(path));
  }

  readlink(path: string): string {
    const entry = this.require(path, false);
    if (entry.type !== 'symlink') throw new FilesystemError('EINVAL', `invalid argument, readlink '${path}'`);
    return entry.target;
  }

  /** The names in a directory, sorted. */
  list(path: string): string[] {
    const dir = this.resolve(path, true);
    const entry = this.image.entries[dir];
    if (!entry) throw new FilesystemError('ENOENT', `no such file or directory, scandir '${path}'`);
    if (entry.type !== 'directory') throw new FilesystemError('ENOTDIR', `not a directory, scandir '${path}'`);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return Object.keys(this.image.entries)
      .filter((p) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map((p) => p.slice(prefix.length))
      .sort();
  }

  /**
   * Every entry under a directory (itself included), by path: what a mount copies. A file's entry
   * names its data (`blob`); `readFile` reads it.
   */
  entriesUnder(path = '/'): [string, FilesystemEntry][] {
    this.requireFilesystem();
    const dir = normalizePath(path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return Object.entries(this.image.entries).filter(([p]) => p === dir || p.startsWith(prefix));
  }

  mkdir(path: string, options: EntryOwner & { recursive?: boolean } = {}): void {
    this.writable(`mkdir '${path}'`);
    const target = this.resolveParent(path);
    const existing = this.image.entries[target];
    if (existing) {
      if (existing.type === 'directory' && options.recursive) return;
      throw new FilesystemError('EEXIST', `file already exists, mkdir '${path}'`);
    }
    const parent = parentOf(target);
    if (!this.image.entries[parent]) {
      if (!options.recursive) throw new FilesystemError('ENOENT', `no such file or directory, mkdir '${path}'`);
      this.mkdir(parent, { ...options, mode: undefined });
    }
    this.checkDirectory(parent, path);
    this.image.entries[target] = this.entry({ type: 'directory' }, { mode: 0o755, ...definedOnly(options) });
  }

  /** Creates or replaces a file (keeping an existing file's owner and mode unless told). */
  writeFile(path: string, content: string | Uint8Array, options: EntryOwner & { append?: boolean } = {}): void {
    this.writable(`open '${path}'`);
    const target = this.resolveParent(path);
    const existing = this.image.entries[target];
    if (existing?.type === 'directory')
      throw new FilesystemError('EISDIR', `illegal operation on a directory, open '${path}'`);
    this.checkDirectory(parentOf(target), path);
    let bytes = typeof content === 'string' ? encoder.encode(content) : content;
    if (options.append && existing?.type === 'file') {
      const before = this.readFile(target);
      const joined = new Uint8Array(before.length + bytes.length);
      joined.set(before);
      joined.set(bytes, before.length);
      bytes = joined;
    }
    // Checked before the data is kept, so a refused write leaves no data behind.
    this.checkSpace(target, bytes.length, path);
    const file = existing?.type === 'file' ? existing : undefined;
    const owner = { mode: file?.mode ?? 0o644, uid: file?.uid, gid: file?.gid, ...definedOnly(options) };
    const blob = this.blobs.write(bytes);
    this.put(target, this.entry({ type: 'file', blob, size: bytes.length }, owner), path);
  }

  symlink(target: string, path: string, owner: EntryOwner = {}): void {
    this.writable(`symlink '${path}'`);
    const link = this.resolveParent(path);
    if (this.image.entries[link]) throw new FilesystemError('EEXIST', `file already exists, symlink '${path}'`);
    this.checkDirectory(parentOf(link), path);
    this.put(link, this.entry({ type: 'symlink', target }, { mode: 0o777, ...owner }), path);
  }

  remove(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    this.writable(`rm '${path}'`);
    const target = this.resolveParent(path);
    const entry = this.image.entries[target];
    if (!entry) {
      if (options.force) return;
      throw new FilesystemError('ENOENT', `no such file or directory, rm '${path}'`);
    }
    if (target === '/') throw new FilesystemError('EINVAL', "invalid argument, rm '/'");
    const under = entry.type === 'directory' ? this.entriesUnder(target).map(([p]) => p) : [target];
    if (under.length > 1 && !options.recursive)
      throw new FilesystemError('ENOTEMPTY', `directory not empty, rm '${path}'`);
    for (const p of under) {
      this.image.usedBytes -= entrySize(this.image.entries[p]!);
      delete this.image.entries[p];
    }
  }

  rename(from: string, to: string): void {
    this.writable(`rename '${from}' -> '${to}'`);
    const source = this.resolveParent(from);
    const target = this.resolveParent(to);
    if (!this.image.entries[source]) throw new FilesystemError('ENOENT', `no such file or directory, rename '${from}'`);
    if (target === source) return;
    if (target.startsWith(`${source}/`))
      throw new FilesystemError('EINVAL', `invalid argument, rename '${from}' -> '${to}'`);
    if (this.image.entries[target]) this.remove(target, { recursive: true });
    this.checkDirectory(parentOf(target), to);
    for (const [p, entry] of this.entriesUnder(source)) {
      delete this.image.entries[p];
      this.image.entries[target + p.slice(source.length)] = entry;
    }
  }

  chmod(path: string, mode: number): void {
    this.writable(`chmod '${path}'`);
    const resolved = this.resolve(path, true);
    const entry = this.require(path, true);
    this.image.entries[resolved] = { ...entry, mode: mode & 0o7777 };
  }

  chown(path: string, uid: number, gid: number): void {
    this.writable(`chown '${path}'`);
    const resolved = this.resolve(path, true);
    const entry = this.require(path, true);
    this.image.entries[resolved] = { ...entry, uid, gid };
  }

  private writable(action: string): void {
    if (this.options.readOnly !== undefined)
      throw new FilesystemError('EROFS', `read-only file system, ${action} (${this.options.readOnly})`);
  }

  private checkSpace(path: string, size: number, shown: string): void {
    const previous = this.image.entries[path];
    const used = this.image.usedBytes - (previous ? entrySize(previous) : 0) + size;
    if (used > MAX_DISK_BYTES) {
      throw new FilesystemError(
        'ENOSPC',
        `no space left on device, write '${shown}' (EC2 Lab keeps at most ${MAX_DISK_BYTES / 1024 / 1024} MiB of files on a disk)`,
      );
    }
  }

  private put(path: string, entry: FilesystemEntry, shown: string): void {
    this.checkSpace(path, entrySize(entry), shown);
    const previous = this.image.entries[path];
    this.image.usedBytes += entrySize(entry) - (previous ? entrySize(previous) : 0);
    this.image.entries[path] = entry;
  }

  private entry<T extends Omit<FilesystemEntry, keyof EntryBase>>(fields: T, owner: EntryOwner): T & EntryBase {
    return { ...fields, mode: owner.mode ?? 0o644, uid: owner.uid ?? 0, gid: owner.gid ?? 0, mtime: this.now };
  }

  private statOf(entry: FilesystemEntry): EntryStat {
    return {
      type: entry.type,
      mode: entry.mode,
      uid: entry.uid,
      gid: entry.gid,
      mtime: entry.mtime,
      size: entrySize(entry),
    };
  }

  private requireFilesystem(): void {
    if (!this.formatted) {
      throw new FilesystemError('ENOFS', 'the disk has no filesystem: it is raw until formatted (mkfs -t xfs)');
    }
  }

  private require(path: string, follow: boolean): FilesystemEntry {
    const entry = this.lookup(path, follow);
    if (!entry) throw new FilesystemError('ENOENT', `no such file or directory, '${path}'`);
    return entry;
  }

  private lookup(path: string, follow: boolean): FilesystemEntry | undefined {
    return this.image.entries[this.resolve(path, follow)];
  }

  /** The path with every symbolic link on the way resolved (the last one only when `follow`). */
  private resolve(path: string, follow: boolean): string {
    this.requireFilesystem();
    let resolved = '/';
    const parts = normalizePath(path).split('/').filter(Boolean);
    let hops = 0;
    while (parts.length) {
      const part = parts.shift()!;
      const next = resolved === '/' ? `/${part}` : `${resolved}/${part}`;
      const entry = this.image.entries[next];
      if (entry?.type === 'symlink' && (parts.length > 0 || follow)) {
        if (++hops > 40) throw new FilesystemError('ELOOP', `too many levels of symbolic links, '${path}'`);
        const base = entry.target.startsWith('/') ? '/' : resolved;
        parts.unshift(...normalizePath(`${base}/${entry.target}`).split('/').filter(Boolean));
        resolved = '/';
        continue;
      }
      resolved = next;
    }
    return resolved;
  }

  /** The path with its directories resolved and its last part as written (what create/remove act on). */
  private resolveParent(path: string): string {
    const normal = normalizePath(path);
    if (normal === '/') return this.resolve('/', false);
    const parent = this.resolve(parentOf(normal), true);
    const name = normal.slice(normal.lastIndexOf('/') + 1);
    return parent === '/' ? `/${name}` : `${parent}/${name}`;
  }

  private checkDirectory(dir: string, shown: string): void {
    const entry = this.image.entries[dir];
    if (!entry) throw new FilesystemError('ENOENT', `no such file or directory, '${shown}'`);
    if (entry.type !== 'directory') throw new FilesystemError('ENOTDIR', `not a directory, '${shown}'`);
  }
}

function definedOnly(owner: EntryOwner): EntryOwner {
  return Object.fromEntries(
    Object.entries(owner).filter(([key, v]) => v !== undefined && key !== 'append' && key !== 'recursive'),
  );
}
