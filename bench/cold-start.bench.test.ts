// Cold start of browser mode: from spawning `node dist/web/main.js` to the console's first paint in
// Chromium. Needs `npm run build:web` first (the bench script does it).
import { expect, it } from 'vitest';
import { openBrowser } from '../e2e/support/browser';
import { makeDataDirectory, startWebServer } from '../e2e/support/web-server';
import { report, summarize } from './measure';

it('browser mode: cold start to first paint', async () => {
  const toReady: number[] = [];
  const toPaint: number[] = [];
  for (let run = 0; run < 5; run++) {
    const data = makeDataDirectory();
    const browser = await openBrowser();
    try {
      const spawned = performance.now();
      const server = await startWebServer(data.path);
      const ready = performance.now();
      await browser.page.goto(server.url);
      await browser.page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const paintAfterNavigation = await browser.page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
      );
      toReady.push(ready - spawned);
      toPaint.push(ready - spawned + paintAfterNavigation);
      await server.stop();
    } finally {
      await browser.close();
      data.remove();
    }
  }
  report('browser mode: spawn to listening', summarize(toReady));
  report('browser mode: spawn to first contentful paint', summarize(toPaint));
  expect(toPaint).toHaveLength(5);
});
