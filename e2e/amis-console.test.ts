/**
 * AMIs in real Chromium against real browser mode, as the EC2 User Guide walks a learner through a
 * golden image: Actions → Image and templates → Create image of a running instance (no reboot),
 * watch the AMI become available on the AMIs page (Owned by me), launch an instance from it, and
 * see that instance's Storage tab with what each of its disks does on stop and terminate.
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('AMIs in the console', () => {
  it('creates an image of an instance and launches a new instance from it', async () => {
    const page = consolePage.page;
    const sourceId = await consolePage.launchRunning('golden-source');
    await consolePage.selectOnly('golden-source');
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Create image' }).click();
    const create = page.getByRole('dialog', { name: 'Create image' });
    await create.getByRole('textbox', { name: 'Image name' }).fill('golden-v1');
    await create.getByRole('checkbox', { name: 'Reboot instance' }).uncheck();
    await create.getByRole('button', { name: 'Create image' }).click();
    await consolePage.expectBanner('is being created.');

    await consolePage.open('amis');
    const row = page.getByRole('row').filter({ hasText: 'golden-v1' });
    await expectOne(row);
    const imageId = /ami-[0-9a-f]{17}/.exec(await row.innerText())![0];
    await consolePage.skipOneMinute();
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('Available');
    await row.click();
    const details = page.getByRole('region', { name: `Details of ${imageId}` });
    await expect.poll(() => details.innerText(), { timeout: UI_TIMEOUT }).toContain(sourceId);
    expect(await details.innerText()).toMatch(/snap-[0-9a-f]{17}/);

    await page.getByRole('button', { name: 'Launch instance from AMI' }).first().click();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: UI_TIMEOUT }).toBe(`#/launch/${imageId}`);
    await expect
      .poll(() => page.getByRole('main').innerText(), { timeout: UI_TIMEOUT })
      .toContain('Chosen on the AMIs page');
    const cloneId = await consolePage.submitWizard('golden-clone');
    await consolePage.skipOneMinute();
    await consolePage.expectState('golden-clone', 'Running');

    await consolePage.selectOnly('golden-clone');
    await page.getByRole('tab', { name: 'Storage' }).click();
    const fates = page.getByRole('table', { name: `What happens to the disks of ${cloneId}` });
    await expect.poll(() => fates.innerText(), { timeout: UI_TIMEOUT }).toContain('EBS root volume');
    expect(await fates.innerText()).toContain('Deleted');
  });
});
