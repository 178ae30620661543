/**
 * One browser-mode server on a fresh data directory and one Chromium page, for a whole test file:
 * started before its tests, stopped and removed after them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type LabBrowser } from './browser';
import { makeDataDirectory, startWebServer, type WebServer } from './web-server';

export interface LabSession {
  readonly server: WebServer;
  readonly page: Page;
  readonly dataDirectory: string;
  /** Stops the server (cleanly, or with SIGKILL) and starts it again on the same data directory. */
  restart(signal: NodeJS.Signals): Promise<void>;
}

export function useLabSession(options: { env?: NodeJS.ProcessEnv; args?: string[] } = {}): LabSession {
  let data: ReturnType<typeof makeDataDirectory> | undefined;
  let server: WebServer | undefined;
  let browser: LabBrowser | undefined;

  beforeAll(async () => {
    data = makeDataDirectory();
    server = await startWebServer(data.path, options.args, options.env);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data?.remove();
  });

  return {
    get server() {
      return server!;
    },
    get page() {
      return browser!.page;
    },
    get dataDirectory() {
      return data!.path;
    },
    async restart(signal) {
      await server!.stop(signal);
      server = await startWebServer(data!.path, options.args, options.env);
    },
  };
}
