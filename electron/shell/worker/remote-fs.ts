/**
 * just-bash's filesystem interface, answered by the main process: every call is forwarded as it is
 * (method and arguments) and its answer or errno error comes back. The worker keeps no files, so
 * what a command writes is on the lab's disk (and saved) as soon as the call returns.
 */
import { unsafeBytesFromLatin1, type ByteString, type FsStat, type IFileSystem } from 'just-bash';
import { normalizePath } from '../paths';
import type { FsOperation, WireError } from './protocol';

export type ForwardFs = (operation: FsOperation, args: unknown[]) => Promise<unknown>;

/** An error as Node's fs raises it (`ENOENT: no such file or directory, open '/x'`), which just-bash's commands read. */
export function fsError(error: WireError): Error {
  return Object.assign(new Error(error.message), { code: error.code });
}

/**
 * Where a machine's programs live; just-bash finds a command by a file of its name on PATH, and runs
 * its own commands only from /usr/bin and /bin — one found first in /usr/sbin (root's PATH starts
 * there) would be taken for a script and fail, so programs appear in those two only.
 */
const PROGRAM_DIRECTORIES = ['/usr/bin', '/bin'];

export class RemoteFs implements IFileSystem {
  /**
   * @param programs the commands the shell has (just-bash's and the lab's): each is an executable
   * file in /usr/bin (and /bin) whatever the disk holds, as a package would install it.
   */
  constructor(
    private readonly forward: ForwardFs,
    private readonly programs: ReadonlySet<string> = new Set(),
  ) {}

  private isProgram(path: string): boolean {
    const at = path.lastIndexOf('/');
    return PROGRAM_DIRECTORIES.includes(path.slice(0, at)) && this.programs.has(path.slice(at + 1));
  }

  private programStat(): FsStat {
    return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(0) };
  }

  readFile(path: string, options?: unknown): Promise<string> {
    return this.forward('readFile', [path, options]) as Promise<string>;
  }
  readFileBuffer(path: string): Promise<Uint8Array> {
    return this.forward('readFileBuffer', [path]) as Promise<Uint8Array>;
  }
  async readFileBytes(path: string): Promise<ByteString> {
    const bytes = await this.readFileBuffer(path);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return unsafeBytesFromLatin1(text);
  }
  async writeFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    await this.forward('writeFile', [path, content, options]);
  }
  async appendFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    await this.forward('appendFile', [path, content, options]);
  }
  async exists(path: string): Promise<boolean> {
    if (this.isProgram(normalizePath(path))) return true;
    return (await this.forward('exists', [path])) as boolean;
  }
  async stat(path: string): Promise<FsStat> {
    if (this.isProgram(normalizePath(path))) return this.programStat();
    return (await this.forward('stat', [path])) as FsStat;
  }
  async lstat(path: string): Promise<FsStat> {
    if (this.isProgram(normalizePath(path))) return this.programStat();
    return (await this.forward('lstat', [path])) as FsStat;
  }
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    await this.forward('mkdir', [path, options]);
  }
  async readdir(path: string): Promise<string[]> {
    const names = (await this.forward('readdir', [path])) as string[];
    if (!PROGRAM_DIRECTORIES.includes(normalizePath(path))) return names;
    return [...new Set([...names, ...this.programs])].sort();
  }
  async readdirWithFileTypes(path: string): ReturnType<NonNullable<IFileSystem['readdirWithFileTypes']>> {
    type Entries = Awaited<ReturnType<NonNullable<IFileSystem['readdirWithFileTypes']>>>;
    const entries = (await this.forward('readdirWithFileTypes', [path])) as Entries;
    if (!PROGRAM_DIRECTORIES.includes(normalizePath(path))) return entries;
    const known = new Set(entries.map((entry) => entry.name));
    const programs = [...this.programs]
      .filter((name) => !known.has(name))
      .map((name) => ({ name, isFile: true, isDirectory: false, isSymbolicLink: false }));
    return [...entries, ...programs].sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    await this.forward('rm', [path, options]);
  }
  async cp(source: string, destination: string, options?: { recursive?: boolean }): Promise<void> {
    await this.forward('cp', [source, destination, options]);
  }
  async mv(source: string, destination: string): Promise<void> {
    await this.forward('mv', [source, destination]);
  }
  resolvePath(base: string, path: string): string {
    return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
  }
  /** Only one rarely used command lists every path; a disk is not enumerated across threads for it. */
  getAllPaths(): string[] {
    return [];
  }
  async chmod(path: string, mode: number): Promise<void> {
    await this.forward('chmod', [path, mode]);
  }
  async symlink(target: string, linkPath: string): Promise<void> {
    await this.forward('symlink', [target, linkPath]);
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    await this.forward('link', [existingPath, newPath]);
  }
  readlink(path: string): Promise<string> {
    return this.forward('readlink', [path]) as Promise<string>;
  }
  realpath(path: string): Promise<string> {
    return this.forward('realpath', [path]) as Promise<string>;
  }
  async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    await this.forward('utimes', [path, atime, mtime]);
  }
}
