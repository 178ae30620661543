// End-to-end tests: `npm run e2e` builds the renderer and the browser-mode server first, then runs
// e2e/**/*.test.ts one file at a time (each drives a real Chromium against a real server).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
