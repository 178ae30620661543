// Builds the renderer (Vue 3) into dist/renderer. Both doors serve these files: the desktop app
// through its app:// protocol, browser mode over HTTP. Relative asset URLs work for both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const fontLicenceName = 'LICENSE-Noto-Sans-KR-OFL-1.1.txt';

/** The bundled font's licence (SIL OFL 1.1) must travel with its files: emit it beside them. */
function fontLicence(): Plugin {
  return {
    name: 'font-licence',
    generateBundle() {
      const source = readFileSync(new URL(`./resources/fonts/${fontLicenceName}`, import.meta.url));
      this.emitFile({ type: 'asset', fileName: `assets/${fontLicenceName}`, source });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [vue(), fontLicence()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    // No inline scripts and no eval: the pages run under a strict Content-Security-Policy.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Font slices stay files, never data: URLs inlined in the CSS: the browser then fetches only the
    // slices of the bundled Korean font (resources/fonts/) whose unicode-range a page's text uses.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
  },
});
