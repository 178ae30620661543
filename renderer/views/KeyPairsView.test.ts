// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { getActivePinia } from 'pinia';
import { defineComponent, h } from 'vue';
import KeyPairsView from './KeyPairsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { captureDownloads } from '../testing/downloads';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(KeyPairsView)]));
const body = () => document.body;
let downloads: ReturnType<typeof captureDownloads>;

/** An Ed25519 public key made with `ssh-keygen -t ed25519`, and what `ssh-keygen -lf` printed for it. */
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOI6GIEQaq+HPA7Vf9jTvbbOlkqGbyHSAcPEbkaR5qyN learner@laptop';
const SSH_KEYGEN_FINGERPRINT = 'SHA256:xgntWcW9saxp233kcuDtW+9ElNw1RyCXUCLo9iFk9/E';

beforeEach(() => {
  location.hash = '#/key-pairs';
  downloads = captureDownloads();
});
afterEach(() => downloads.restore());

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(root: HTMLElement, role: string, name: string, value: string): Promise<void> {
  const input = getByRole(root, role, name) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function check(root: HTMLElement, name: string): Promise<void> {
  const radio = getByRole(root, 'radio', name) as HTMLInputElement;
  radio.checked = true;
  radio.dispatchEvent(new Event('change'));
  await flushPromises();
}

/** The row whose Name cell is `name`. */
function rowOf(name: string): HTMLElement {
  const rows = queryAllByRole(body(), 'row').filter(
    (row) => (row as HTMLTableRowElement).cells[1]?.textContent === name,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function openCreate(): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', 'Create key pair'));
  return getByRole(body(), 'dialog', 'Create key pair');
}

describe('KeyPairsView', () => {
  it('creates an RSA key pair: the private key downloads once as <name>.pem and the row appears', async () => {
    const { lab, bridge } = await mountLab(Page);
    const dialog = await openCreate();
    expect(dialog.textContent).toContain('Save it now: this is the only time you can get the private key.');
    expect(dialog.textContent).toContain('The private key downloads as my-key.pem.');
    await type(dialog, 'textbox', 'Name', 'lab-key');
    await click(getByRole(dialog, 'button', 'Create key pair'));

    expect(bridge.inputsOf('CreateKeyPair')).toEqual([{ KeyName: 'lab-key', KeyType: 'rsa', KeyFormat: 'pem' }]);
    const [file, ...others] = await downloads.files();
    expect(others).toEqual([]);
    expect(file!.fileName).toBe('lab-key.pem');
    expect(file!.text).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n?$/);
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);

    const [described] = lab.ec2('DescribeKeyPairs', {}).KeyPairs!;
    const row = rowOf('lab-key');
    expect(row.textContent).toContain('rsa');
    expect(row.textContent).toContain(described!.KeyFingerprint);
    expect(row.textContent).toContain(described!.KeyPairId);
    expect(getByText(body(), 'status', /Successfully created key pair lab-key/).textContent).toContain(
      'Its private key was downloaded as lab-key.pem; the lab laptop has it at ~/Downloads/lab-key.pem.',
    );
    // The simulated laptop got the same file, as a browser leaves a download (mode 0644).
    expect(lab.lab('DescribeLaptopFiles', {}).Files).toEqual([
      expect.objectContaining({ Path: '/home/learner/Downloads/lab-key.pem', Mode: 0o644, Size: file!.text.length }),
    ]);
    // Nothing in the console keeps the private key once it is saved.
    expect(JSON.stringify(getActivePinia()!.state.value)).not.toContain('PRIVATE KEY');
  });

  it('creates an ED25519 key pair as a .ppk file, as AWS allows', async () => {
    await mountLab(Page);
    const dialog = await openCreate();
    await type(dialog, 'textbox', 'Name', 'putty-key');
    await check(dialog, 'ED25519');
    await check(dialog, '.ppk');
    expect(dialog.textContent).toContain('The private key downloads as putty-key.ppk.');
    await click(getByRole(dialog, 'button', 'Create key pair'));
    const [file] = await downloads.files();
    expect(file!.fileName).toBe('putty-key.ppk');
    expect(file!.text).toMatch(/^PuTTY-User-Key-File-\d: ssh-ed25519\n/);
    expect(rowOf('putty-key').textContent).toContain('ed25519');
  });

  it('shows AWS’s error for a duplicate name, and downloads nothing', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'taken' });
    await mountLab(Page, { lab });
    const dialog = await openCreate();
    await type(dialog, 'textbox', 'Name', 'taken');
    await click(getByRole(dialog, 'button', 'Create key pair'));
    expect(getByRole(dialog, 'alert').textContent).toBe(
      "InvalidKeyPair.Duplicate: The keypair 'taken' already exists.",
    );
    expect(await downloads.files()).toEqual([]);
    expect(lab.ec2('DescribeKeyPairs', {}).KeyPairs).toHaveLength(1);
  });

  it('checks the name before calling AWS', async () => {
    const { bridge } = await mountLab(Page);
    const dialog = await openCreate();
    await click(getByRole(dialog, 'button', 'Create key pair'));
    expect(getByRole(dialog, 'alert').textContent).toContain('Enter a name for the key pair.');
    await type(dialog, 'textbox', 'Name', ' padded');
    expect(getByRole(dialog, 'alert').textContent).toContain('can’t include leading or trailing spaces');
    await type(dialog, 'textbox', 'Name', '키');
    expect(getByRole(dialog, 'alert').textContent).toContain('only ASCII characters');
    expect(bridge.inputsOf('CreateKeyPair')).toEqual([]);
  });

  it('imports a pasted public key with its tags, with the fingerprint ssh-keygen shows', async () => {
    const { lab } = await mountLab(Page);
    await click(getByRole(body(), 'button', 'Actions'));
    await click(getByRole(body(), 'menuitem', 'Import key pair'));
    const dialog = getByRole(body(), 'dialog', 'Import key pair');
    await type(dialog, 'textbox', 'Name', 'laptop');
    await type(dialog, 'textbox', 'Public key contents', PUBLIC_KEY);
    await click(getByRole(dialog, 'button', 'Add new tag'));
    await type(dialog, 'textbox', 'Key 1', 'owner');
    await type(dialog, 'textbox', 'Value 1', 'learner');
    await click(getByRole(dialog, 'button', 'Import key pair'));

    const [described] = lab.ec2('DescribeKeyPairs', {}).KeyPairs!;
    // AWS shows an Ed25519 fingerprint as ssh-keygen's SHA256, base64 with its padding.
    expect(described!.KeyFingerprint).toBe(`${SSH_KEYGEN_FINGERPRINT.slice('SHA256:'.length)}=`);
    expect(described!.Tags).toEqual([{ Key: 'owner', Value: 'learner' }]);
    const row = rowOf('laptop');
    expect(row.textContent).toContain(described!.KeyFingerprint);
    expect(row.textContent).toContain('owner = learner');
    expect(getByText(body(), 'status', /Successfully imported key pair laptop/)).toBeTruthy();
    expect(await downloads.files()).toEqual([]);
  });

  it('imports a chosen public key file, and shows InvalidKey.Format for one that is not a key', async () => {
    const { lab, wrapper } = await mountLab(Page);
    await click(getByRole(body(), 'button', 'Actions'));
    await click(getByRole(body(), 'menuitem', 'Import key pair'));
    const dialog = getByRole(body(), 'dialog', 'Import key pair');
    await type(dialog, 'textbox', 'Name', 'from-file');
    const input = wrapper.find('input[type="file"]');
    Object.defineProperty(input.element, 'files', {
      value: [new File(['not a key\n'], 'id_ed25519.pub')],
      configurable: true,
    });
    await input.trigger('change');
    await flushPromises();
    expect((getByRole(dialog, 'textbox', 'Public key contents') as HTMLTextAreaElement).value).toBe('not a key\n');
    await click(getByRole(dialog, 'button', 'Import key pair'));
    expect(getByRole(dialog, 'alert').textContent).toBe(
      'InvalidKey.Format: Key is not in valid OpenSSH public key format',
    );
    expect(lab.ec2('DescribeKeyPairs', {}).KeyPairs).toEqual([]);

    Object.defineProperty(input.element, 'files', { value: [new File([PUBLIC_KEY], 'id_ed25519.pub')] });
    await input.trigger('change');
    await flushPromises();
    await click(getByRole(dialog, 'button', 'Import key pair'));
    expect(lab.ec2('DescribeKeyPairs', {}).KeyPairs!.map((keyPair) => keyPair.KeyName)).toEqual(['from-file']);
  });

  it('deletes the selected key pair after Delete is typed', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'keep' });
    const doomed = lab.ec2('CreateKeyPair', { KeyName: 'doomed' });
    const { bridge } = await mountLab(Page, { lab });
    await click(getByRole(body(), 'checkbox', 'Select doomed'));
    await click(getByRole(body(), 'button', 'Actions'));
    await click(getByRole(body(), 'menuitem', 'Delete'));
    const dialog = getByRole(body(), 'dialog', 'Delete key pair?');
    expect(dialog.textContent).toContain('delete the key pair doomed?');
    const confirm = getByRole(dialog, 'button', 'Delete') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await type(dialog, 'textbox', 'Confirm deletion', 'Delete');
    await click(confirm);
    expect(bridge.inputsOf('DeleteKeyPair')).toEqual([{ KeyPairId: doomed.KeyPairId }]);
    expect(lab.ec2('DescribeKeyPairs', {}).KeyPairs!.map((keyPair) => keyPair.KeyName)).toEqual(['keep']);
    expect(queryAllByRole(body(), 'row', /doomed/)).toHaveLength(0);
    expect(getByText(body(), 'status', /Successfully deleted key pair doomed/)).toBeTruthy();
  });

  it('shows a key pair another client made, and speaks Korean', async () => {
    const lab = createEngineLab();
    const { lab: same } = await mountLab(Page, { lab, locale: 'ko' });
    same.ec2('CreateKeyPair', { KeyName: 'from-cli', KeyType: 'ed25519' });
    await flushPromises();
    expect(rowOf('from-cli').textContent).toContain('ed25519');
    for (const column of ['이름', '유형', '생성됨', '지문', 'ID', '태그']) {
      expect(getByRole(body(), 'columnheader', new RegExp(`^${column}`))).toBeTruthy();
    }
    await click(getByRole(body(), 'button', '키 페어 생성'));
    const dialog = getByRole(body(), 'dialog', '키 페어 생성');
    expect(getByRole(dialog, 'radio', 'ED25519')).toBeTruthy();
    expect(dialog.textContent).toContain('프라이빗 키 파일 형식');
    expect(dialog.textContent).toContain('AWS는 사본을 보관하지 않으며');
  });
});
