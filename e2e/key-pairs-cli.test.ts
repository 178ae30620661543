/**
 * Key pairs with the real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as the EC2
 * User Guide's create-key-pairs page has a learner do it: `aws ec2 create-key-pair --query
 * KeyMaterial --output text > key.pem`, then `ssh-keygen -y -f key.pem` derives the public key the
 * lab keeps; import-key-pair from a file, describe and delete. Needs /usr/bin/aws and ssh-keygen:
 * missing, it fails in CI and is skipped elsewhere.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKeys } from '../electron/doors/ec2-api/access-keys';
import { startEc2ApiServer, type Ec2ApiServer } from '../electron/doors/ec2-api/ec2-api-server';
import { createEngine, type Engine } from '../electron/engine/engine';
import { nodeKeyMaker } from '../electron/engine/state/node-key-maker';
import { MemoryStateStore } from '../electron/engine/state/state-store';

const AWS = '/usr/bin/aws';
const available = existsSync(AWS);

const keys = createAccessKeys();
let engine: Engine;
let server: Ec2ApiServer;
let home: string;

/** One CLI call; `output` is the CLI's --output (json unless the test asks for text). */
function aws(output: 'json' | 'text', ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      ['ec2', ...args, '--endpoint-url', `http://127.0.0.1:${server.port}`, '--output', output, '--no-cli-pager'],
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
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

const publicKeyOf = (file: string) => execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
/** `ssh-rsa AAAA… comment` → `ssh-rsa AAAA…`: ssh-keygen prints no comment for a PEM key. */
const typeAndKey = (line: string) => line.split(' ').slice(0, 2).join(' ');

describe.skipIf(!available && !process.env.CI)('key pairs with the AWS CLI v2', () => {
  beforeAll(async () => {
    if (!available) throw new Error(`${AWS} is missing: install Debian's awscli (apt-get install -y awscli).`);
    home = mkdtempSync(join(tmpdir(), 'ec2lab-aws-keys-'));
    writeFileSync(join(home, 'config'), '');
    writeFileSync(join(home, 'credentials'), '');
    engine = createEngine({ store: new MemoryStateStore(), keyMaker: nodeKeyMaker });
    server = await startEc2ApiServer({ engine, port: 0, credentials: keys });
  });
  afterAll(async () => {
    await server?.close();
    engine?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('saves the private key with --query KeyMaterial --output text, and ssh-keygen derives the kept public key', async () => {
    for (const [name, type] of [
      ['cli-rsa', 'rsa'],
      ['cli-ed', 'ed25519'],
    ] as const) {
      const file = join(home, `${name}.pem`);
      writeFileSync(
        file,
        await aws('text', 'create-key-pair', '--key-name', name, '--key-type', type, '--query', 'KeyMaterial'),
      );
      chmodSync(file, 0o400);
      const described = JSON.parse(
        await aws('json', 'describe-key-pairs', '--key-names', name, '--include-public-key'),
      ) as { KeyPairs: { KeyName: string; KeyType: string; PublicKey: string; KeyFingerprint: string }[] };
      const kept = described.KeyPairs[0]!;
      expect(kept.KeyType).toBe(type);
      expect(typeAndKey(publicKeyOf(file))).toBe(typeAndKey(kept.PublicKey));
      if (type === 'ed25519') {
        const listed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', file], { encoding: 'utf8' });
        expect(listed).toContain(`SHA256:${kept.KeyFingerprint.replace(/=$/, '')} `);
      }
    }
  });

  it('imports a public key from a file, then deletes key pairs by name', async () => {
    const key = join(home, 'laptop');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'me@laptop', '-f', key]);
    const imported = JSON.parse(
      await aws('json', 'import-key-pair', '--key-name', 'cli-imported', '--public-key-material', `fileb://${key}.pub`),
    ) as { KeyName: string; KeyPairId: string; KeyFingerprint: string };
    expect(imported.KeyName).toBe('cli-imported');
    const listed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key}.pub`], { encoding: 'utf8' });
    expect(listed).toContain(`SHA256:${imported.KeyFingerprint.replace(/=$/, '')} `);

    // Debian's CLI (2.9) predates DeleteKeyPair's answer members (Return, KeyPairId) and prints nothing.
    expect(await aws('json', 'delete-key-pair', '--key-name', 'cli-imported')).toBe('');
    expect(await aws('json', 'delete-key-pair', '--key-name', 'cli-imported')).toBe('');
    const names = await aws('text', 'describe-key-pairs', '--query', 'KeyPairs[].KeyName');
    expect(names.trim().split(/\s+/).sort()).toEqual(['cli-ed', 'cli-rsa']);
  });
});
