// Benchmarks: `npm run bench` runs bench/**/*.bench.test.ts, which measure and print their figures.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    environment: 'node',
    include: ['bench/**/*.bench.test.ts'],
    testTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // Figures are printed with console.log; show them.
    silent: false,
    reporters: ['verbose'],
  },
});
