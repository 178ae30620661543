import { afterEach, describe, expect, it } from 'vitest';
import ssh2, { type ParsedKey } from 'ssh2';

const { Client, utils } = ssh2;
import { sshLab, type SshLab } from './test-support/ssh-lab';

let lab: SshLab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

type Attempt = { type: 'none' | 'password' | 'keyboard-interactive' | 'publickey'; key?: ParsedKey; password?: string };

/** Connects with ssh2's client, trying each attempt in turn; resolves whether it got in. */
function tryLogin(port: number, attempts: Attempt[]): Promise<{ ready: boolean; error?: string }> {
  return new Promise((resolve) => {
    const client = new Client();
    const queue = [...attempts];
    client.on('ready', () => {
      client.end();
      resolve({ ready: true });
    });
    client.on('error', (error) => resolve({ ready: false, error: error.message }));
    client.connect({
      host: '127.0.0.1',
      port,
      username: 'ec2-user',
      readyTimeout: 5000,
      hostVerifier: () => true,
      authHandler: (_methods, _partial, next) => {
        const attempt = queue.shift();
        if (!attempt) return next(false as never);
        next({ ...attempt, username: 'ec2-user' } as never);
      },
      tryKeyboard: true,
    });
  });
}

describe('SSH door authentication', () => {
  it('takes the right key, and refuses none, password, keyboard-interactive and a forged signature', async () => {
    lab = await sshLab();
    const { readFileSync } = await import('node:fs');
    const right = utils.parseKey(readFileSync(lab.keyFile)) as ParsedKey;
    expect(await tryLogin(lab.sshPort(), [{ type: 'publickey', key: right }])).toEqual({ ready: true });

    expect((await tryLogin(lab.sshPort(), [{ type: 'none' }])).ready).toBe(false);
    expect((await tryLogin(lab.sshPort(), [{ type: 'password', password: 'ec2-user' }])).ready).toBe(false);
    expect((await tryLogin(lab.sshPort(), [{ type: 'keyboard-interactive' }])).ready).toBe(false);

    // A client that announces the instance's public key but signs with another private key.
    const other = lab.lab.ec2('CreateKeyPair', { KeyName: 'forger', KeyType: 'ed25519' });
    const forged = utils.parseKey(`${other.KeyMaterial!}\n`) as ParsedKey;
    Object.assign(forged, { getPublicSSH: () => right.getPublicSSH() });
    const attempt = await tryLogin(lab.sshPort(), [{ type: 'publickey', key: forged }]);
    expect(attempt.ready).toBe(false);
    expect(attempt.error).toMatch(/authentication methods failed/);
  });
});
