import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestLab } from '../../engine/test-support/test-lab';
import { authorizedBlobs, readIdentityKey } from './identity-keys';

describe('private key files as ssh -i reads them', { timeout: 20_000 }, () => {
  it("finds the key pair's public key in EC2's ED25519 and RSA key files", () => {
    const lab = createTestLab();
    for (const type of ['ed25519', 'rsa'] as const) {
      const created = lab.ec2('CreateKeyPair', { KeyName: `k-${type}`, KeyType: type });
      const described = lab.ec2('DescribeKeyPairs', { KeyNames: [`k-${type}`], IncludePublicKey: true });
      const key = readIdentityKey(created.KeyMaterial!)!;
      expect(key.type).toBe(type === 'rsa' ? 'RSA' : 'ED25519');
      expect(authorizedBlobs(described.KeyPairs![0]!.PublicKey!)).toEqual([Buffer.from(key.blob)]);
      if (type === 'ed25519') expect(key.fingerprint).toBe(`SHA256:${created.KeyFingerprint!.replace(/=+$/, '')}`);
    }
  });

  it('reads PKCS#8 PEM keys and refuses a tampered OpenSSH key, a public key and a .ppk file', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(readIdentityKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())?.type).toBe('ED25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(readIdentityKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString())?.type).toBe('RSA');

    const lab = createTestLab();
    const material = lab.ec2('CreateKeyPair', { KeyName: 'k' }).KeyMaterial!;
    const body = Buffer.from(material.split('\n').slice(1, -1).join(''), 'base64');
    // Flip a byte of the private seed (after the public key in the private section): no longer a key pair.
    body[body.length - 60] ^= 0xff;
    const tampered = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      body.toString('base64'),
      '-----END OPENSSH PRIVATE KEY-----',
    ].join('\n');
    expect(readIdentityKey(tampered)).toBeUndefined();
    const publicLine = lab.ec2('DescribeKeyPairs', { KeyNames: ['k'], IncludePublicKey: true }).KeyPairs![0]!
      .PublicKey!;
    expect(readIdentityKey(publicLine)).toBeUndefined();
    const ppk = lab.ec2('CreateKeyPair', { KeyName: 'p', KeyFormat: 'ppk' }).KeyMaterial!;
    expect(readIdentityKey(ppk)).toBeUndefined();
  });
});
