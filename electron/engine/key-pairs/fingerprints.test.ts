/**
 * Key pairs against the tools a learner checks them with (EC2 User Guide: verify-keys): keys made
 * here by ssh-keygen and openssl are imported, keys the lab creates are read back, and every
 * fingerprint is the one `openssl` or `ssh-keygen` computes from the same key.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';

let directory: string;
let lab: TestLab;

const run = (command: string, args: string[], input?: string | Buffer) =>
  execFileSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const runBytes = (command: string, args: string[], input?: Buffer) =>
  execFileSync(command, args, { input, stdio: ['pipe', 'pipe', 'pipe'] });
const path = (name: string) => join(directory, name);
/** `MD5(stdin)= 1f:51:…` → `1f:51:…` */
const digestOf = (output: string) => output.trim().split('= ')[1]!;
/** `256 SHA256:abc… comment (ED25519)` → `abc…=` as AWS shows it */
const sha256Of = (output: string) => `${/SHA256:([A-Za-z0-9+/]+)/.exec(output)![1]}=`;
const material = (file: string) => new Uint8Array(readFileSync(file));

function sshKeygen(name: string, type: 'rsa' | 'ed25519', bits = 2048): string {
  const file = path(name);
  run('ssh-keygen', [
    '-q',
    '-t',
    type,
    ...(type === 'rsa' ? ['-b', String(bits), '-m', 'PEM'] : []),
    '-N',
    '',
    '-C',
    `${name}@laptop`,
    '-f',
    file,
  ]);
  return file;
}

function importAs(name: string, bytes: Uint8Array) {
  return lab.ec2('ImportKeyPair', { KeyName: name, PublicKeyMaterial: bytes });
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ec2lab-keys-'));
  lab = createTestLab();
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('imported RSA keys: MD5 of the DER public key, as openssl computes it', () => {
  it('is the same fingerprint from every format EC2 takes', () => {
    const key = sshKeygen('rsa-import', 'rsa');
    const expected = digestOf(
      run('openssl', ['md5', '-c'], runBytes('openssl', ['rsa', '-in', key, '-pubout', '-outform', 'DER'])),
    );
    const formats = {
      openSsh: material(`${key}.pub`),
      rfc4716: Buffer.from(run('ssh-keygen', ['-e', '-f', `${key}.pub`])),
      spki: Buffer.from(run('ssh-keygen', ['-e', '-m', 'PKCS8', '-f', `${key}.pub`])),
      pkcs1: Buffer.from(run('ssh-keygen', ['-e', '-m', 'PEM', '-f', `${key}.pub`])),
      base64Der: Buffer.from(runBytes('openssl', ['rsa', '-in', key, '-pubout', '-outform', 'DER']).toString('base64')),
    };
    expect(formats.rfc4716.toString()).toContain('---- BEGIN SSH2 PUBLIC KEY ----');
    expect(formats.spki.toString()).toContain('-----BEGIN PUBLIC KEY-----');
    expect(formats.pkcs1.toString()).toContain('-----BEGIN RSA PUBLIC KEY-----');
    for (const [format, bytes] of Object.entries(formats)) {
      const answer = importAs(`rsa-${format}`, new Uint8Array(bytes));
      expect(answer.KeyFingerprint, format).toBe(expected);
    }
    const [described] = lab.ec2('DescribeKeyPairs', { KeyNames: ['rsa-openSsh'], IncludePublicKey: true }).KeyPairs!;
    // The public key is kept as the OpenSSH line, comment and all.
    expect(described!.PublicKey).toBe(readFileSync(`${key}.pub`, 'utf8').trim());
    expect(described!.KeyType).toBe('rsa');
  });

  it('refuses an RSA key below 2048 bits as not a valid key', () => {
    const key = sshKeygen('rsa-1024', 'rsa', 1024);
    expect(lab.ec2Error('ImportKeyPair', { KeyName: 'short', PublicKeyMaterial: material(`${key}.pub`) })).toEqual({
      code: 'InvalidKey.Format',
      message: 'Key is not in valid OpenSSH public key format',
    });
    const longer = sshKeygen('rsa-3072', 'rsa', 3072);
    expect(importAs('rsa-3072', material(`${longer}.pub`)).KeyFingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  });
});

describe('ED25519 keys: base64 SHA-256 of the OpenSSH key blob, as ssh-keygen computes it', () => {
  it('imports an OpenSSH line, an RFC 4716 file and a PEM public key', () => {
    const key = sshKeygen('ed-import', 'ed25519');
    const expected = sha256Of(run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key}.pub`]));
    expect(importAs('ed-openssh', material(`${key}.pub`)).KeyFingerprint).toBe(expected);
    const rfc4716 = run('ssh-keygen', ['-e', '-f', `${key}.pub`]);
    expect(importAs('ed-rfc4716', new Uint8Array(Buffer.from(rfc4716))).KeyFingerprint).toBe(expected);

    const pemKey = path('ed-openssl.pem');
    run('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', pemKey]);
    const spki = run('openssl', ['pkey', '-in', pemKey, '-pubout']);
    // ssh-keygen cannot read an Ed25519 SubjectPublicKeyInfo: build its OpenSSH blob (RFC 8709) by hand.
    const raw = runBytes('openssl', ['pkey', '-in', pemKey, '-pubout', '-outform', 'DER']).subarray(-32);
    const sshString = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
    const line = `ssh-ed25519 ${Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]).toString('base64')}`;
    writeFileSync(path('ed-openssl.pub'), `${line}\n`);
    const fromOpenssl = sha256Of(run('ssh-keygen', ['-l', '-E', 'sha256', '-f', path('ed-openssl.pub')]));
    expect(importAs('ed-spki', new Uint8Array(Buffer.from(spki))).KeyFingerprint).toBe(fromOpenssl);
    const [described] = lab.ec2('DescribeKeyPairs', { KeyNames: ['ed-spki'] }).KeyPairs!;
    expect(described!.KeyType).toBe('ed25519');
  });
});

describe('created key pairs', () => {
  it('RSA: a PKCS#1 PEM whose PKCS#8 DER SHA-1 is the fingerprint and whose public key is the one kept', () => {
    const created = lab.ec2('CreateKeyPair', { KeyName: 'made-rsa' });
    expect(created.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/);
    const file = path('made-rsa.pem');
    writeFileSync(file, `${created.KeyMaterial}\n`, { mode: 0o600 });
    const pkcs8 = runBytes('openssl', [
      'pkcs8',
      '-in',
      file,
      '-inform',
      'PEM',
      '-outform',
      'DER',
      '-topk8',
      '-nocrypt',
    ]);
    expect(created.KeyFingerprint).toBe(digestOf(run('openssl', ['sha1', '-c'], pkcs8)));
    expect(run('openssl', ['rsa', '-in', file, '-check', '-noout'])).toContain('RSA key ok');
    expect(run('openssl', ['rsa', '-in', file, '-text', '-noout'])).toContain('Private-Key: (2048 bit');
    const [described] = lab.ec2('DescribeKeyPairs', { KeyNames: ['made-rsa'], IncludePublicKey: true }).KeyPairs!;
    expect(described!.PublicKey!.split(' ').slice(0, 2)).toEqual(
      run('ssh-keygen', ['-y', '-f', file]).trim().split(' ').slice(0, 2),
    );
    expect(described!.PublicKey!.split(' ')[2]).toBe('made-rsa');
  });

  it('ED25519: an OpenSSH private key whose SHA-256 fingerprint ssh-keygen agrees with', () => {
    const created = lab.ec2('CreateKeyPair', { KeyName: 'made-ed', KeyType: 'ed25519' });
    expect(created.KeyMaterial).toMatch(
      // Ending with a newline, without which OpenSSH's `ssh -i` cannot load the file.
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/,
    );
    const file = path('made-ed.pem');
    writeFileSync(file, `${created.KeyMaterial}\n`, { mode: 0o600 });
    expect(created.KeyFingerprint).toBe(sha256Of(run('ssh-keygen', ['-l', '-E', 'sha256', '-f', file])));
    expect(created.KeyFingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const [described] = lab.ec2('DescribeKeyPairs', { KeyNames: ['made-ed'], IncludePublicKey: true }).KeyPairs!;
    expect(described!.PublicKey).toBe(run('ssh-keygen', ['-y', '-f', file]).trim());
  });
});
