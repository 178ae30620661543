/**
 * Actions → Instance settings in real Chromium against real browser mode: termination protection
 * stops a terminate with AWS's error until it is turned off; a stopped instance changes its type
 * (and its user data, base64 through the web door and back) and starts as the new type. Each test
 * launches its own instance, so any one of them can run alone.
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectNone, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

async function setTerminationProtection(enabled: boolean): Promise<void> {
  const dialog = await consolePage.openSetting('Change termination protection');
  const checkbox = dialog.getByRole('checkbox', { name: 'Enable' });
  await expect.poll(() => checkbox.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
  expect(await checkbox.isChecked()).toBe(!enabled);
  await checkbox.setChecked(enabled);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expectNone(dialog);
}

/** Launches `name`, lets it run, then stops it and waits for stopped. */
async function launchStopped(name: string): Promise<void> {
  await consolePage.launchRunning(name);
  await consolePage.selectOnly(name);
  await consolePage.chooseState('Stop instance', 'Stop');
  await consolePage.expectState(name, 'Stopping');
  await consolePage.skipOneMinute();
  await consolePage.expectState(name, 'Stopped');
}

describe('Actions → Instance settings', () => {
  it('termination protection holds back a terminate until it is turned off', async () => {
    const id = await consolePage.launchRunning('settings-protected');
    // The launch opened the list with the new instance selected.
    await expect.poll(() => consolePage.row('settings-protected').getByRole('checkbox').isChecked()).toBe(true);
    const protection = consolePage.detailValue('Termination protection');
    await expect.poll(() => protection.innerText(), { timeout: UI_TIMEOUT }).toBe('Disabled');

    await setTerminationProtection(true);
    await consolePage.expectBanner(`Successfully changed termination protection for ${id}`);
    await expect.poll(() => protection.innerText(), { timeout: UI_TIMEOUT }).toBe('Enabled');

    // AWS would refuse (OperationNotPermitted): the menu greys Terminate out and says why.
    await consolePage.page.getByRole('button', { name: 'Instance state' }).click();
    const terminate = consolePage.page.getByRole('menuitem', { name: 'Terminate (delete) instance' });
    await expect.poll(() => terminate.getAttribute('aria-disabled'), { timeout: UI_TIMEOUT }).toBe('true');
    expect(await terminate.getAttribute('title')).toBe(
      `Termination protection is on for instance ${id}. Turn it off under Actions › Instance settings first.`,
    );
    await consolePage.page.keyboard.press('Escape');
    await consolePage.expectState('settings-protected', 'Running');

    await setTerminationProtection(false);
    await expect.poll(() => protection.innerText(), { timeout: UI_TIMEOUT }).toBe('Disabled');
    await consolePage.chooseState('Terminate (delete) instance', 'Terminate (delete)');
    await consolePage.expectState('settings-protected', 'Shutting-down');
  });

  it('changes the type of a stopped instance, which then starts as that type', async () => {
    await launchStopped('settings-resize');

    const dialog = await consolePage.openSetting('Change instance type');
    const types = dialog.getByRole('combobox', { name: 'New instance type' });
    await expect.poll(() => types.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await types.inputValue()).toBe('t3.micro');
    await types.selectOption('t3.small');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expectNone(dialog);
    await consolePage.expectState('settings-resize', 't3.small');

    await consolePage.chooseState('Start instance');
    await consolePage.expectState('settings-resize', 'Pending');
    await consolePage.skipOneMinute();
    await consolePage.expectState('settings-resize', 'Running');
    expect(await consolePage.row('settings-resize').innerText()).toContain('t3.small');
  });

  it('edits user data while stopped and reads it back through the web door', async () => {
    await launchStopped('settings-user-data');

    const script = '#!/bin/bash\necho "안녕하세요" > /tmp/hello.txt';
    let dialog = await consolePage.openSetting('Edit user data');
    await dialog.getByRole('textbox', { name: 'User data' }).fill(script);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectNone(dialog);
    await consolePage.expectBanner('Successfully edited user data');

    dialog = await consolePage.openSetting('Edit user data');
    const field = dialog.getByRole('textbox', { name: 'User data' });
    await expect.poll(() => field.inputValue(), { timeout: UI_TIMEOUT }).toBe(script);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
