/**
 * Security groups in the console, in real Chromium against real browser mode: create a key pair
 * (its private key downloads), create a security group with SSH from My IP, launch an instance with
 * both, skip lab time until its status checks pass and see the Security tab say SSH from My IP is
 * allowed; revoke the rule and see it say blocked, and why. EC2 User Guide: ec2-security-groups.
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('security groups in the console', () => {
  it('allows SSH from My IP once the instance is up, and blocks it after the rule is revoked', async () => {
    const page = consolePage.page;
    await consolePage.open('key-pairs');
    await page.getByRole('button', { name: 'Create key pair', exact: true }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Create key pair' });
    await keyDialog.getByRole('textbox', { name: 'Name' }).fill('sg-journey-key');
    const downloading = page.waitForEvent('download', { timeout: UI_TIMEOUT });
    await keyDialog.getByRole('button', { name: 'Create key pair' }).click();
    expect((await downloading).suggestedFilename()).toBe('sg-journey-key.pem');

    await consolePage.open('security-groups');
    await page.getByRole('button', { name: 'Create security group', exact: true }).click();
    const groupDialog = page.getByRole('dialog', { name: 'Create security group' });
    await groupDialog.getByRole('textbox', { name: 'Security group name' }).fill('ssh-from-me');
    await groupDialog.getByRole('textbox', { name: 'Description', exact: true }).fill('SSH from my laptop');
    const inbound = groupDialog.getByRole('region', { name: 'Inbound rules' });
    await inbound.getByRole('button', { name: 'Add rule' }).click();
    const rule = inbound.getByRole('group', { name: 'Rule 1' });
    await rule.getByRole('combobox', { name: 'Type' }).selectOption('ssh');
    await rule.getByRole('combobox', { name: 'Source' }).selectOption('my-ip');
    const myCidr = await rule.getByRole('combobox', { name: 'CIDR block' }).inputValue();
    expect(myCidr).toMatch(/^203\.0\.113\.\d{1,3}\/32$/);
    const myIp = myCidr.replace('/32', '');
    await groupDialog.getByRole('button', { name: 'Create security group' }).click();
    await consolePage.expectBanner('was created successfully');
    const groupRow = page.getByRole('row').filter({ hasText: 'ssh-from-me' });
    await expectOne(groupRow);
    const groupId = /sg-[0-9a-f]{17}/.exec(await groupRow.innerText())![0];

    await consolePage.open('launch');
    await page.getByRole('combobox', { name: 'Key pair name' }).selectOption('sg-journey-key');
    await page.getByRole('radio', { name: 'Select existing security group' }).check();
    await page.getByRole('checkbox', { name: `ssh-from-me (${groupId})` }).check();
    await consolePage.submitWizard('guarded');
    await consolePage.selectOnly('guarded');
    await page.getByRole('tab', { name: 'Security' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.innerText(), { timeout: UI_TIMEOUT }).toContain(`${groupId} (ssh-from-me)`);
    expect(await panel.innerText()).toContain('sg-journey-key');
    const reachability = panel.getByRole('region', { name: `Reachability: SSH from My IP (${myIp})` });
    await expect.poll(() => reachability.innerText(), { timeout: UI_TIMEOUT }).toContain('Blocked because');

    // Lab time until the status checks pass (at most ten minutes of it).
    for (let minute = 0; minute < 10 && !(await reachability.innerText()).includes('Allowed'); minute += 1) {
      await consolePage.skipOneMinute();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => reachability.innerText(), { timeout: UI_TIMEOUT }).toContain('Allowed');

    await consolePage.open('security-groups');
    await page.getByRole('row').filter({ hasText: 'ssh-from-me' }).click();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Edit inbound rules' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit inbound rules' });
    await editDialog.getByRole('group', { name: 'Rule 1' }).getByRole('button', { name: 'Delete' }).click();
    await editDialog.getByRole('button', { name: 'Save rules' }).click();
    await consolePage.expectBanner(`Security group rules of ${groupId} were updated`);

    await consolePage.open('instances');
    await consolePage.selectOnly('guarded');
    await page.getByRole('tab', { name: 'Security' }).click();
    await expect
      .poll(() => reachability.innerText(), { timeout: UI_TIMEOUT })
      .toContain(`No inbound rule allows SSH (TCP 22) from ${myIp} in ${groupId}.`);
    expect(await reachability.innerText()).toContain('Blocked because');
  });
});
