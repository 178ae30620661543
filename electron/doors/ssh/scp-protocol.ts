/**
 * The original scp protocol (OpenSSH scp.c "sink" and "source" modes, `scp -t` / `scp -f` run on
 * the server), which OpenSSH before 9.0, Windows' OpenSSH, `scp -O` and PuTTY's pscp fallback use:
 * an upload is `C<mode> <size> <name>` then the bytes (`D…`/`E` around a directory with -r, `T…`
 * times with -p), each step answered with a zero byte, or `\x01scp: <why>` for a refusal. Served
 * over the instance's files as the logged-in user, small files only.
 */
import type { ServerChannel } from 'ssh2';
import type { SshFiles } from '../../shell/shell-port';
import { MAX_SFTP_FILE_BYTES } from './sftp-files';

export interface ScpRequest {
  mode: 'sink' | 'source';
  recursive: boolean;
  target: string;
}

/** `scp [-v] [-r] [-p] [-d] -t|-f path`, as the client asks the server to run it; undefined for anything else. */
export function parseScpCommand(command: string): ScpRequest | undefined {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'scp') return undefined;
  let mode: ScpRequest['mode'] | undefined;
  let recursive = false;
  let at = 1;
  for (; at < words.length && words[at]!.startsWith('-'); at++) {
    const word = words[at]!;
    if (word === '--') {
      at++;
      break;
    }
    for (const flag of word.slice(1)) {
      if (flag === 't') mode = 'sink';
      else if (flag === 'f') mode = 'source';
      else if (flag === 'r') recursive = true;
      else if (!'vpdq'.includes(flag)) return undefined;
    }
  }
  const target = words
    .slice(at)
    .join(' ')
    .replace(/^'(.*)'$/, '$1');
  return mode && target ? { mode, recursive, target } : undefined;
}

const OK = Buffer.of(0);
const why = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied';
  return error instanceof Error ? error.message : String(error);
};

/** Runs one scp transfer on the channel, then exits with scp's status. */
export function serveScp(stream: ServerChannel, files: SshFiles, request: ScpRequest): void {
  const absolute = (path: string) => (path.startsWith('/') ? path : `${files.home}/${path}`);
  let status = 0;
  const finish = () => {
    if (!stream.writable) return;
    stream.exit(status);
    stream.end();
  };
  const refuse = (message: string) => {
    status = 1;
    stream.write(`\x01scp: ${message}\n`);
  };

  if (request.mode === 'source') {
    const path = absolute(request.target);
    const name = path.split('/').pop()!;
    let data: Uint8Array;
    try {
      if (files.stat(path, true)?.type === 'directory') throw new Error(`${request.target}: not a regular file`);
      data = files.read(path);
    } catch (error) {
      refuse(`${request.target}: ${why(error)}`);
      return finish();
    }
    const mode = (files.stat(path, true)!.mode & 0o7777).toString(8).padStart(4, '0');
    let step = 0;
    stream.on('data', () => {
      step++;
      if (step === 1) stream.write(`C${mode} ${data.length} ${name}\n`);
      else if (step === 2) stream.write(Buffer.concat([Buffer.from(data), OK]));
      else finish();
    });
    stream.on('end', finish);
    return;
  }

  // Sink: the client sends, the server answers each step.
  const directories = [absolute(request.target)];
  const targetIsDirectory = () => files.stat(directories[0]!, true)?.type === 'directory';
  let buffer = Buffer.alloc(0);
  let receiving: { path: string; size: number; mode: number } | undefined;
  const pathFor = (name: string) => {
    if (directories.length === 1 && !targetIsDirectory()) return directories[0]!;
    return `${directories[directories.length - 1]!.replace(/\/$/, '')}/${name}`;
  };
  const step = (): boolean => {
    if (receiving) {
      if (buffer.length < receiving.size + 1) return false;
      const data = buffer.subarray(0, receiving.size);
      buffer = buffer.subarray(receiving.size + 1);
      try {
        files.write(receiving.path, data);
        files.chmod(receiving.path, receiving.mode);
        stream.write(OK);
      } catch (error) {
        refuse(`${receiving.path}: ${why(error)}`);
      }
      receiving = undefined;
      return true;
    }
    const newline = buffer.indexOf(10);
    if (newline < 0) return false;
    const line = buffer.subarray(0, newline).toString('utf8');
    buffer = buffer.subarray(newline + 1);
    const file = /^([CD])([0-7]{4}) (\d+) (.+)$/.exec(line);
    if (line.startsWith('T')) stream.write(OK);
    else if (line === 'E') {
      directories.pop();
      stream.write(OK);
    } else if (file?.[1] === 'C') {
      const size = Number(file[3]);
      if (size > MAX_SFTP_FILE_BYTES) {
        refuse(`${file[4]}: file too large for the lab`);
        finish();
        return false;
      }
      receiving = { path: pathFor(file[4]!), size, mode: parseInt(file[2]!, 8) };
      stream.write(OK);
    } else if (file?.[1] === 'D' && request.recursive) {
      const path = pathFor(file[4]!);
      try {
        if (!files.stat(path, true)) files.mkdir(path);
        directories.push(path);
        stream.write(OK);
      } catch (error) {
        refuse(`${path}: ${why(error)}`);
      }
    } else {
      refuse(`protocol error: unexpected <${line.slice(0, 40)}>`);
      finish();
      return false;
    }
    return true;
  };
  stream.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    while (step());
  });
  stream.on('end', finish);
  stream.write(OK);
}
