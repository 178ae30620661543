/**
 * The main journey in real Chromium against real browser mode: launch an instance through the
 * wizard, watch it reach running, stop / start / terminate it, restart the server (cleanly and with
 * kill -9) and find the state as it was.
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

async function skipOneMinute(): Promise<void> {
  await lab.page.getByRole('button', { name: 'Skip 1 min' }).click();
}

async function chooseAction(name: string, action: string, confirm?: string): Promise<void> {
  await lab.page.getByRole('button', { name: 'Instance state' }).click();
  await lab.page.getByRole('menuitem', { name: action }).click();
  if (confirm) await lab.page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
}

describe('an instance from launch to termination, across restarts', () => {
  let instanceId = '';

  it('launches through the wizard and reaches running', async () => {
    await lab.page.goto(`${lab.server.url}?lang=en#/instances`);
    await lab.page.getByRole('button', { name: 'Launch instances' }).click();
    await lab.page.getByRole('textbox', { name: 'Name' }).fill('e2e-web');
    await lab.page.getByRole('radio', { name: 'Amazon Linux' }).check();
    await lab.page.getByRole('combobox', { name: 'Instance type' }).selectOption('t3.micro');
    await lab.page.getByRole('button', { name: 'Launch instance', exact: true }).click();

    const banner = lab.page.getByRole('status').filter({ hasText: 'Successfully initiated launch of instance' });
    await expect.poll(() => banner.count(), { timeout: UI_TIMEOUT }).toBe(1);
    instanceId = /\((i-[0-9a-f]{17})\)/.exec(await banner.innerText())![1]!;

    await expectState('e2e-web', 'Pending');
    await skipOneMinute();
    await expectState('e2e-web', 'Running');
    expect(await rowOf('e2e-web').innerText()).toContain(instanceId);
  });

  it('shows AWS error text for a refused action', async () => {
    // A second instance, still pending: stopping it is refused as on AWS.
    await lab.page.goto(`${lab.server.url}?lang=en#/launch`);
    await lab.page.getByRole('textbox', { name: 'Name' }).fill('e2e-pending');
    await lab.page.getByRole('combobox', { name: 'Instance type' }).selectOption('t3.micro');
    await lab.page.getByRole('button', { name: 'Launch instance', exact: true }).click();
    await expectState('e2e-pending', 'Pending');
    await lab.page.getByRole('checkbox', { name: 'Select all instances' }).uncheck();
    await rowOf('e2e-pending').getByRole('checkbox').check();
    await chooseAction('e2e-pending', 'Stop instance', 'Stop');
    const alert = lab.page.getByRole('alert').filter({ hasText: 'IncorrectInstanceState' });
    await expect.poll(() => alert.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await alert.innerText()).toContain("cannot be stopped as it has never reached the 'running' state.");
    await rowOf('e2e-pending').getByRole('checkbox').uncheck();
  });

  it('stops and starts the instance', async () => {
    await rowOf('e2e-web').getByRole('checkbox').check();
    await chooseAction('e2e-web', 'Stop instance', 'Stop');
    await expectState('e2e-web', 'Stopping');
    await skipOneMinute();
    await expectState('e2e-web', 'Stopped');

    await chooseAction('e2e-web', 'Start instance');
    await expectState('e2e-web', 'Pending');
    await skipOneMinute();
    await expectState('e2e-web', 'Running');
  });

  it('finds the lab as it was after a clean restart and after kill -9', async () => {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await lab.restart(signal);
      await lab.page.goto(`${lab.server.url}?lang=en#/instances`);
      await expectState('e2e-web', 'Running');
      expect(await rowOf('e2e-web').innerText()).toContain(instanceId);
      await expectState('e2e-pending', 'Running');
    }
  });

  it('terminates the instance after confirmation', async () => {
    await rowOf('e2e-web').getByRole('checkbox').check();
    await chooseAction('e2e-web', 'Terminate (delete) instance', 'Terminate (delete)');
    await expectState('e2e-web', 'Shutting-down');
    await skipOneMinute();
    await expectState('e2e-web', 'Terminated');
  });
});

describe('the console in Korean', () => {
  it('follows ?lang=ko and switches to English from the language menu', async () => {
    await lab.page.goto(`${lab.server.url}?lang=ko#/instances`);
    await expect
      .poll(() => lab.page.getByRole('button', { name: '인스턴스 시작' }).count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
    await lab.page.getByRole('combobox', { name: /언어|Language/ }).selectOption('en');
    await expect
      .poll(() => lab.page.getByRole('button', { name: 'Launch instances' }).count(), { timeout: UI_TIMEOUT })
      .toBe(1);
  });
});
