// @vitest-environment happy-dom
// The launch wizard's Key pair section, and the key name on the Instances page afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import LaunchInstanceView from './LaunchInstanceView.vue';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { captureDownloads } from '../testing/downloads';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole, queryAllByText } from '../testing/queries';

enableAutoUnmount(afterEach);
const Wizard = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchInstanceView)]));
const Instances = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));
const body = () => document.body;
const WARNING = /proceed without a key pair, but we don’t recommend it/;
let downloads: ReturnType<typeof captureDownloads>;

beforeEach(() => {
  location.hash = '#/launch';
  downloads = captureDownloads();
});
afterEach(() => downloads.restore());

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function choose(name: string, value: string): Promise<void> {
  const select = getByRole(body(), 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

function options(name: string): string[] {
  return [...(getByRole(body(), 'combobox', name) as HTMLSelectElement).options].map((option) => option.value);
}

describe('the launch wizard’s key pair', () => {
  it('lists the region’s key pairs, warns without one, and launches with the chosen KeyName', async () => {
    const lab = createEngineLab();
    const webKey = lab.ec2('CreateKeyPair', { KeyName: 'web-key' });
    lab.ec2('CreateKeyPair', { KeyName: 'admin-key', KeyType: 'ed25519' });
    const { bridge } = await mountLab(Wizard, { lab });
    expect(options('Key pair name')).toEqual(['', 'admin-key', 'web-key']);
    expect(getByText(body(), 'combobox', /Proceed without a key pair \(Not recommended\)/)).toBeTruthy();
    expect(body().textContent).toMatch(WARNING);

    await choose('Key pair name', 'web-key');
    expect(body().textContent).not.toMatch(WARNING);
    expect(body().textContent).toContain(`Type: rsa · Fingerprint: ${webKey.KeyFingerprint}`);
    await click(getByRole(body(), 'button', 'Launch instance'));

    expect(bridge.inputsOf('RunInstances').map((input) => input.KeyName)).toEqual(['web-key']);
    const id = /\((i-[0-9a-f]{17})\)/.exec(
      getByText(body(), 'status', /Successfully initiated launch/).textContent!,
    )![1]!;
    expect(lab.instance(id).KeyName).toBe('web-key');
    expect(getByText(body(), 'status', /Successfully initiated launch/).textContent).toContain('--key-name web-key');
  });

  it('launches without KeyName when the learner proceeds without a key pair', async () => {
    const { bridge, lab } = await mountLab(Wizard);
    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(bridge.inputsOf('RunInstances')[0]).not.toHaveProperty('KeyName');
    const [reservation] = lab.ec2('DescribeInstances', {}).Reservations!;
    expect(reservation!.Instances![0]!.KeyName).toBeUndefined();
  });

  it('creates a new key pair from the wizard: the private key downloads and the key pair is chosen', async () => {
    const { bridge, lab } = await mountLab(Wizard);
    await click(getByRole(body(), 'button', 'Create new key pair'));
    const dialog = getByRole(body(), 'dialog', 'Create key pair');
    const name = getByRole(dialog, 'textbox', 'Name') as HTMLInputElement;
    name.value = 'wizard-key';
    name.dispatchEvent(new Event('input'));
    await click(getByRole(dialog, 'button', 'Create key pair'));

    const files = await downloads.files();
    expect(files.map((file) => file.fileName)).toEqual(['wizard-key.pem']);
    expect(files[0]!.text.startsWith('-----BEGIN RSA PRIVATE KEY-----')).toBe(true);
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect((getByRole(body(), 'combobox', 'Key pair name') as HTMLSelectElement).value).toBe('wizard-key');

    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(bridge.inputsOf('RunInstances').map((input) => input.KeyName)).toEqual(['wizard-key']);
    const instance = lab.ec2('DescribeInstances', {}).Reservations![0]!.Instances![0]!;
    expect(instance.KeyName).toBe('wizard-key');
  });

  it('shows AWS’s error when RunInstances names a key pair deleted meanwhile', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'short-lived' });
    await mountLab(Wizard, { lab });
    await choose('Key pair name', 'short-lived');
    // Deleted by another client while the learner fills the wizard in.
    lab.ec2('DeleteKeyPair', { KeyName: 'short-lived' });
    await click(getByRole(body(), 'button', 'Launch instance'));
    const refusal = lab.ec2Error('RunInstances', {
      ImageId: lab.quickStart('amazon-linux').ImageId,
      MinCount: 1,
      MaxCount: 1,
      KeyName: 'short-lived',
    });
    expect(refusal.code).toBe('InvalidKeyPair.NotFound');
    expect(queryAllByText(body(), 'alert', new RegExp(`${refusal.code}: ${refusal.message}`)).length).toBeGreaterThan(
      0,
    );
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
  });

  it('speaks Korean', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'web-key' });
    await mountLab(Wizard, { lab, locale: 'ko' });
    expect(options('키 페어 이름')).toEqual(['', 'web-key']);
    expect(getByText(body(), 'combobox', /키 페어 없이 계속 진행\(권장되지 않음\)/)).toBeTruthy();
    await click(getByRole(body(), 'button', '새 키 페어 생성'));
    expect(getByRole(body(), 'dialog', '키 페어 생성')).toBeTruthy();
  });
});

describe('the key name of an instance', () => {
  it('shows in the Key name column and in the details', async () => {
    location.hash = '#/instances';
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'web-key' });
    const id = lab.launch({ KeyName: 'web-key' }).InstanceId!;
    await mountLab(Instances, { lab });
    const headers = queryAllByRole(body(), 'columnheader').map((header) => header.textContent!.replace(/[▲▼↕]/g, ''));
    const column = headers.indexOf('Key name');
    expect(column).toBeGreaterThan(0);
    const row = getByRole(body(), 'row', new RegExp(id));
    expect((row as HTMLTableRowElement).cells[column]!.textContent).toBe('web-key');

    await click(getByRole(row, 'link', id));
    const details = getByRole(body(), 'region', new RegExp(`^Details of instance`));
    const term = [...details.querySelectorAll('dt')].find((dt) => dt.textContent === 'Key pair assigned at launch')!;
    expect(term.nextElementSibling!.textContent).toBe('web-key');
  });
});
