/**
 * Actions → Instance settings in real Chromium against real browser mode: termination protection
 * stops a terminate with AWS's error until it is turned off; a stopped instance changes its type
 * (and its user data, base64 through the web door and back) and starts as the new type.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { useLabSession } from './support/lab-session';

const UI_TIMEOUT = 15_000;

const lab = useLabSession();

function rowOf(name: string): Locator {
  return lab.page.getByRole('row').filter({ hasText: name });
}

async function expectState(name: string, state: string): Promise<void> {
  await expect.poll(() => rowOf(name).first().innerText(), { timeout: UI_TIMEOUT }).toContain(state);
}

async function expectOne(locator: Locator): Promise<void> {
  await expect.poll(() => locator.count(), { timeout: UI_TIMEOUT }).toBe(1);
}

async function skipOneMinute(): Promise<void> {
  await lab.page.getByRole('button', { name: 'Skip 1 min' }).click();
}

async function chooseState(action: string, confirm?: string): Promise<void> {
  await lab.page.getByRole('button', { name: 'Instance state' }).click();
  await lab.page.getByRole('menuitem', { name: action }).click();
  if (confirm) await lab.page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
}

/** Actions → Instance settings → `item`; answers the dialog once it has read the current value. */
async function openSetting(item: string): Promise<Locator> {
  await lab.page.getByRole('button', { name: 'Actions', exact: true }).click();
  await lab.page
    .getByRole('menu', { name: 'Actions' })
    .getByRole('group', { name: 'Instance settings' })
    .getByRole('menuitem', { name: item })
    .click();
  const dialog = lab.page.getByRole('dialog', { name: item });
  await expectOne(dialog);
  await expect.poll(() => dialog.getByText('Loading…').count(), { timeout: UI_TIMEOUT }).toBe(0);
  return dialog;
}

async function setTerminationProtection(enabled: boolean): Promise<void> {
  const dialog = await openSetting('Change termination protection');
  const checkbox = dialog.getByRole('checkbox', { name: 'Enable' });
  await expect.poll(() => checkbox.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
  expect(await checkbox.isChecked()).toBe(!enabled);
  await checkbox.setChecked(enabled);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => dialog.count(), { timeout: UI_TIMEOUT }).toBe(0);
}

function detailValue(label: string): Locator {
  return lab.page
    .getByRole('region', { name: /^Details of instance/ })
    .locator('dt', { hasText: label })
    .locator('+ dd');
}

async function launch(name: string): Promise<string> {
  await lab.page.goto(`${lab.server.url}?lang=en#/launch`);
  await lab.page.getByRole('textbox', { name: 'Name' }).fill(name);
  await lab.page.getByRole('radio', { name: 'Amazon Linux' }).check();
  await lab.page.getByRole('combobox', { name: 'Instance type' }).selectOption('t3.micro');
  await lab.page.getByRole('button', { name: 'Launch instance', exact: true }).click();
  const banner = lab.page.getByRole('status').filter({ hasText: 'Successfully initiated launch of instance' });
  await expectOne(banner);
  const id = /\((i-[0-9a-f]{17})\)/.exec(await banner.innerText())![1]!;
  await expectState(name, 'Pending');
  await skipOneMinute();
  await expectState(name, 'Running');
  return id;
}

describe('Actions → Instance settings', () => {
  it('termination protection refuses a terminate until it is turned off', async () => {
    const id = await launch('settings-protected');
    // The launch opened the list with the new instance selected.
    await expect.poll(() => rowOf('settings-protected').getByRole('checkbox').isChecked()).toBe(true);
    await expect
      .poll(() => detailValue('Termination protection').innerText(), { timeout: UI_TIMEOUT })
      .toBe('Disabled');

    await setTerminationProtection(true);
    await expectOne(
      lab.page.getByRole('status').filter({ hasText: `Successfully changed termination protection for ${id}` }),
    );
    await expect.poll(() => detailValue('Termination protection').innerText(), { timeout: UI_TIMEOUT }).toBe('Enabled');

    await chooseState('Terminate (delete) instance', 'Terminate (delete)');
    const alert = lab.page.getByRole('alert').filter({ hasText: 'OperationNotPermitted' });
    await expectOne(alert);
    expect(await alert.innerText()).toContain(`The instance '${id}' may not be terminated.`);
    await expectState('settings-protected', 'Running');

    await setTerminationProtection(false);
    await expect
      .poll(() => detailValue('Termination protection').innerText(), { timeout: UI_TIMEOUT })
      .toBe('Disabled');
    await chooseState('Terminate (delete) instance', 'Terminate (delete)');
    await expectState('settings-protected', 'Shutting-down');
  });

  it('changes the type of a stopped instance, which then starts as that type', async () => {
    await launch('settings-resize');
    await chooseState('Stop instance', 'Stop');
    await expectState('settings-resize', 'Stopping');
    await skipOneMinute();
    await expectState('settings-resize', 'Stopped');

    const dialog = await openSetting('Change instance type');
    const types = dialog.getByRole('combobox', { name: 'New instance type' });
    await expect.poll(() => types.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await types.inputValue()).toBe('t3.micro');
    await types.selectOption('t3.small');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count(), { timeout: UI_TIMEOUT }).toBe(0);
    await expectState('settings-resize', 't3.small');

    await chooseState('Start instance');
    await expectState('settings-resize', 'Pending');
    await skipOneMinute();
    await expectState('settings-resize', 'Running');
    expect(await rowOf('settings-resize').innerText()).toContain('t3.small');
  });

  it('edits user data while stopped and reads it back through the web door', async () => {
    await chooseState('Stop instance', 'Stop');
    await skipOneMinute();
    await expectState('settings-resize', 'Stopped');

    const script = '#!/bin/bash\necho "안녕하세요" > /tmp/hello.txt';
    let dialog = await openSetting('Edit user data');
    await dialog.getByRole('textbox', { name: 'User data' }).fill(script);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count(), { timeout: UI_TIMEOUT }).toBe(0);
    await expectOne(lab.page.getByRole('status').filter({ hasText: 'Successfully edited user data' }));

    dialog = await openSetting('Edit user data');
    const field = dialog.getByRole('textbox', { name: 'User data' });
    await expect.poll(() => field.inputValue(), { timeout: UI_TIMEOUT }).toBe(script);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
