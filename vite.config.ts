// Builds the renderer (Vue 3) into dist/renderer. Both doors serve these files: the desktop app
// through its app:// protocol, browser mode over HTTP. Relative asset URLs work for both.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    // No inline scripts and no eval: the pages run under a strict Content-Security-Policy.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
