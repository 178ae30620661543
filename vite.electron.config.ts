// Builds the Node-side bundles, one per mode (each must be a single self-contained file):
//   --mode main     dist/electron/main.cjs     Electron main process (CJS)
//   --mode preload  dist/electron/preload.cjs  sandboxed preload: CJS, may require only 'electron'
//   --mode web      dist/web/main.js           browser mode server, ESM for Node 24
//   --mode worker   dist/shell/shell-worker.mjs the shell worker thread both hosts start, ESM
// Electron and Node built-ins stay external; so does `ws` (dist runs next to node_modules, and
// electron-builder packs production dependencies).
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

interface Bundle {
  entry: string;
  outDir: string;
  fileName: string;
  format: 'cjs' | 'es';
  target: string;
}

const bundles: Record<string, Bundle> = {
  // Electron 45 ships Node 22.
  main: { entry: 'electron/main.ts', outDir: 'dist/electron', fileName: 'main.cjs', format: 'cjs', target: 'node22' },
  preload: {
    entry: 'electron/preload.ts',
    outDir: 'dist/electron',
    fileName: 'preload.cjs',
    format: 'cjs',
    target: 'chrome140',
  },
  web: { entry: 'electron/web-main.ts', outDir: 'dist/web', fileName: 'main.js', format: 'es', target: 'node24' },
  // just-bash is bundled in, so the worker is one file a packaged app can unpack beside its archive.
  worker: {
    entry: 'electron/shell/worker/shell-worker.ts',
    outDir: 'dist/shell',
    fileName: 'shell-worker.mjs',
    format: 'es',
    target: 'node22',
  },
};

const external = [
  'electron',
  /^electron\//,
  /^node:/,
  ...builtinModules,
  'ws',
  // ssh2 loads its optional native parts (never built here) with try/catch; it runs from node_modules.
  'ssh2',
  'bufferutil',
  'utf-8-validate',
  // just-bash's optional runtimes (sqlite3, js-exec, python) load these; the lab does not enable them.
  'sql.js',
  'quickjs-emscripten',
  /^@mongodb-js\//,
  'node-liblzma',
  'seek-bzip',
];

export default defineConfig(({ mode }): UserConfig => {
  const bundle = bundles[mode];
  if (!bundle) throw new Error(`vite.electron.config.ts: --mode must be one of ${Object.keys(bundles).join(', ')}`);
  return {
    publicDir: false,
    build: {
      ssr: true,
      outDir: path(bundle.outDir),
      // main and preload share dist/electron; each build replaces only its own file.
      emptyOutDir: false,
      target: bundle.target,
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      rolldownOptions: {
        input: path(bundle.entry),
        external,
        output: {
          format: bundle.format,
          entryFileNames: bundle.fileName,
          codeSplitting: false,
          // The source V8 keeps for the whole run: without doc comments (the source map points to
          // them), and escaped, so it stays one byte a character: one non-ASCII character (a quote,
          // a dash, Hangul) would make the whole text two bytes a character.
          charset: 'ascii',
          comments: { legal: true, annotation: true, jsdoc: false },
        },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
