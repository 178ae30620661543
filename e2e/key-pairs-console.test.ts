/**
 * Key pairs in the console, in real Chromium against real browser mode: create a key pair on the
 * Key pairs page and receive its private key as a download (a real key: ssh-keygen derives its
 * public key), launch an instance with it through the wizard, and see its key name on the instance.
 * EC2 User Guide: create-key-pairs.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('key pairs in the console', () => {
  it('creates a key pair, downloads its private key once, and launches an instance with it', async () => {
    const page = consolePage.page;
    await consolePage.open('key-pairs');
    await page.getByRole('button', { name: 'Create key pair', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Create key pair' });
    await expect.poll(() => dialog.innerText(), { timeout: UI_TIMEOUT }).toContain('Save it now');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('console-key');

    const downloading = page.waitForEvent('download', { timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Create key pair' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('console-key.pem');
    const file = await download.path();
    const privateKey = readFileSync(file, 'utf8');
    expect(privateKey.startsWith('-----BEGIN')).toBe(true);
    chmodSync(file, 0o600);
    const publicKey = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' });
    expect(publicKey).toMatch(/^ssh-rsa AAAA/);

    await consolePage.expectBanner('Successfully created key pair console-key');
    const row = page.getByRole('row').filter({ hasText: 'console-key' });
    await expectOne(row);
    expect(await row.innerText()).toMatch(/rsa[\s\S]*key-[0-9a-f]{17}/);

    await consolePage.open('launch');
    await page.getByRole('combobox', { name: 'Key pair name' }).selectOption('console-key');
    const id = await consolePage.submitWizard('keyed-instance');
    expect(await consolePage.row('keyed-instance').innerText()).toContain('console-key');
    await consolePage.selectOnly('keyed-instance');
    await expect
      .poll(() => consolePage.detailValue('Key pair assigned at launch').innerText(), { timeout: UI_TIMEOUT })
      .toBe('console-key');
    expect(await consolePage.row('keyed-instance').innerText()).toContain(id);
  });
});
