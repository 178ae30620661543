/**
 * The Instances page as a learner meets it in real Chromium against real browser mode: the Instance
 * state menu greys out what AWS would refuse and says why, the Stop and Terminate confirmations say
 * what is lost and what stays, the lifecycle diagram lights the path taken, the address follows the
 * selection, and a refusal that races the menu (the instance terminated by a script meanwhile) shows
 * AWS's own error text.
 */
import { DescribeInstancesCommand, EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const KEY_ID = 'AKIAE2ETESTKEY000002';
const SECRET = 'e2eSecretKeyForTheStateMenuOnlyxxxxxxxxx';
const lab = useLabSession({ env: { EC2LAB_ACCESS_KEY_ID: KEY_ID, EC2LAB_SECRET_ACCESS_KEY: SECRET } });
const consolePage = new ConsolePage(lab);

function sdk(): EC2Client {
  return new EC2Client({
    endpoint: lab.server.apiUrl,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
  });
}

/** Whether a menu item is greyed out, with the reason on hover and the description read out. */
async function itemState(item: Locator): Promise<{ greyed: boolean; hover: string | null; description: string }> {
  return {
    greyed: (await item.getAttribute('aria-disabled')) === 'true',
    hover: await item.getAttribute('title'),
    description: await item.evaluate(
      (element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '',
    ),
  };
}

async function litArrows(): Promise<(string | null)[]> {
  return consolePage.page
    .locator('[data-testid="state-diagram"] .diagram__edge--lit')
    .evaluateAll((edges) => edges.map((edge) => edge.getAttribute('data-edge')));
}

describe('the Instance state menu and its confirmations', () => {
  it('greys out what AWS would refuse, confirms with its warnings and lights the path taken', async () => {
    const page = consolePage.page;
    const id = await consolePage.launchRunning('menu-journey');
    await consolePage.selectOnly('menu-journey');
    await expect.poll(() => page.url(), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`#/instances/${id}$`));

    await page.getByRole('button', { name: 'Instance state' }).click();
    const menu = page.getByRole('menu', { name: 'Instance state' });
    const start = menu.getByRole('menuitem', { name: 'Start instance' });
    expect(await itemState(start)).toEqual({
      greyed: true,
      hover: `Instance ${id} is already running.`,
      description: `Instance ${id} is already running.`,
    });
    const hibernate = menu.getByRole('menuitem', { name: 'Hibernate instance' });
    await hibernate.hover();
    expect((await itemState(hibernate)).hover).toBe(
      `Instance ${id} was launched without hibernation. Hibernation must be enabled when the instance is launched.`,
    );
    // A greyed-out item is reachable but does nothing: the menu stays open, no dialog.
    await hibernate.click({ force: true });
    expect(await page.getByRole('dialog').count()).toBe(0);

    const address = (await page.getByRole('row').filter({ hasText: 'menu-journey' }).innerText()).match(
      /\d+\.\d+\.\d+\.\d+/,
    )?.[0];
    await menu.getByRole('menuitem', { name: 'Stop instance' }).click();
    let dialog = page.getByRole('dialog', { name: 'Stop instance?' });
    await expectOne(dialog);
    const publicAddress = (await sdk().send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!
      .Instances![0]!.PublicIpAddress!;
    expect(address).toBe(publicAddress);
    expect(await dialog.innerText()).toContain(
      `${id}: its auto-assigned public IPv4 address ${publicAddress} is released.`,
    );
    expect(await dialog.innerText()).toMatch(new RegExp(`${id}: its root EBS volume vol-[0-9a-f]{17} is kept`));
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    await consolePage.expectState('menu-journey', 'Stopping');
    await consolePage.skipOneMinute();
    await consolePage.expectState('menu-journey', 'Stopped');
    await expect.poll(litArrows, { timeout: UI_TIMEOUT }).toEqual(['stop', 'stopping-stopped']);

    await page.getByRole('button', { name: 'Instance state' }).click();
    expect((await itemState(menu.getByRole('menuitem', { name: 'Reboot instance' }))).hover).toBe(
      `Instance ${id} is stopped: it cannot be rebooted from this state.`,
    );
    await menu.getByRole('menuitem', { name: 'Terminate (delete) instance' }).click();
    dialog = page.getByRole('dialog', { name: 'Terminate (delete) instance?' });
    expect(await dialog.innerText()).toMatch(
      new RegExp(`${id}: its root volume vol-[0-9a-f]{17} is deleted \\(Delete on termination is on\\)`),
    );
    await dialog.getByRole('button', { name: 'Terminate (delete)', exact: true }).click();
    await consolePage.skipOneMinute();
    await consolePage.expectState('menu-journey', 'Terminated');
    // Terminated from Stopped: never a path through Running.
    await expect.poll(litArrows, { timeout: UI_TIMEOUT }).toEqual(['terminate-stopped', 'shutting-down-terminated']);
  });

  it("shows AWS's error text when the instance changed before the confirmation", async () => {
    const id = await consolePage.launchRunning('menu-race');
    await consolePage.selectOnly('menu-race');
    await consolePage.chooseState('Stop instance');
    await expectOne(consolePage.page.getByRole('dialog', { name: 'Stop instance?' }));
    await sdk().send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await consolePage.page.getByRole('dialog').getByRole('button', { name: 'Stop', exact: true }).click();
    const alert = await consolePage.expectAlert('IncorrectInstanceState');
    expect(await alert.innerText()).toContain(`The instance '${id}' is not in a state from which it can be stopped.`);
  });

  it('says when a link names an instance the region does not have', async () => {
    await consolePage.open('instances/i-0123456789abcdef0');
    await expectOne(
      consolePage.page
        .getByRole('alert')
        .filter({ hasText: 'Instance i-0123456789abcdef0 was not found in ap-northeast-2.' }),
    );
  });
});
