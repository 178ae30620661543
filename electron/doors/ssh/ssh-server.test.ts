import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TIMINGS } from '../../engine/instances/lifecycle';
import { spawn } from 'node:child_process';
import { TEST_REGION } from '../../engine/test-support/test-lab';
import { SshServer } from './ssh-server';
import { memorySettingsStore } from './ssh-settings';
import { sshLab, type SshLab } from './test-support/ssh-lab';

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let lab: SshLab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

const login = (l: SshLab, user = 'ec2-user') => [`${user}@127.0.0.1`];

describe('the SSH door, driven by the real OpenSSH client', { timeout: 30_000 }, () => {
  it('runs a command with the right key and user, returning its output and exit status', async () => {
    lab = await sshLab();
    const run = await lab.ssh(['-i', lab.keyFile, ...login(lab), 'cat /etc/os-release']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Amazon Linux/);
    const failing = await lab.ssh(['-i', lab.keyFile, ...login(lab), 'echo to-stderr >&2; exit 7']);
    expect(failing.code).toBe(7);
    expect(failing.stderr).toContain('to-stderr');
    const who = await lab.ssh(['-i', lab.keyFile, ...login(lab), 'whoami; hostname']);
    expect(who.stdout).toMatch(/^ec2-user\nip-172-31-\d+-\d+/);
  });

  it('is refused by the client itself when the key file is readable by others (0644)', async () => {
    lab = await sshLab();
    const open = lab.keyFileOf(await readKey(lab.keyFile), 'open-key.pem', 0o644);
    const run = await lab.ssh(['-o', 'LogLevel=INFO', '-i', open, ...login(lab), 'true']);
    expect(run.code).toBe(255);
    expect(run.stderr).toContain('UNPROTECTED PRIVATE KEY FILE!');
    expect(run.stderr).toContain('Permission denied (publickey');
  });

  it('refuses a wrong key and a wrong user with "Permission denied (publickey)"', async () => {
    lab = await sshLab();
    const other = lab.lab.ec2('CreateKeyPair', { KeyName: 'other-key', KeyType: 'ed25519' });
    const wrongKey = lab.keyFileOf(other.KeyMaterial!, 'other-key.pem');
    const wrong = await lab.ssh(['-i', wrongKey, ...login(lab), 'true']);
    expect(wrong.code).toBe(255);
    expect(wrong.stderr).toMatch(/ec2-user@127\.0\.0\.1: Permission denied \(publickey\)/);
    const wrongUser = await lab.ssh(['-i', lab.keyFile, ...login(lab, 'ubuntu'), 'true']);
    expect(wrongUser.code).toBe(255);
    expect(wrongUser.stderr).toMatch(/ubuntu@127\.0\.0\.1: Permission denied \(publickey\)/);
    // Password and keyboard-interactive are not offered: only publickey.
    const password = await lab.ssh([
      '-o',
      'PreferredAuthentications=password,keyboard-interactive',
      ...login(lab),
      'true',
    ]);
    expect(password.code).toBe(255);
    expect(password.stderr).toMatch(/Permission denied \(publickey\)/);
  });

  it('times out when the security group no longer allows tcp/22 from the laptop', async () => {
    lab = await sshLab();
    const { PublicIp } = lab.lab.lab('GetLaptop', {});
    lab.lab.ec2('RevokeSecurityGroupIngress', {
      GroupId: lab.groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${PublicIp}/32` }] }],
    });
    const run = await lab.ssh(['-o', 'ConnectTimeout=2', '-i', lab.keyFile, ...login(lab), 'true']);
    expect(run.code).toBe(255);
    expect(run.stderr).toMatch(/timed out/i);
    expect(run.ms).toBeGreaterThan(1900);
  });

  it('answers with the same host key fingerprint after the server restarts on the same lab', async () => {
    lab = await sshLab();
    const expected = lab.lab.engine.hostKeys.of(lab.instanceId)!.fingerprint;
    const port = lab.sshPort();
    const first = await lab.ssh(['-o', 'LogLevel=DEBUG', '-i', lab.keyFile, ...login(lab), 'true']);
    expect(first.stderr).toContain(`Server host key: ssh-ed25519 ${expected}`);
    await lab.restartServer();
    expect(lab.sshPort()).toBe(port);
    // StrictHostKeyChecking=accept-new refuses a changed key: this run only passes with the same one.
    const again = await lab.ssh(['-o', 'LogLevel=DEBUG', '-i', lab.keyFile, ...login(lab), 'true']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`Server host key: ssh-ed25519 ${expected}`);
  });

  it('copies a file in with scp, and the in-app terminal then shows it', async () => {
    lab = await sshLab();
    const local = lab.keyFileOf('hello from my own terminal\n', 'note.txt', 0o644);
    const scp = await runScp(lab, [local, `ec2-user@127.0.0.1:note.txt`]);
    expect(scp.stderr).toBe('');
    expect(scp.code).toBe(0);
    expect(scp.code).toBe(0);
    // An in-app terminal tab logs in on the instance and reads it.
    let screen = '';
    lab.shells.terminals.onEvent((event) => {
      if (event.type === 'terminal-output') screen += event.data;
    });
    const tab = lab.shells.terminals.openSession(120, 40);
    const machine = lab.shells.instances.get(TEST_REGION, lab.instanceId)!;
    void lab.shells.logins.start(machine, machine.user('ec2-user')!, tab);
    tab.input('cat ~/note.txt\r');
    await until(() => /cat ~\/note\.txt\r\nhello from my own terminal\r\n/.test(screen));
    const cat = await lab.ssh(['-i', lab.keyFile, ...login(lab), 'cat ~/note.txt && ls -l note.txt']);
    expect(cat.stdout).toMatch(/^hello from my own terminal\n-rw-r--r-- .* note\.txt/);
  });

  it('speaks the original scp protocol too (scp -O, older clients): a file in, a directory in, a file back out', async () => {
    lab = await sshLab();
    const local = lab.keyFileOf('legacy upload\n', 'legacy.txt', 0o640);
    const upload = await runScp(lab, ['-O', local, 'ec2-user@127.0.0.1:/tmp/']);
    expect(upload).toEqual({ code: 0, stderr: '' });
    const { mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
    mkdirSync(`${lab.directory}/site/css`, { recursive: true });
    writeFileSync(`${lab.directory}/site/index.html`, '<h1>hi</h1>\n');
    writeFileSync(`${lab.directory}/site/css/main.css`, 'h1 {}\n');
    const tree = await runScp(lab, ['-O', '-r', `${lab.directory}/site`, 'ec2-user@127.0.0.1:']);
    expect(tree).toEqual({ code: 0, stderr: '' });
    const listed = await lab.ssh([
      '-i',
      lab.keyFile,
      ...login(lab),
      'ls -l /tmp/legacy.txt; cat /tmp/legacy.txt site/index.html site/css/main.css',
    ]);
    expect(listed.stdout).toMatch(/^-rw-r----- .* \/tmp\/legacy\.txt\nlegacy upload\n<h1>hi<\/h1>\nh1 \{\}\n$/);
    const download = await runScp(lab, ['-O', 'ec2-user@127.0.0.1:/etc/os-release', `${lab.directory}/os-release`]);
    expect(download).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(`${lab.directory}/os-release`, 'utf8')).toMatch(/^NAME="Amazon Linux"/);
    const missing = await runScp(lab, ['-O', 'ec2-user@127.0.0.1:/nothing/here', `${lab.directory}/x`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('scp: /nothing/here: No such file or directory');
  });

  it('gives a PTY login shell with the OS banner and prompt, where Ctrl-C stops a command and exit ends it', async () => {
    lab = await sshLab();
    const child = spawn('ssh', [
      '-tt',
      '-p',
      String(lab.sshPort()),
      '-F',
      '/dev/null',
      '-i',
      lab.keyFile,
      '-o',
      `UserKnownHostsFile=${lab.directory}/known_hosts`,
      '-o',
      'StrictHostKeyChecking=accept-new',
      '-o',
      'BatchMode=yes',
      '-o',
      'LogLevel=ERROR',
      'ec2-user@127.0.0.1',
    ]);
    let screen = '';
    child.stdout.on('data', (data: Buffer) => (screen += data.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until(() => /\[ec2-user@ip-[\d-]+ ~\]\$ $/.test(screen));
    expect(screen).toContain('Amazon Linux 2023');
    child.stdin.write('sleep 30; echo finished\r');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.stdin.write('\x03');
    await until(() => /\^C\r\n\[ec2-user@ip-[\d-]+ ~\]\$ $/.test(screen));
    child.stdin.write('whoami\r');
    await until(() => /whoami\r\nec2-user\r\n/.test(screen));
    child.stdin.write('exit 4\r');
    expect(await exited).toBe(4);
    expect(screen).not.toMatch(/^finished/m);
  });

  it('answers root with the login user to use instead, as cloud-init does on Amazon Linux', async () => {
    lab = await sshLab();
    const run = await lab.ssh(['-i', lab.keyFile, 'root@127.0.0.1', 'whoami']);
    expect(run.stdout).toBe('Please login as the user "ec2-user" rather than the user "root".\n\n');
    expect(run.code).toBe(142);
  });

  it('keeps serving others after a client sends garbage or hangs up mid-handshake', async () => {
    lab = await sshLab();
    await new Promise<void>((resolve) => {
      const socket = connect(lab!.sshPort(), '127.0.0.1', () => {
        socket.write('GET / HTTP/1.1\r\n\r\n\x00\xff\x13garbage');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => {
      const socket = connect(lab!.sshPort(), '127.0.0.1');
      socket.on('data', () => {
        socket.write('SSH-2.0-OpenSSH_9.2\r\n');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', () => resolve());
    });
    const run = await lab.ssh(['-i', lab.keyFile, ...login(lab), 'echo still serving']);
    expect(run.stdout).toBe('still serving\n');
  });

  it('refuses (resets) while the instance boots, and serves a new instance on its own port and key', async () => {
    lab = await sshLab();
    const second = lab.lab.launch({ KeyName: 'lab-key' });
    lab.lab.pass(TIMINGS.pendingMs + 1000);
    expect(lab.lab.stateOf(second)).toBe('running');
    await lab.server.sync();
    const port = lab.server.portOf(second)!;
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(lab.sshPort());
    const booting = await lab.ssh([
      '-o',
      'LogLevel=INFO',
      '-p',
      String(port),
      '-i',
      lab.keyFile,
      ...login(lab),
      'true',
    ]);
    expect(booting.code).toBe(255);
    expect(booting.stderr).toMatch(/Connection reset|Connection closed|refused/);
    expect(booting.ms).toBeLessThan(2000);
    lab.lab.pass(TIMINGS.statusChecksMs);
    const booted = await lab.ssh(['-p', String(port), '-i', lab.keyFile, ...login(lab), 'true']);
    expect(booted.code).toBe(0);
  });

  it('ends the connection after MaxAuthTries failed attempts', async () => {
    lab = await sshLab({ limits: { maxAuthTries: 2 } });
    const other = lab.lab.ec2('CreateKeyPair', { KeyName: 'other-key', KeyType: 'ed25519' });
    const third = lab.lab.ec2('CreateKeyPair', { KeyName: 'third-key', KeyType: 'rsa' });
    const wrong = [lab.keyFileOf(other.KeyMaterial!, 'a.pem'), lab.keyFileOf(third.KeyMaterial!, 'b.pem')];
    const run = await lab.ssh([
      '-o',
      'LogLevel=INFO',
      ...wrong.flatMap((file) => ['-i', file]),
      '-i',
      lab.keyFile,
      ...login(lab),
      'true',
    ]);
    expect(run.code).toBe(255);
    expect(run.stderr).toMatch(/disconnect|Connection closed/i);
  });

  it('refuses new connections from a source that failed too often, for a while', async () => {
    lab = await sshLab({ limits: { penaltyFailures: 2, penaltyMs: 60_000 } });
    const other = lab.lab.ec2('CreateKeyPair', { KeyName: 'other-key', KeyType: 'ed25519' });
    const wrongKey = lab.keyFileOf(other.KeyMaterial!, 'other-key.pem');
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await lab.ssh(['-i', wrongKey, ...login(lab), 'true'])).stderr).toMatch(/Permission denied/);
    }
    const penalised = await lab.ssh(['-o', 'LogLevel=INFO', '-i', lab.keyFile, ...login(lab), 'true']);
    expect(penalised.code).toBe(255);
    expect(penalised.stderr).toMatch(/Connection closed|Connection reset/);
  });

  it('drops a client that does not log in within LoginGraceTime', async () => {
    lab = await sshLab({ limits: { loginGraceMs: 500 } });
    const silent = await new Promise<number>((resolve) => {
      const started = performance.now();
      const socket = connect(lab!.sshPort(), '127.0.0.1');
      socket.resume(); // reads sshd's greeting and says nothing back
      socket.on('close', () => resolve(performance.now() - started));
      socket.on('error', () => {});
    });
    expect(silent).toBeGreaterThan(400);
    expect(silent).toBeLessThan(5000);
  });
});

async function readKey(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}

async function runScp(l: SshLab, args: string[]) {
  const { spawn } = await import('node:child_process');
  const { join } = await import('node:path');
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn('scp', [
      '-P',
      String(l.sshPort()),
      '-F',
      '/dev/null',
      '-i',
      l.keyFile,
      '-o',
      `UserKnownHostsFile=${join(l.directory, 'known_hosts')}`,
      '-o',
      'StrictHostKeyChecking=accept-new',
      '-o',
      'BatchMode=yes',
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'LogLevel=ERROR',
      ...args,
    ]);
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the SSH door when its port range is full', { timeout: 30_000 }, () => {
  it('serves as many instances as the range has ports, says so once, and gives a freed port to one left without', async () => {
    lab = await sshLab();
    const lines: string[] = [];
    const first = 45_000 + ((process.pid * 13) % 500) * 2;
    const small = new SshServer({
      port: lab.port,
      settings: memorySettingsStore(),
      portRange: { first, last: first + 1 },
      log: (line) => lines.push(line),
    });
    const more = [lab.lab.launch(), lab.lab.launch()];
    lab.lab.pass(TIMINGS.pendingMs);
    try {
      await small.start();
      await small.sync();
      const served = () => [lab!.instanceId, ...more].filter((id) => small.portOf(id) !== undefined);
      expect(served()).toHaveLength(2);
      await small.sync();
      expect(lines.filter((line) => line.includes('is taken'))).toEqual([
        `SSH server: every port of ${first}-${first + 1} is taken; 1 instance(s) have none`,
      ]);
      const [left] = [lab.instanceId, ...more].filter((id) => small.portOf(id) === undefined);
      const freed = served()[0]!;
      lab.lab.ec2('TerminateInstances', { InstanceIds: [freed] });
      lab.lab.pass(TIMINGS.shuttingDownMs);
      await small.sync();
      expect(small.portOf(freed)).toBeUndefined();
      expect(small.portOf(left!)).toBeDefined();
    } finally {
      await small.stop();
    }
  });
});
