// Benchmarks: `npm run bench` runs bench/**/*.bench.test.ts, which measure and print their figures.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    environment: 'node',
    include: ['bench/**/*.bench.test.ts'],
    // Empties the results before the run and prints them as one table (lab, ceiling, ratio, target, PASS/FAIL) after it.
    globalSetup: ['bench/summary.ts'],
    testTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // Figures are printed with console.log; show them.
    silent: false,
    reporters: ['verbose'],
  },
});
