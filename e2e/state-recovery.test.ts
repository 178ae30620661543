/**
 * A saved lab that cannot be read is never dropped silently: browser mode moves it aside, starts a
 * clean lab, and the console says so, with where the old file went, until the learner dismisses it.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser, type LabBrowser } from './support/browser';
import { ConsolePage, expectNone, UI_TIMEOUT } from './support/console-page';
import { makeDataDirectory, startWebServer, type WebServer } from './support/web-server';

const data = makeDataDirectory();
let server: WebServer | undefined;
let browser: LabBrowser | undefined;

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  data.remove();
});

describe('a corrupt saved lab', () => {
  it('is moved aside, and the console tells where until dismissed', async () => {
    writeFileSync(join(data.path, 'lab.sqlite'), 'SQLite format 3\u0000 but then garbage, not a database page');
    server = await startWebServer(data.path);
    const moved = readdirSync(data.path).find((name) => name.startsWith('lab.sqlite.corrupt-'));
    expect(moved).toBeDefined();
    expect(existsSync(join(data.path, 'lab.sqlite'))).toBe(true);

    browser = await openBrowser();
    const consolePage = new ConsolePage({ page: browser.page, server });
    const page = consolePage.page;
    await consolePage.open('dashboard');
    const notices = page.getByRole('region', { name: 'Lab notices' });
    await expect.poll(() => notices.innerText(), { timeout: UI_TIMEOUT }).toContain(moved!);
    await notices.getByRole('button', { name: 'Dismiss notice' }).click();
    await expectNone(notices);

    // Dismissed for good: after a reload, once the lab status has loaded (the Settings page shows
    // the data directory it names), there is still no notice.
    await consolePage.open('settings');
    await consolePage.reload();
    await expect.poll(() => page.getByTestId('data-directory').innerText(), { timeout: UI_TIMEOUT }).toBe(data.path);
    expect(await page.getByRole('region', { name: 'Lab notices' }).count()).toBe(0);
  });
});
