/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download does not work here).
 * The flags keep Chromium off the network it cannot reach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LabBrowser {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openBrowser(options: { locale?: string } = {}): Promise<LabBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ec2lab-chromium-'));
  // Playwright passes the fresh profile to Chromium as --user-data-dir itself.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
