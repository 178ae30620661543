/**
 * just-bash's filesystem interface, answered by the main process: every call is forwarded as it is
 * (method and arguments) and its answer or errno error comes back. The worker keeps no files, so
 * what a command writes is on the lab's disk (and saved) as soon as the call returns.
 */
import { unsafeBytesFromLatin1, type ByteString, type FsStat, type IFileSystem } from 'just-bash';
import type { FsOperation, WireError } from './protocol';

export type ForwardFs = (operation: FsOperation, args: unknown[]) => Promise<unknown>;

/** An error as Node's fs raises it (`ENOENT: no such file or directory, open '/x'`), which just-bash's commands read. */
export function fsError(error: WireError): Error {
  return Object.assign(new Error(error.message), { code: error.code });
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export class RemoteFs implements IFileSystem {
  constructor(private readonly forward: ForwardFs) {}

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
  exists(path: string): Promise<boolean> {
    return this.forward('exists', [path]) as Promise<boolean>;
  }
  stat(path: string): Promise<FsStat> {
    return this.forward('stat', [path]) as Promise<FsStat>;
  }
  lstat(path: string): Promise<FsStat> {
    return this.forward('lstat', [path]) as Promise<FsStat>;
  }
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    await this.forward('mkdir', [path, options]);
  }
  readdir(path: string): Promise<string[]> {
    return this.forward('readdir', [path]) as Promise<string[]>;
  }
  readdirWithFileTypes(path: string) {
    return this.forward('readdirWithFileTypes', [path]) as ReturnType<NonNullable<IFileSystem['readdirWithFileTypes']>>;
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
    return normalize(path.startsWith('/') ? path : `${base}/${path}`);
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
