/**
 * The Connect page's "Connect from your own terminal" section: the loopback port the lab's SSH
 * server serves the instance on, the ssh and PuTTY commands, the host key fingerprint, the ssh_config
 * download, and the notes for a server that is off, a port another program holds, an instance not
 * served, and a host with no SSH server (component tests run none: a fake provider stands in).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import App from '../App.vue';
import type { SshAccess } from '../../shared/terminal-operations';
import { captureDownloads } from '../testing/downloads';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';
import { settleUntil } from '../testing/settle-until';

enableAutoUnmount(afterEach);

let lab: EngineLab;

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  lab = createEngineLab();
});
afterEach(() => lab.shells.close());

const FINGERPRINT = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
const CONFIG = 'Host i-0abc\n  HostName 127.0.0.1\n  Port 2201\n';

/** A stand-in for the host's SSH server, announcing each change as the real one does. */
function fakeServer(initial: Omit<SshAccess, 'Available'>) {
  let state: SshAccess = { Available: true, ...initial };
  const calls: boolean[] = [];
  const provider = {
    access: () => state,
    setEnabled(enabled: boolean) {
      calls.push(enabled);
      update({ Enabled: enabled });
    },
  };
  function update(change: Partial<SshAccess>): void {
    state = { ...state, ...change };
    lab.shells.terminals.setSshAccessProvider(provider);
  }
  lab.shells.terminals.setSshAccessProvider(provider);
  return { calls, update };
}

/** An Ubuntu instance launched with a key pair. */
function ubuntuWithKey(): string {
  lab.ec2('CreateKeyPair', { KeyName: 'lab-key' });
  const ubuntu = lab.quickStart('ubuntu');
  const instance = lab.launch({ ImageId: ubuntu.ImageId, KeyName: 'lab-key' });
  lab.waitFor(instance.InstanceId!, 'running');
  return instance.InstanceId!;
}

async function openConnect(id: string, locale: 'en' | 'ko' = 'en') {
  location.hash = `#/connect-to-instance/${id}`;
  return mountLab(App, { lab, locale });
}

const section = () => getByRole(document.querySelector('main')!, 'region', 'Connect from your own terminal');
/** The section's one note (its own, not the SSH client tab's role="note" obstacles). */
function note(): Element {
  const notes = section().querySelectorAll('.alert');
  expect(notes).toHaveLength(1);
  return notes[0]!;
}
const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ');

describe('Connect from your own terminal', () => {
  it('gives the port, the ssh and PuTTY commands and the host key fingerprint of a served instance', async () => {
    const id = ubuntuWithKey();
    fakeServer({
      Enabled: true,
      Listeners: [{ InstanceId: id, Port: 2201, Listening: true, Fingerprint: FINGERPRINT }],
      Config: CONFIG,
    });
    await openConnect(id);
    await settleUntil(() => text(section()).includes('2201'), 'the port');
    const shown = text(section());
    expect(section().querySelector('[data-testid="ssh-port"]')?.textContent).toBe('2201');
    expect(shown).toContain('ssh -i "~/Downloads/lab-key.pem" -p 2201 ubuntu@127.0.0.1');
    expect(shown).toContain('putty -i lab-key.ppk -P 2201 ubuntu@127.0.0.1');
    expect(section().querySelector('[data-testid="ssh-fingerprint"]')?.textContent).toBe(FINGERPRINT);
    expect(shown).toContain(`ssh -F ec2lab_ssh_config ${id}`);
    expect(section().querySelectorAll('.alert')).toHaveLength(0);
  });

  it('downloads the SSH config as ec2lab_ssh_config', async () => {
    const id = ubuntuWithKey();
    fakeServer({ Enabled: true, Listeners: [{ InstanceId: id, Port: 2201, Listening: true }], Config: CONFIG });
    await openConnect(id);
    const downloads = captureDownloads();
    try {
      getByRole(section(), 'button', 'Download SSH config').click();
      await flushPromises();
      expect(await downloads.files()).toEqual([{ fileName: 'ec2lab_ssh_config', text: CONFIG }]);
    } finally {
      downloads.restore();
    }
  });

  it('says when the server is off, and turns it on', async () => {
    const id = ubuntuWithKey();
    const server = fakeServer({
      Enabled: false,
      Listeners: [{ InstanceId: id, Port: 2201, Listening: true }],
      Config: CONFIG,
    });
    await openConnect(id);
    expect(note().textContent).toContain('SSH server is turned off');
    expect(text(section())).not.toContain('-p 2201');
    getByRole(section(), 'button', 'Turn on the SSH server').click();
    await settleUntil(() => text(section()).includes('-p 2201'), 'the command once the server is on');
    expect(server.calls).toEqual([true]);
    expect(section().querySelectorAll('.alert')).toHaveLength(0);
  });

  it('shows why a port is not served: another program holds it', async () => {
    const id = ubuntuWithKey();
    fakeServer({
      Enabled: true,
      Listeners: [
        {
          InstanceId: id,
          Port: 2201,
          Listening: false,
          Error: 'listen EADDRINUSE: address already in use 127.0.0.1:2201',
        },
      ],
      Config: '',
    });
    await openConnect(id);
    const shown = note();
    expect(shown.textContent).toContain('Port 2201 on this computer is in use by another program');
    expect(shown.textContent).toContain('EADDRINUSE');
    expect(text(section())).not.toContain('ssh -i');
  });

  it('follows the server: an instance not served, then served once its port opens', async () => {
    const id = ubuntuWithKey();
    const server = fakeServer({ Enabled: true, Listeners: [], Config: '' });
    await openConnect(id);
    expect(note().textContent).toContain('only while it is running and has a key pair');
    server.update({ Listeners: [{ InstanceId: id, Port: 2207, Listening: true }], Config: CONFIG });
    await settleUntil(() => text(section()).includes('-p 2207'), 'the port from the ssh-access event');
  });

  it('says real SSH is the desktop app’s and browser mode’s when this host has no server', async () => {
    const id = ubuntuWithKey();
    await openConnect(id);
    await settleUntil(() => document.getElementById('connect-own-terminal') !== null, 'the section');
    expect(note().textContent).toContain('offered by the EC2 Lab desktop app and browser mode only');
    expect(queryAllByRole(section(), 'button', 'Download SSH config')).toHaveLength(0);
  });

  it('speaks Korean: 내 터미널에서 연결, SSH 구성 다운로드', async () => {
    const id = ubuntuWithKey();
    fakeServer({ Enabled: true, Listeners: [{ InstanceId: id, Port: 2201, Listening: true }], Config: CONFIG });
    await openConnect(id, 'ko');
    const own = getByRole(document.querySelector('main')!, 'region', '내 터미널에서 연결');
    expect(getByRole(own, 'button', 'SSH 구성 다운로드')).toBeTruthy();
    expect(text(own)).toContain('ssh -i "~/Downloads/lab-key.pem" -p 2201 ubuntu@127.0.0.1');
  });
});
