/**
 * The Connect to instance page (EC2 User Guide: connect-linux-inst-ssh), opened from the Instances
 * page: the SSH client tab with the key pair's file, `chmod 400`, and `ssh -i` as the AMI's default
 * user to the public DNS name; notes for an instance SSH cannot reach; and "Type into laptop
 * terminal" typing the commands into the laptop tab, each run on its own line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import App from '../App.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';
import { settleUntil } from '../testing/settle-until';
import { terminalScreen, useXtermLayout } from '../testing/xterm-layout';

enableAutoUnmount(afterEach);
useXtermLayout();

let lab: EngineLab;

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  lab = createEngineLab();
});
afterEach(() => lab.shells.close());

/** An Ubuntu instance launched with a key pair whose private key the console saved in ~/Downloads. */
function ubuntuWithKey(): string {
  const key = lab.ec2('CreateKeyPair', { KeyName: 'lab-key' });
  lab.lab('SaveLaptopDownload', { FileName: 'lab-key.pem', Content: key.KeyMaterial! });
  const ubuntu = lab.quickStart('ubuntu');
  const instance = lab.launch({ ImageId: ubuntu.ImageId, KeyName: 'lab-key' });
  lab.waitFor(instance.InstanceId!, 'running');
  return instance.InstanceId!;
}

async function openConnect(id: string, locale: 'en' | 'ko' = 'en') {
  location.hash = `#/connect-to-instance/${id}`;
  return mountLab(App, { lab, locale });
}

const main = () => document.querySelector('main')!;

describe('Connect to instance', () => {
  it('is where the Instances page Connect button leads', async () => {
    const id = ubuntuWithKey();
    location.hash = `#/instances/${id}`;
    await mountLab(App, { lab });
    getByRole(main(), 'button', 'Connect').click();
    await flushPromises();
    expect(location.hash).toBe(`#/connect-to-instance/${id}`);
    expect(getByRole(main(), 'heading', 'Connect to instance')).toBeTruthy();

    // Actions → Connect, and the details pane's Connect, lead there too.
    location.hash = `#/instances/${id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flushPromises();
    const details = getByRole(main(), 'link', 'Connect');
    expect(details.getAttribute('href')).toBe(`#/connect-to-instance/${id}`);
    getByRole(main(), 'button', 'Actions').click();
    await flushPromises();
    getByRole(getByRole(main(), 'menu', 'Actions'), 'menuitem', 'Connect').click();
    await flushPromises();
    expect(location.hash).toBe(`#/connect-to-instance/${id}`);
  });

  it("shows the SSH client steps with the key pair's file, the AMI's user and the public DNS name", async () => {
    const id = ubuntuWithKey();
    const dns = lab.instance(id).PublicDnsName!;
    expect(dns).toMatch(/^ec2-.*\.amazonaws\.com$/);
    await openConnect(id);
    const tab = getByRole(main(), 'tab', 'SSH client');
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = getByRole(main(), 'tabpanel', 'SSH client');
    const text = panel.textContent!.replace(/\s+/g, ' ');
    expect(panel.querySelector('dt')?.textContent).toBe('Instance ID');
    expect(panel.querySelector('dd')?.textContent?.trim()).toBe(id);
    expect(text).toContain('Open an SSH client.');
    expect(text).toContain('Locate your private key file. The key used to launch this instance is lab-key.pem');
    expect(text).toContain('chmod 400 "lab-key.pem"');
    expect(text).toContain(`Connect to your instance using its Public DNS: ${dns}`);
    expect(text).toContain(`Example:ssh -i "lab-key.pem" ubuntu@${dns}`);
    expect(queryAllByRole(panel, 'note')).toHaveLength(0);
  });

  it('types cd, chmod and ssh into the laptop terminal, one line each', async () => {
    const id = ubuntuWithKey();
    const dns = lab.instance(id).PublicDnsName!;
    await openConnect(id);
    getByRole(main(), 'button', 'Type into laptop terminal').click();
    await settleUntil(() => lab.bridge.inputsOf('WriteTerminal').length === 3, 'the three commands');
    expect(lab.bridge.inputsOf<{ Data: string }>('WriteTerminal').map((input) => input.Data)).toEqual([
      'cd ~/Downloads\r',
      'chmod 400 "lab-key.pem"\r',
      `ssh -i "lab-key.pem" ubuntu@${dns}\r`,
    ]);
    const pane = getByRole(document.body, 'region', 'Terminals');
    expect(getByRole(pane, 'tab', /^Laptop/).getAttribute('aria-selected')).toBe('true');
    await settleUntil(() => terminalScreen(pane).includes('ssh -i'), 'the ssh line on the screen');
    const screen = terminalScreen(pane);
    // Each line is typed once the one before it has finished: each follows a prompt of its own.
    expect(screen).toContain('learner@laptop:~$ cd ~/Downloads');
    expect(screen).toMatch(/\$ chmod 400 "lab-key\.pem"\n/);
    expect(screen).toMatch(/\$ ssh -i "lab-key\.pem" ubuntu@/);
    // The key the console saved in ~/Downloads (0644, as a browser leaves it) is now the owner's alone.
    expect(screen).toContain('learner@laptop:~/Downloads$ chmod 400 "lab-key.pem"');
    const keyFile = lab
      .lab('DescribeLaptopFiles', {})
      .Files.find((file) => file.Path.endsWith('/Downloads/lab-key.pem'));
    expect(keyFile?.Mode).toBe(0o400);
  });

  it('says why SSH cannot connect: no key pair, no public address, not running', async () => {
    const instance = lab.launch({ NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] });
    const id = instance.InstanceId!;
    lab.waitFor(id, 'running');
    lab.ec2('StopInstances', { InstanceIds: [id] });
    await openConnect(id);
    const note = getByRole(main(), 'note');
    expect(note.textContent).toContain('The instance is Stopping');
    expect(note.textContent).toContain('not associated with a key pair');
    expect(note.textContent).toContain('no public IPv4 address');
    expect((getByRole(main(), 'button', 'Type into laptop terminal') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so for an instance the region does not have', async () => {
    await openConnect('i-0123456789abcdef0');
    expect(getByRole(main(), 'alert').textContent).toContain('Instance i-0123456789abcdef0 was not found');
  });

  it('speaks Korean: 인스턴스에 연결, SSH 클라이언트, 노트북 터미널에 입력', async () => {
    const id = ubuntuWithKey();
    await openConnect(id, 'ko');
    expect(getByRole(main(), 'heading', '인스턴스에 연결')).toBeTruthy();
    expect(getByRole(main(), 'tab', 'SSH 클라이언트').getAttribute('aria-selected')).toBe('true');
    expect(main().textContent).toContain(
      '프라이빗 키 파일을 찾습니다. 이 인스턴스를 시작하는 데 사용되는 키는 lab-key.pem입니다.',
    );
    expect(getByRole(main(), 'button', '노트북 터미널에 입력')).toBeTruthy();
  });
});
