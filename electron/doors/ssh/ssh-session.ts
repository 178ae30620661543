/**
 * One SSH session channel (RFC 4254 §6) on an instance, after authentication: a PTY request and
 * its window changes, then a login shell (the same session code as the in-app terminal), an exec
 * request (`ssh host 'cat /etc/os-release'`, with its exit status; Ctrl-C or a SIGINT request
 * stops it), the SFTP subsystem (`sftp`, and `scp`, which speaks SFTP since OpenSSH 9.0), or the
 * original scp protocol (`scp -O`, older clients).
 */
import type { Connection, ServerChannel, Session } from 'ssh2';
import type { ShellPort, SshScreen } from '../../shell/shell-port';
import { parseScpCommand, serveScp } from './scp-protocol';
import { serveSftp } from './sftp-files';

export interface SessionTarget {
  port: ShellPort;
  instanceId: string;
  user: string;
}

/** The status cloud-init's root command exits with (`…;echo;sleep 10;exit 142`). */
const ROOT_REDIRECT_STATUS = 142;
/** bash's status for a command stopped by SIGINT. */
const INTERRUPTED = 130;

const terminalText = (text: string) => text.replace(/\r?\n/g, '\r\n');

export function serveSession(client: Connection, session: Session, target: SessionTarget): void {
  let pty: { cols: number; rows: number } | undefined;
  let onResize: ((cols: number, rows: number) => void) | undefined;
  let onInterrupt: (() => void) | undefined;

  session.on('pty', (accept, _reject, info) => {
    pty = { cols: info.cols || 80, rows: info.rows || 24 };
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    if (pty) {
      pty = { cols: info.cols || pty.cols, rows: info.rows || pty.rows };
      onResize?.(pty.cols, pty.rows);
    }
    accept?.();
  });
  session.on('env', (accept) => accept?.());
  session.on('signal', (accept, _reject, info) => {
    if (info.name === 'INT') onInterrupt?.();
    accept?.();
  });

  const screenOf = (stream: ServerChannel): SshScreen => ({
    cols: pty?.cols ?? 80,
    rows: pty?.rows ?? 24,
    write: (data) => {
      if (stream.writable) stream.write(data);
    },
  });
  const finish = (stream: ServerChannel, status: number) => {
    if (!stream.writable) return;
    stream.exit(status);
    stream.end();
  };

  /** Root on a Linux AMI: cloud-init's forced command in root's authorized_keys answers instead. */
  const redirected = (stream: ServerChannel): boolean => {
    const user = target.port.loginRedirect(target.instanceId, target.user);
    if (!user) return false;
    stream.write(`Please login as the user "${user}" rather than the user "root".${pty ? '\r\n\r\n' : '\n\n'}`);
    finish(stream, ROOT_REDIRECT_STATUS);
    return true;
  };

  session.on('shell', (accept) => {
    const stream = accept();
    if (redirected(stream)) return;
    const login = target.port.openLogin(target.instanceId, target.user, screenOf(stream));
    if (!login) {
      stream.stderr.write('Connection closed: the instance is not running.\r\n');
      return finish(stream, 255);
    }
    onResize = (cols, rows) => login.resize(cols, rows);
    // Without a PTY (`ssh -T`), lines end with LF; the session's line editor takes CR as Enter.
    stream.on('data', (data: Buffer) => {
      const text = data.toString('utf8');
      login.input(pty ? text : text.replace(/\r?\n/g, '\r'));
    });
    stream.on('close', () => login.end());
    void login.ended.then(({ status, closedByRemote }) => {
      // The instance stopped: sshd goes with it, and the client says "closed by remote host".
      if (closedByRemote) client.end();
      else finish(stream, status);
    });
  });

  session.on('exec', (accept, _reject, info) => {
    const stream = accept();
    if (redirected(stream)) return;
    // `scp -t`/`scp -f`: the original scp protocol, answered here over the instance's files.
    const scp = parseScpCommand(info.command);
    const files = scp && target.port.files(target.instanceId, target.user);
    if (scp && files) return serveScp(stream, files, scp);
    const running = target.port.exec(target.instanceId, target.user, info.command, pty ? screenOf(stream) : undefined);
    if (!running) {
      stream.stderr.write('Connection closed: the instance is not running.\n');
      return finish(stream, 255);
    }
    let interrupted = false;
    onInterrupt = () => {
      interrupted = true;
      running.abort();
    };
    // With a PTY (`ssh -t`), Ctrl-C arrives as a byte on the stream.
    stream.on('data', (data: Buffer) => {
      if (pty && data.includes(3)) onInterrupt?.();
    });
    stream.on('close', () => running.abort());
    void running.done.then((done) => {
      if (interrupted) {
        if (pty) screenOf(stream).write('^C\r\n');
        return finish(stream, INTERRUPTED);
      }
      // A PTY merges stderr into the terminal and turns LF into CR LF, as a real tty does.
      if (pty) screenOf(stream).write(terminalText(done.stdout + done.stderr));
      else {
        if (done.stdout && stream.writable) stream.write(done.stdout);
        if (done.stderr && stream.writable) stream.stderr.write(done.stderr);
      }
      finish(stream, done.exitCode);
    });
  });

  session.on('sftp', (accept, reject) => {
    if (target.port.loginRedirect(target.instanceId, target.user)) return reject?.();
    const files = target.port.files(target.instanceId, target.user);
    if (!files) return reject?.();
    serveSftp(accept(), files);
  });

  session.on('subsystem', (_accept, reject) => reject?.());
}
