// SSH figures with the real OpenSSH client against the SSH door as the hosts start it (the shell
// worker thread from dist/shell/shell-worker.mjs, built by `npm run bench`): time from starting
// `ssh` to the first output of a command and to the login prompt, and the round trip of a command
// typed in an open PTY session (Enter to the next prompt).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { TIMINGS } from '../electron/engine/instances/lifecycle';
import { createTestLab } from '../electron/engine/test-support/test-lab';
import { startShells } from '../electron/host/start-shells';
import { measureAsync, report } from './measure';

const workerFile = fileURLToPath(new URL('../dist/shell/shell-worker.mjs', import.meta.url));

it('ssh: start to first output, start to prompt, and a command round trip', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-ssh-bench-'));
  const lab = createTestLab();
  const key = lab.ec2('CreateKeyPair', { KeyName: 'bench', KeyType: 'ed25519' });
  const keyFile = join(directory, 'bench.pem');
  writeFileSync(keyFile, key.KeyMaterial!);
  chmodSync(keyFile, 0o600);
  const instanceId = lab.launch({ KeyName: 'bench' });
  lab.pass(TIMINGS.pendingMs + TIMINGS.statusChecksMs + 1000);
  const { PublicIp } = lab.lab('GetLaptop', {});
  const groupId = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!
    .SecurityGroups![0]!.GroupId!;
  lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${PublicIp}/32` }] }],
  });
  const running = startShells(lab.engine, workerFile, { dataDirectory: directory });
  await running.ssh!.sync();
  const port = running.ssh!.portOf(instanceId)!;
  const args = [
    '-p',
    String(port),
    '-F',
    '/dev/null',
    '-i',
    keyFile,
    '-o',
    `UserKnownHostsFile=${join(directory, 'known_hosts')}`,
    '-o',
    'StrictHostKeyChecking=accept-new',
    '-o',
    'BatchMode=yes',
    '-o',
    'LogLevel=ERROR',
  ];

  const firstOutput = await measureAsync(20, async () => {
    const child = spawn('ssh', [...args, 'ec2-user@127.0.0.1', 'echo ready']);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => child.on('close', resolve));
  });
  report("ssh start to first output of `ssh … 'echo ready'` (real OpenSSH client)", firstOutput);

  const prompt = /\[ec2-user@ip-[\d-]+ ~\]\$ $/;
  let screen = '';
  let child = spawn('ssh', ['-tt', ...args, 'ec2-user@127.0.0.1']);
  const until = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (pattern.test(screen)) {
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
    });
  const toPrompt = await measureAsync(10, async (index) => {
    if (index > 0) {
      child.stdin.write('exit\r');
      await new Promise((resolve) => child.on('close', resolve));
      screen = '';
      child = spawn('ssh', ['-tt', ...args, 'ec2-user@127.0.0.1']);
    }
    child.stdout.on('data', (data: Buffer) => (screen += data.toString()));
    await until(prompt);
  });
  report('ssh -tt start to login prompt (banner, PTY, shell)', toPrompt);

  const roundTrip = await measureAsync(50, async (index) => {
    screen = '';
    child.stdin.write(`echo round-${index}\r`);
    await until(new RegExp(`round-${index}\\r\\n[^\\n]*\\$ $`));
  });
  expect(screen).toContain('round-49');
  report('ssh PTY session: `echo` Enter to next prompt (round trip)', roundTrip);
  child.stdin.write('exit\r');
  await new Promise((resolve) => child.on('close', resolve));
  running.stop();
  lab.engine.close();
  rmSync(directory, { recursive: true, force: true });
});
