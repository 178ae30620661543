import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sshConfigText } from './ssh-config';
import { fileSettingsStore, preferredPort } from './ssh-settings';
import { sshLab, type SshLab } from './test-support/ssh-lab';

let lab: SshLab | undefined;
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('the SSH config file', () => {
  it('has a Host per instance, named by id, public IP and DNS, pointing at its loopback port, user and key', () => {
    const text = sshConfigText([
      {
        instanceId: 'i-0b22a22eec53b9321',
        port: 2201,
        user: 'ubuntu',
        publicIp: '54.1.2.3',
        publicDns: 'ec2-54-1-2-3.compute-1.amazonaws.com',
        keyName: 'my key',
      },
      { instanceId: 'i-0a11a11eec53b9321', port: 2202, user: 'ec2-user', keyName: 'lab' },
    ]);
    expect(text).toContain(
      [
        'Host i-0a11a11eec53b9321',
        '    HostName 127.0.0.1',
        '    Port 2202',
        '    User ec2-user',
        '    HostKeyAlias i-0a11a11eec53b9321',
        '    IdentityFile ~/Downloads/lab.pem',
        '    IdentitiesOnly yes',
        '',
        'Host i-0b22a22eec53b9321 54.1.2.3 ec2-54-1-2-3.compute-1.amazonaws.com',
        '    HostName 127.0.0.1',
        '    Port 2201',
        '    User ubuntu',
        '    HostKeyAlias i-0b22a22eec53b9321',
        '    IdentityFile "~/Downloads/my key.pem"',
      ].join('\n'),
    );
  });
});

describe('the SSH server settings', () => {
  it('keep ports and the on/off switch in a file, and read a damaged file as the defaults', () => {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-ssh-settings-'));
    try {
      const store = fileSettingsStore(join(directory, 'ssh.json'));
      expect(store.load()).toEqual({ enabled: true, ports: {} });
      store.save({ enabled: false, ports: { 'i-0123456789abcdef0': 2222 } });
      expect(fileSettingsStore(join(directory, 'ssh.json')).load()).toEqual({
        enabled: false,
        ports: { 'i-0123456789abcdef0': 2222 },
      });
      writeFileSync(join(directory, 'ssh.json'), '{"ports":{"i-0123456789abcdef0":80,"../x":2300}}');
      expect(store.load()).toEqual({ enabled: true, ports: {} });
      writeFileSync(join(directory, 'ssh.json'), 'not json');
      expect(store.load()).toEqual({ enabled: true, ports: {} });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives an instance id the same first port every time, inside the range', () => {
    expect(preferredPort('i-0123456789abcdef0')).toBe(preferredPort('i-0123456789abcdef0'));
    expect(preferredPort('i-0123456789abcdef0')).toBeGreaterThanOrEqual(2200);
    expect(preferredPort('i-0123456789abcdef0')).toBeLessThanOrEqual(2999);
  });
});

describe('the SSH server', () => {
  it('keeps each instance on its port across restarts, closes it when turned off and opens it again', async () => {
    lab = await sshLab();
    const port = lab.sshPort();
    expect(lab.settings.load().ports[lab.instanceId]).toBe(port);
    await lab.restartServer();
    expect(lab.sshPort()).toBe(port);
    await lab.server.setEnabled(false);
    expect(lab.server.status()).toEqual({ enabled: false, listeners: [] });
    expect(await refused(port)).toBe(true);
    expect(lab.settings.load().enabled).toBe(false);
    await lab.restartServer();
    expect(lab.server.portOf(lab.instanceId)).toBeUndefined();
    await lab.server.setEnabled(true);
    expect(lab.sshPort()).toBe(port);
    expect(lab.server.sshConfig()).toContain(`Port ${port}`);
  });

  it('reports a port another program holds instead of failing, and frees a terminated instance’s port', async () => {
    lab = await sshLab();
    const port = lab.sshPort();
    await lab.server.stop();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      await lab.restartServer();
      expect(lab.server.status().listeners).toEqual([
        expect.objectContaining({
          instanceId: lab.instanceId,
          port,
          listening: false,
          error: `port ${port} is in use by another program`,
        }),
      ]);
      expect(lab.server.sshConfig()).not.toContain(lab.instanceId);
    } finally {
      squatter.close();
    }
    await lab.restartServer();
    expect(lab.sshPort()).toBe(port);
    const seen = new Promise((resolve) => lab!.server.onStatus(resolve));
    lab.lab.ec2('TerminateInstances', { InstanceIds: [lab.instanceId] });
    lab.lab.pass(60_000);
    await seen;
    await lab.server.sync();
    expect(lab.server.portOf(lab.instanceId)).toBeUndefined();
    expect(lab.settings.load().ports).toEqual({});
    expect(await refused(port)).toBe(true);
  });
});
