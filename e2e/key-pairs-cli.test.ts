/**
 * Key pairs with the real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as the EC2
 * User Guide's create-key-pairs page has a learner do it: `aws ec2 create-key-pair --query
 * KeyMaterial --output text > key.pem`, then `ssh-keygen -y -f key.pem` derives the public key the
 * lab keeps; import-key-pair from a file, describe and delete. Needs /usr/bin/aws and ssh-keygen:
 * missing, it fails in CI and is skipped elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cliOutput, describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'keys' });

/** One CLI call; `output` is the CLI's --output (json unless the test asks for text). */
const aws = (output: 'json' | 'text', ...args: string[]) => cliOutput(lab.run('ec2', args, output));

const publicKeyOf = (file: string) => execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
/** `ssh-rsa AAAA… comment` → `ssh-rsa AAAA…`: ssh-keygen prints no comment for a PEM key. */
const typeAndKey = (line: string) => line.split(' ').slice(0, 2).join(' ');

describeWithCli('key pairs with the AWS CLI v2', () => {
  it('saves the private key with --query KeyMaterial --output text, and ssh-keygen derives the kept public key', async () => {
    for (const [name, type] of [
      ['cli-rsa', 'rsa'],
      ['cli-ed', 'ed25519'],
    ] as const) {
      const file = join(lab.home, `${name}.pem`);
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
    const key = join(lab.home, 'laptop');
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
