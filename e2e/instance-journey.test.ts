/**
 * The main journey in real Chromium against real browser mode: launch an instance through the
 * wizard, watch it reach running, stop / start / terminate it, restart the server (cleanly and with
 * kill -9) and find the state as it was. Each test launches the instances it needs, under its own
 * names, so any one of them can run alone or in any order.
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('an instance from launch to termination, across restarts', () => {
  it('launches through the wizard and reaches running', async () => {
    await consolePage.open('instances');
    await consolePage.page.getByRole('button', { name: 'Launch instances' }).click();
    const id = await consolePage.submitWizard('journey-launch', { image: 'Amazon Linux' });
    await consolePage.skipOneMinute();
    await consolePage.expectState('journey-launch', 'Running');
    expect(await consolePage.row('journey-launch').innerText()).toContain(id);
  });

  it('greys out an action AWS would refuse, and says why', async () => {
    // Still pending: AWS refuses to stop it, so the menu offers no Stop and tells the reason.
    const id = await consolePage.launch('journey-pending');
    await consolePage.selectOnly('journey-pending');
    await consolePage.page.getByRole('button', { name: 'Instance state' }).click();
    const stop = consolePage.page.getByRole('menuitem', { name: 'Stop instance' });
    expect(await stop.getAttribute('aria-disabled')).toBe('true');
    expect(await stop.getAttribute('title')).toBe(`Instance ${id} is pending: it cannot be stopped from this state.`);
    await stop.click({ force: true });
    expect(await consolePage.page.getByRole('dialog').count()).toBe(0);
    await consolePage.expectState('journey-pending', 'Pending');
  });

  it('stops and starts the instance', async () => {
    await consolePage.launchRunning('journey-stop-start');
    await consolePage.selectOnly('journey-stop-start');
    await consolePage.chooseState('Stop instance', 'Stop');
    await consolePage.expectState('journey-stop-start', 'Stopping');
    await consolePage.skipOneMinute();
    await consolePage.expectState('journey-stop-start', 'Stopped');

    await consolePage.chooseState('Start instance');
    await consolePage.expectState('journey-stop-start', 'Pending');
    await consolePage.skipOneMinute();
    await consolePage.expectState('journey-stop-start', 'Running');
  });

  it('finds the lab as it was after a clean restart and after kill -9', async () => {
    const running = await consolePage.launchRunning('journey-restart-running');
    await consolePage.launchRunning('journey-restart-stopped');
    await consolePage.selectOnly('journey-restart-stopped');
    await consolePage.chooseState('Stop instance', 'Stop');
    await consolePage.skipOneMinute();
    await consolePage.expectState('journey-restart-stopped', 'Stopped');

    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      await lab.restart(signal);
      await consolePage.open('instances');
      await consolePage.expectState('journey-restart-running', 'Running');
      expect(await consolePage.row('journey-restart-running').innerText()).toContain(running);
      await consolePage.expectState('journey-restart-stopped', 'Stopped');
    }
  });

  it('terminates the instance after confirmation', async () => {
    await consolePage.launchRunning('journey-terminate');
    await consolePage.selectOnly('journey-terminate');
    await consolePage.chooseState('Terminate (delete) instance', 'Terminate (delete)');
    await consolePage.expectState('journey-terminate', 'Shutting-down');
    await consolePage.skipOneMinute();
    await consolePage.expectState('journey-terminate', 'Terminated');
  });
});

describe('the console language', () => {
  it('follows ?lang=ko and switches to English from the language menu', async () => {
    const korean = new ConsolePage(lab, 'ko');
    await korean.open('instances');
    await expectOne(korean.page.getByRole('button', { name: '인스턴스 시작', exact: true }));
    await korean.page.getByRole('combobox', { name: /언어|Language/ }).selectOption('en');
    await expectOne(korean.page.getByRole('button', { name: 'Launch instances' }));
  });
});
