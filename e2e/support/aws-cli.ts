/**
 * The real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, for a test file: the real
 * engine in memory (making real key pairs), the door on a free loopback port, a throwaway HOME with
 * empty CLI config, and one way to run the CLI. A missing CLI fails the file in CI and skips it
 * elsewhere (`describeWithCli`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { createAccessKeys, type AccessKeyPair } from '../../electron/doors/ec2-api/access-keys';
import { startEc2ApiServer, type Ec2ApiServer } from '../../electron/doors/ec2-api/ec2-api-server';
import type { Ec2ApiEngine } from '../../electron/doors/ec2-api/ec2-api-handler';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { nodeKeyMaker } from '../../electron/engine/state/node-key-maker';
import { MemoryStateStore } from '../../electron/engine/state/state-store';

// The `aws` on PATH may be a pyenv shim; Debian's CLI v2 is the one a learner's machine has.
export const AWS = '/usr/bin/aws';
const available = existsSync(AWS);

/** A describe block that runs where the CLI is, fails in CI without it, and is skipped elsewhere. */
export const describeWithCli = describe.skipIf(!available && !process.env.CI);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliLab {
  readonly engine: Engine;
  readonly server: Ec2ApiServer;
  readonly keys: AccessKeyPair;
  /** The CLI's HOME for this file: a place for files the test writes (saved keys …). */
  readonly home: string;
  /** `aws <service> <args…>` against the lab, with `--output` json unless told. */
  run(service: string, args: readonly string[], output?: 'json' | 'text'): Promise<CliResult>;
}

/** Starts the lab before the file's tests and stops it after; `door` may wrap the engine (to watch calls). */
export function useCliLab(
  options: { name: string; door?: (engine: Engine) => Ec2ApiEngine } = { name: 'cli' },
): CliLab {
  const keys = createAccessKeys();
  let engine: Engine | undefined;
  let server: Ec2ApiServer | undefined;
  let home = '';
  beforeAll(async () => {
    if (!available) throw new Error(`${AWS} is missing: install Debian's awscli (apt-get install -y awscli).`);
    home = mkdtempSync(join(tmpdir(), `ec2lab-aws-${options.name}-`));
    writeFileSync(join(home, 'config'), '');
    writeFileSync(join(home, 'credentials'), '');
    engine = createEngine({ store: new MemoryStateStore(), keyMaker: nodeKeyMaker });
    server = await startEc2ApiServer({ engine: options.door?.(engine) ?? engine, port: 0, credentials: keys });
  });
  afterAll(async () => {
    await server?.close();
    engine?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return {
    get engine() {
      return engine!;
    },
    get server() {
      return server!;
    },
    keys,
    get home() {
      return home;
    },
    run: (service, args, output = 'json') =>
      new Promise((resolve) => {
        execFile(
          AWS,
          [
            service,
            ...args,
            '--endpoint-url',
            `http://127.0.0.1:${server!.port}`,
            '--output',
            output,
            '--no-cli-pager',
          ],
          {
            env: {
              PATH: process.env.PATH,
              HOME: home,
              AWS_ACCESS_KEY_ID: keys.accessKeyId,
              AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
              AWS_DEFAULT_REGION: 'ap-northeast-2',
              AWS_CONFIG_FILE: join(home, 'config'),
              AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
              AWS_EC2_METADATA_DISABLED: 'true',
              AWS_PAGER: '',
            },
            timeout: 50_000,
          },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      }),
  };
}

/** The CLI's output for a call that must succeed; its failure text otherwise, as an error. */
export async function cliOutput(result: Promise<CliResult>): Promise<string> {
  const { code, stdout, stderr } = await result;
  if (code !== 0) throw new Error(`aws exited with ${code}\n${stderr}`);
  return stdout;
}
