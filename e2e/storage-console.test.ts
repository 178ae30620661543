/**
 * The Elastic Block Store pages in real Chromium against real browser mode, as the EBS User Guide
 * walks a learner through them: create a volume in the instance's Availability Zone, watch it
 * become available, attach it and see it in use, take a snapshot and watch its progress bar fill
 * as the lab clock runs, and meet AWS's VolumeInUse when deleting the attached volume.
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('volumes and snapshots in the console', () => {
  it('creates a volume, attaches it, snapshots it and watches the snapshot complete', async () => {
    const page = consolePage.page;
    const instanceId = await consolePage.launchRunning('storage-host');
    await consolePage.selectOnly('storage-host');
    const zone = (await consolePage.detailValue('Availability Zone').innerText()).trim();

    await consolePage.open('volumes');
    await page.getByRole('button', { name: 'Create volume', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Create volume' });
    await create.getByRole('textbox', { name: /^Size \(GiB\)/ }).fill('10');
    await create.getByRole('combobox', { name: /^Availability Zone/ }).selectOption(zone);
    await create.getByRole('button', { name: 'Create volume' }).click();
    await consolePage.expectBanner('is being created');
    const row = page.getByRole('row').filter({ hasText: '10 GiB' });
    await expectOne(row);
    const volumeId = /vol-[0-9a-f]{17}/.exec(await row.innerText())![0];
    await consolePage.skipOneMinute();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('Available');

    await row.click();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Attach volume' }).click();
    const attach = page.getByRole('dialog', { name: 'Attach volume' });
    await attach.getByRole('combobox', { name: /^Instance/ }).selectOption(instanceId);
    await attach.getByRole('button', { name: 'Attach volume' }).click();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('In-use');
    await consolePage.skipOneMinute();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain(`${instanceId} (/dev/sdf): attached`);

    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete volume' }).click();
    await page.getByRole('dialog', { name: 'Delete volume' }).getByRole('button', { name: 'Delete volume' }).click();
    expect(await (await consolePage.expectAlert('VolumeInUse')).innerText()).toContain(
      `Volume ${volumeId} is currently attached to ${instanceId}`,
    );

    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Create snapshot' }).click();
    const snapshot = page.getByRole('dialog', { name: 'Create snapshot' });
    await snapshot.getByRole('textbox', { name: /^Description/ }).fill('from the console');
    await snapshot.getByRole('button', { name: 'Create snapshot' }).click();
    await consolePage.expectBanner(`Snapshot of ${volumeId} started.`);

    await consolePage.open('snapshots');
    const snapshotRow = page.getByRole('row').filter({ hasText: 'from the console' });
    await expectOne(snapshotRow);
    expect(await snapshotRow.innerText()).toContain('Pending');
    const bar = snapshotRow.getByRole('progressbar');
    expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBeLessThan(100);
    await consolePage.skipOneMinute();
    await expect.poll(() => snapshotRow.innerText(), { timeout: UI_TIMEOUT }).toContain('Completed');
    expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(100);
  });
});
