/**
 * The SFTP subsystem (draft-ietf-secsh-filexfer-02, the version OpenSSH speaks; `sftp` and, since
 * OpenSSH 9.0, `scp` use it) over an instance's files as the logged-in user: open/read/write/close,
 * stat, directory listings, mkdir, remove, rename, chmod. A file being written is kept in memory
 * and saved whole when it is closed (small files only: at most MAX_SFTP_FILE_BYTES), so the volume
 * sees one change per upload and its size limit applies as it does in the shell.
 */
// ssh2 is CommonJS: Node's ESM loader (browser mode) gives its exports as the default only.
import ssh2, { type Attributes, type SFTPWrapper } from 'ssh2';
import type { SshFiles } from '../../shell/shell-port';

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;
export const MAX_SFTP_FILE_BYTES = 16 * 1024 * 1024;

const TYPE_BITS = { file: 0o100000, directory: 0o040000, symlink: 0o120000 } as const;

interface OpenFile {
  kind: 'file';
  path: string;
  data: Buffer;
  writable: boolean;
  dirty: boolean;
}

interface OpenDirectory {
  kind: 'directory';
  path: string;
  listed: boolean;
}

type FileStat = NonNullable<ReturnType<SshFiles['stat']>>;

function attributesOf(stat: FileStat): Attributes {
  const seconds = Math.floor(stat.mtime / 1000);
  const typeBits = TYPE_BITS[stat.type as keyof typeof TYPE_BITS] ?? 0;
  return {
    mode: typeBits | (stat.mode & 0o7777),
    uid: stat.uid,
    gid: stat.gid,
    size: stat.size,
    atime: seconds,
    mtime: seconds,
  };
}

/** `ls -l`'s line, which `sftp`'s `ls -l` prints as the server gives it. */
function longName(name: string, stat: FileStat): string {
  const bits = stat.mode & 0o777;
  const rwx = [6, 3, 0].map((shift) => {
    const part = (bits >> shift) & 7;
    return `${part & 4 ? 'r' : '-'}${part & 2 ? 'w' : '-'}${part & 1 ? 'x' : '-'}`;
  });
  const type = stat.type === 'directory' ? 'd' : stat.type === 'symlink' ? 'l' : '-';
  const date = new Date(stat.mtime).toUTCString().slice(5, 22);
  return `${type}${rwx.join('')}    1 ${stat.uid} ${stat.gid} ${String(stat.size).padStart(8)} ${date} ${name}`;
}

function statusOf(error: unknown): { code: number; message: string } {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: STATUS_CODE.NO_SUCH_FILE, message: 'No such file' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return { code: STATUS_CODE.PERMISSION_DENIED, message: 'Permission denied' };
  return { code: STATUS_CODE.FAILURE, message };
}

/** Serves one SFTP channel until it closes. */
export function serveSftp(sftp: SFTPWrapper, files: SshFiles): void {
  const handles = new Map<string, OpenFile | OpenDirectory>();
  let nextHandle = 1;
  const absolute = (path: string) => (path.startsWith('/') ? path : `${files.home}/${path}`.replace(/\/\.?$/, ''));
  const newHandle = (open: OpenFile | OpenDirectory) => {
    const handle = Buffer.from(String(nextHandle++));
    handles.set(handle.toString(), open);
    return handle;
  };
  /** Runs a request; a thrown file error becomes the matching status. */
  const answer = (reqId: number, act: () => void) => {
    try {
      act();
    } catch (error) {
      const { code, message } = statusOf(error);
      sftp.status(reqId, code, message);
    }
  };
  const fileOf = (handle: Buffer) => {
    const open = handles.get(handle.toString());
    return open?.kind === 'file' ? open : undefined;
  };
  const statOf = (path: string, follow: boolean) => {
    const stat = files.stat(absolute(path), follow);
    if (!stat) throw Object.assign(new Error('No such file'), { code: 'ENOENT' });
    return stat;
  };
  const setAttributes = (path: string, attrs: Partial<Attributes>) => {
    if (typeof attrs.mode === 'number') files.chmod(absolute(path), attrs.mode & 0o7777);
  };
  const save = (open: OpenFile) => {
    if (open.dirty) files.write(open.path, open.data);
    open.dirty = false;
  };

  sftp.on('OPEN', (reqId, filename, flags, attrs) =>
    answer(reqId, () => {
      const path = absolute(filename);
      const writable = (flags & OPEN_MODE.WRITE) !== 0;
      const existing = files.stat(path, true);
      if (existing && flags & OPEN_MODE.EXCL && flags & OPEN_MODE.CREAT)
        return sftp.status(reqId, STATUS_CODE.FAILURE, 'File exists');
      if (existing?.type === 'directory') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Is a directory');
      if (!existing && !(flags & OPEN_MODE.CREAT)) return sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, 'No such file');
      const truncate = !existing || (flags & OPEN_MODE.TRUNC) !== 0;
      const data = truncate ? Buffer.alloc(0) : Buffer.from(files.read(path));
      // Opening for writing creates or truncates the file now, so a refusal shows at once.
      if (writable && truncate) files.write(path, data);
      if (!existing && typeof attrs?.mode === 'number') setAttributes(path, attrs);
      sftp.handle(reqId, newHandle({ kind: 'file', path, data, writable, dirty: false }));
    }),
  );
  sftp.on('READ', (reqId, handle, offset, length) =>
    answer(reqId, () => {
      const open = fileOf(handle);
      if (!open) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (offset >= open.data.length) return sftp.status(reqId, STATUS_CODE.EOF);
      sftp.data(reqId, open.data.subarray(offset, offset + length));
    }),
  );
  sftp.on('WRITE', (reqId, handle, offset, data) =>
    answer(reqId, () => {
      const open = fileOf(handle);
      if (!open || !open.writable) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      const end = offset + data.length;
      if (end > MAX_SFTP_FILE_BYTES) return sftp.status(reqId, STATUS_CODE.FAILURE, 'File too large for the lab');
      if (end > open.data.length) open.data = Buffer.concat([open.data, Buffer.alloc(end - open.data.length)]);
      data.copy(open.data, offset);
      open.dirty = true;
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('FSTAT', (reqId, handle) =>
    answer(reqId, () => {
      const open = handles.get(handle.toString());
      if (!open) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      const stat = statOf(open.path, true);
      sftp.attrs(reqId, attributesOf(open.kind === 'file' ? { ...stat, size: open.data.length } : stat));
    }),
  );
  sftp.on('FSETSTAT', (reqId, handle, attrs) =>
    answer(reqId, () => {
      const open = handles.get(handle.toString());
      if (!open) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (open.kind === 'file') save(open);
      setAttributes(open.path, attrs);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('CLOSE', (reqId, handle) =>
    answer(reqId, () => {
      const open = handles.get(handle.toString());
      if (!open) return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      handles.delete(handle.toString());
      if (open.kind === 'file') save(open);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('OPENDIR', (reqId, path) =>
    answer(reqId, () => {
      const full = absolute(path);
      if (statOf(full, true).type !== 'directory') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Not a directory');
      files.readdir(full); // permission to list is checked now
      sftp.handle(reqId, newHandle({ kind: 'directory', path: full, listed: false }));
    }),
  );
  sftp.on('READDIR', (reqId, handle) =>
    answer(reqId, () => {
      const open = handles.get(handle.toString());
      if (!open || open.kind !== 'directory') return sftp.status(reqId, STATUS_CODE.FAILURE, 'Bad handle');
      if (open.listed) return sftp.status(reqId, STATUS_CODE.EOF);
      open.listed = true;
      const entries = ['.', '..', ...files.readdir(open.path)].flatMap((name) => {
        const stat = files.stat(`${open.path}/${name}`.replace(/^\/\//, '/'), false);
        return stat ? [{ filename: name, longname: longName(name, stat), attrs: attributesOf(stat) }] : [];
      });
      sftp.name(reqId, entries);
    }),
  );
  sftp.on('STAT', (reqId, path) => answer(reqId, () => sftp.attrs(reqId, attributesOf(statOf(path, true)))));
  sftp.on('LSTAT', (reqId, path) => answer(reqId, () => sftp.attrs(reqId, attributesOf(statOf(path, false)))));
  sftp.on('SETSTAT', (reqId, path, attrs) =>
    answer(reqId, () => {
      statOf(path, true);
      setAttributes(path, attrs);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('REALPATH', (reqId, path) =>
    answer(reqId, () => {
      const full = path === '' || path === '.' ? files.home : absolute(path);
      const real = files.stat(full, true) ? files.realpath(full) : full;
      sftp.name(reqId, [{ filename: real, longname: real, attrs: {} as Attributes }]);
    }),
  );
  sftp.on('MKDIR', (reqId, path, attrs) =>
    answer(reqId, () => {
      files.mkdir(absolute(path));
      setAttributes(path, attrs);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('REMOVE', (reqId, path) =>
    answer(reqId, () => {
      files.remove(absolute(path), false);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('RMDIR', (reqId, path) =>
    answer(reqId, () => {
      if (files.readdir(absolute(path)).length > 0)
        return sftp.status(reqId, STATUS_CODE.FAILURE, 'Directory not empty');
      files.remove(absolute(path), true);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on('RENAME', (reqId, from, to) =>
    answer(reqId, () => {
      if (files.stat(absolute(to), false)) return sftp.status(reqId, STATUS_CODE.FAILURE, 'File exists');
      files.rename(absolute(from), absolute(to));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  for (const unsupported of ['READLINK', 'SYMLINK', 'EXTENDED'])
    sftp.on(unsupported, (reqId: number) => sftp.status(reqId, STATUS_CODE.OP_UNSUPPORTED));
  // The client is done sending (scp's EOF): close the channel as sshd does when sftp-server exits,
  // with exit status 0 (scp fails without one). ssh2's SFTP object has no public call for it.
  sftp.on('end', () => {
    const channel = sftp as unknown as {
      _protocol?: { exitStatus(channel: number, status: number): void };
      outgoing?: { id: number; state: string };
    };
    if (channel.outgoing?.state === 'open') channel._protocol?.exitStatus(channel.outgoing.id, 0);
    sftp.end();
  });
  sftp.on('close', () => {
    for (const open of handles.values()) {
      try {
        if (open.kind === 'file') save(open);
      } catch {
        // The channel is gone; nobody is left to tell.
      }
    }
    handles.clear();
  });
}
