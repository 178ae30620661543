/**
 * Every page of the console passes axe-core's WCAG 2.1 A/AA rules with no serious or critical
 * violation, in English and in Korean: the side navigation's pages (found in the page itself, so a
 * new page is checked without touching this file), the launch wizard, an instance's details, and its
 * Connect page with the terminal pane open.
 * axe runs through the DevTools protocol (page.evaluate), which the console's CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ConsolePage, type Language } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(consolePage: ConsolePage): Promise<string[]> {
  const page = consolePage.page;
  await page.evaluate(() => document.fonts.ready);
  const violations = (await page.evaluate(async (source) => {
    if (!('axe' in window)) (0, eval)(source);
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, AXE_SOURCE)) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`,
      ),
    );
}

async function navigationPages(consolePage: ConsolePage): Promise<string[]> {
  const hrefs = await consolePage.page
    .getByRole('navigation')
    .locator('a[href^="#/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.slice(2)));
  return [...new Set(hrefs)];
}

describe('accessibility of every page', () => {
  for (const language of ['en', 'ko'] as Language[]) {
    it(`has no serious or critical axe violation on any page (${language})`, async () => {
      const consolePage = new ConsolePage(lab, language);
      if (language === 'en') await consolePage.launch('a11y-server');
      await consolePage.open('instances');
      const pages = await navigationPages(consolePage);
      expect(pages).toEqual(
        expect.arrayContaining(['instances', 'security-groups', 'key-pairs', 'activity', 'settings']),
      );
      const found: Record<string, string[]> = {};
      for (const route of [...pages, 'launch']) {
        await consolePage.open(route);
        const violations = await seriousViolations(consolePage);
        if (violations.length) found[route] = violations;
      }
      // An instance's details pane, with its tabs.
      await consolePage.open('instances');
      await consolePage.page
        .getByRole('link', { name: /^i-[0-9a-f]{17}$/ })
        .first()
        .click();
      const details = await seriousViolations(consolePage);
      if (details.length) found['instance details'] = details;
      // The instance's Connect page, with the terminal pane open on the laptop shell.
      const id = await consolePage.page
        .getByRole('link', { name: /^i-[0-9a-f]{17}$/ })
        .first()
        .innerText();
      await consolePage.open(`connect-to-instance/${id}`);
      await consolePage.page
        .getByRole('button', { name: language === 'en' ? 'Laptop terminal' : '노트북 터미널', exact: true })
        .click();
      await consolePage.page.locator('.xterm-accessibility-tree').getByText('learner@laptop').waitFor();
      const connect = await seriousViolations(consolePage);
      if (connect.length) found['connect with the terminal pane'] = connect;
      expect(found).toEqual({});
    });
  }
});
