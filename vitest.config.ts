// Unit and component tests: `npm run test:unit` (all *.test.ts except e2e/ and bench/).
// Node code runs in Node; renderer tests run in happy-dom with the Vue plugin.
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          // Real keys for the engine labs of component tests (renderer/testing/test-key-maker.ts).
          setupFiles: ['renderer/testing/key-maker.setup.ts'],
          include: ['renderer/**/*.test.ts'],
        },
      },
    ],
    exclude: ['**/node_modules/**', 'dist/**', 'e2e/**', 'bench/**'],
    // Two cores on CI: do not oversubscribe.
    maxWorkers: 2,
  },
});
