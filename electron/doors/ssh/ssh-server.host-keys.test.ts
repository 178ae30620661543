import { afterEach, describe, expect, it } from 'vitest';
import type { ShellPort, SshHostKey, SshTarget } from '../../shell/shell-port';
import { SshServer } from './ssh-server';
import { memorySettingsStore } from './ssh-settings';

/** A port with `count` running instances, recording how the door asks for their host keys. */
function portWith(count: number): { port: ShellPort; asked: string[][]; privateKeysRead: number } {
  const targets: SshTarget[] = Array.from({ length: count }, (_, index) => ({
    instanceId: `i-${index.toString(16).padStart(17, '0')}`,
    region: 'ap-northeast-2',
    state: 'running',
    user: 'ec2-user',
  }));
  const seen = { asked: [] as string[][], privateKeysRead: 0 };
  const keyOf = (instanceId: string): SshHostKey => ({
    publicKey: `ssh-ed25519 key-of-${instanceId}`,
    fingerprint: `SHA256:${instanceId}`,
    get privateKey() {
      seen.privateKeysRead++;
      return 'not read by a door that serves no connection';
    },
  });
  const port = {
    targets: () => targets,
    onTargetsChanged: () => () => {},
    hostKeys(instanceIds: Iterable<string>) {
      const ids = [...instanceIds];
      seen.asked.push(ids);
      return new Map(ids.map((id) => [id, keyOf(id)]));
    },
  } as unknown as ShellPort;
  return Object.assign(seen, { port });
}

describe('the SSH door and the host keys of many instances', () => {
  let server: SshServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('asks for them in batches of 100, each instance once, and reads no private key until a connection', async () => {
    const lab = portWith(250);
    // Below the range the other SSH tests take (30,000 and up), different per test process.
    const first = 20_000 + (process.pid % 30) * 300;
    server = new SshServer({
      port: lab.port,
      settings: memorySettingsStore(),
      portRange: { first, last: first + 299 },
    });
    await server.start();

    expect(lab.asked.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(new Set(lab.asked.flat()).size).toBe(250);
    const status = server.status();
    expect(status.listeners).toHaveLength(250);
    expect(status.listeners[0]!.fingerprint).toBe(`SHA256:${lab.asked[0]![0]}`);
    expect(lab.privateKeysRead).toBe(0);

    // A second look opens nothing new and asks for no key.
    await server.sync();
    expect(lab.asked).toHaveLength(3);
  });
});
