/**
 * A lab served over real SSH for tests: an engine in memory, the shell layer with the worker
 * in-process, the SSH server on loopback ports, a key pair whose private key is saved as a file
 * (mode 0600, as `chmod 600` leaves it), an instance launched with it and booted, its security
 * group open to the laptop on tcp/22 — and the real OpenSSH client to drive it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TIMINGS } from '../../../engine/instances/lifecycle';
import { createTestLab, TEST_REGION, type TestLab } from '../../../engine/test-support/test-lab';
import { createShellPort, type ShellPort } from '../../../shell/shell-port';
import { createShells, type Shells } from '../../../shell/shells';
import { inProcessWorkerPort } from '../../../shell/worker/in-process-worker-port';
import type { AuthLimits } from '../auth-limits';
import { OPENSSH_LIMITS } from '../auth-limits';
import { SshServer } from '../ssh-server';
import { memorySettingsStore, type SshSettingsStore } from '../ssh-settings';

export interface SshRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawning `ssh` to its exit. */
  ms: number;
}

export interface SshLab {
  lab: TestLab;
  shells: Shells;
  port: ShellPort;
  server: SshServer;
  settings: SshSettingsStore;
  directory: string;
  instanceId: string;
  keyFile: string;
  groupId: string;
  sshPort(): number;
  /** Runs the real `ssh` with the lab's options and the given arguments. */
  ssh(args: string[], options?: { input?: string; timeoutMs?: number }): Promise<SshRun>;
  /** Saves a private key as a file with a mode. */
  keyFileOf(material: string, name: string, mode?: number): string;
  /** A new server on the same lab and settings (an app restart of the SSH door). */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

/** Ports far from the default range, different per test process. */
function portRange(): { first: number; last: number } {
  const first = 30_000 + ((process.pid * 37) % 300) * 100;
  return { first, last: first + 99 };
}

export async function sshLab(
  options: { limits?: Partial<AuthLimits>; keyType?: 'rsa' | 'ed25519'; dropHoldMs?: number } = {},
): Promise<SshLab> {
  const lab = createTestLab();
  const shells = createShells({ engine: lab.engine, startWorker: inProcessWorkerPort });
  const port = createShellPort(shells);
  const settings = memorySettingsStore();
  const range = portRange();
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-ssh-'));
  const keyFileOf = (material: string, name: string, mode = 0o600) => {
    const file = join(directory, name);
    writeFileSync(file, material);
    chmodSync(file, mode);
    return file;
  };
  const key = lab.ec2('CreateKeyPair', { KeyName: 'lab-key', KeyType: options.keyType ?? 'ed25519' });
  const keyFile = keyFileOf(key.KeyMaterial!, 'lab-key.pem');
  const instanceId = lab.launch({ KeyName: 'lab-key' });
  lab.pass(TIMINGS.pendingMs + TIMINGS.statusChecksMs + 1000);
  const { PublicIp } = lab.lab('GetLaptop', {});
  const groupId = lab.ec2('DescribeInstances', { InstanceIds: [instanceId] }).Reservations![0]!.Instances![0]!
    .SecurityGroups![0]!.GroupId!;
  lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${PublicIp}/32` }] }],
  });
  const makeServer = () =>
    new SshServer({
      port,
      settings,
      portRange: range,
      limits: { ...OPENSSH_LIMITS, ...options.limits },
      dropHoldMs: options.dropHoldMs ?? 10_000,
    });
  let server = makeServer();
  await server.start();
  const knownHosts = join(directory, 'known_hosts');
  const result: SshLab = {
    lab,
    shells,
    port,
    get server() {
      return server;
    },
    settings,
    directory,
    instanceId,
    keyFile,
    groupId,
    sshPort: () => server.portOf(instanceId)!,
    ssh(args, { input, timeoutMs = 20_000 } = {}) {
      // ssh takes the first value of an option: the test's own options come before these.
      const base = [
        '-o',
        `Port=${result.sshPort()}`,
        '-F',
        '/dev/null',
        '-o',
        `UserKnownHostsFile=${knownHosts}`,
        '-o',
        'StrictHostKeyChecking=accept-new',
        '-o',
        'BatchMode=yes',
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'LogLevel=ERROR',
      ];
      const started = performance.now();
      return new Promise((resolve) => {
        const at = args.findIndex((arg) => arg.includes('@'));
        const ordered = [...args.slice(0, at), ...base, ...args.slice(at)];
        const child = spawn('ssh', ordered, { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
        child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stdout, stderr, ms: performance.now() - started });
        });
        child.stdin.end(input ?? '');
      });
    },
    keyFileOf,
    async restartServer() {
      await server.stop();
      server = makeServer();
      await server.start();
    },
    async close() {
      await server.stop();
      shells.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
  return result;
}

export { TEST_REGION };
