// ESLint flat config. Besides the usual rules, it enforces the layers of the house (STYLE.md) as
// allow-lists: `importAllowList` below says, per folder, what it MAY import (VS Code's
// `local/code-import-patterns`), and scripts/eslint-rules/allowed-imports.js refuses the rest.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import localRules from './scripts/eslint-rules/allowed-imports.js';

const noExportAll = { selector: 'ExportAllDeclaration', message: 'Export names explicitly; no barrel `export *`.' };
const noNewEc2Error = {
  selector: "NewExpression[callee.name='Ec2Error']",
  message: 'Raise an engine error through its named factory in electron/engine/errors.ts, never `new Ec2Error(`.',
};

/** AWS's request and response shapes: types only, so the SDK never enters a bundle. */
const awsTypes = { pattern: '@aws-sdk/client-ec2', typeOnly: true };

/**
 * What each folder may import. Closed by default: a file that no entry covers imports nothing, and
 * an entry grants only what it lists. Every entry covering a file adds to its grants, so the
 * narrower entries (tests, one sub-folder) only ever widen a layer. Do not relax an entry to make
 * an import pass: move the code to the layer that may have it.
 *
 * Where things live, and how they reach the engine:
 * - the engine (electron/engine/) knows no door, host, shell or UI; it touches disk only in state/.
 * - doors (electron/doors/<door>/) adapt one outside world each. They reach the engine only through
 *   the narrow port electron/doors/door-engine.ts (dispatch + onEvent, and the types a door hands
 *   the engine), never its internals; what several doors share (AWS's model, call validation, the
 *   CSP, renderer files) is the shared door module electron/doors/common/; a door imports no other.
 * - shells (electron/shell/: the simulated Linux, the laptop shell, terminal sessions; they run in a
 *   worker) reach the engine through the same port, and offer one port of their own,
 *   electron/shell/shell-port.ts, to the SSH door (electron/doors/ssh/, an ssh2 server).
 * - hosts (electron/host/) and the two composition roots (electron/main.ts for the desktop,
 *   electron/web-main.ts for browser mode) compose everything; only the desktop's may use Electron.
 */
const importAllowList = [
  // shared/ is the contract, loaded by every layer: it imports only itself, and AWS's shapes as types.
  { layer: 'shared', files: ['shared/**'], paths: ['shared/**'], packages: [awsTypes] },
  { layer: 'shared tests', files: ['shared/**/*.test.ts'], packages: ['vitest', 'fast-check'] },

  // The engine: pure TypeScript, the catalog's data, and the disk only for its saved state.
  {
    layer: 'engine',
    files: ['electron/engine/**'],
    paths: ['electron/engine/**', 'shared/**', 'resources/catalog/**'],
    packages: [awsTypes],
  },
  { layer: 'engine state', files: ['electron/engine/state/**'], packages: ['node:*'] },
  {
    layer: 'engine tests',
    files: ['electron/engine/**/*.test.ts', 'electron/engine/test-support/**'],
    packages: ['vitest', 'fast-check', 'node:*'],
  },

  // Doors: the port, the shared door module, their own folder, and the packages each one needs.
  {
    layer: 'doors',
    files: ['electron/doors/**'],
    paths: ['shared/**', 'electron/doors/door-engine', 'electron/doors/common/**'],
    packages: ['node:*'],
  },
  {
    layer: 'engine port',
    files: ['electron/doors/door-engine.ts'],
    paths: [{ pattern: 'electron/engine/**', typeOnly: true }],
  },
  { layer: 'shared door module', files: ['electron/doors/common/**'], paths: ['resources/aws-model/**'] },
  { layer: 'EC2 Query API door', files: ['electron/doors/ec2-api/**'], paths: ['electron/doors/ec2-api/**'] },
  {
    layer: 'desktop IPC door',
    files: ['electron/doors/ipc/**'],
    paths: ['electron/doors/ipc/**'],
    packages: ['electron'],
  },
  { layer: 'browser-mode door', files: ['electron/doors/web/**'], paths: ['electron/doors/web/**'], packages: ['ws'] },
  {
    layer: 'SSH door',
    files: ['electron/doors/ssh/**'],
    paths: ['electron/doors/ssh/**', 'electron/shell/shell-port'],
    packages: ['ssh2'],
  },
  {
    // The SSH door's tests drive the real shell layer behind its port, with the worker in-process.
    layer: 'SSH door tests',
    files: ['electron/doors/ssh/**/*.test.ts', 'electron/doors/ssh/test-support/**'],
    paths: ['electron/shell/**', 'electron/engine/**'],
  },
  {
    // Door tests drive a real engine in memory (with real keys), and real AWS SDK clients.
    layer: 'door tests',
    files: ['electron/doors/**/*.test.ts', 'electron/doors/**/test-support/**'],
    paths: [
      'electron/engine/engine',
      'electron/engine/state/state-store',
      'electron/engine/state/node-key-maker',
      'electron/engine/test-support/**',
    ],
    packages: ['vitest', 'fast-check', '@aws-sdk/client-ec2', '@smithy/*'],
  },

  // Shells: their own folder and the engine port; a worker, no disk.
  {
    layer: 'shells',
    files: ['electron/shell/**'],
    paths: ['electron/shell/**', 'shared/**', 'electron/doors/door-engine'],
    packages: ['node:worker_threads', 'node:crypto', 'just-bash'],
  },
  {
    // The shells' port to the engine names the engine's disk types, as the doors' port does.
    layer: 'shell engine port',
    files: ['electron/shell/shell-engine.ts'],
    paths: [{ pattern: 'electron/engine/**', typeOnly: true }],
  },
  {
    // Shell tests drive the real engine in memory, as door tests do.
    layer: 'shell tests',
    files: ['electron/shell/**/*.test.ts', 'electron/shell/test-support/**'],
    paths: ['electron/engine/**'],
    packages: ['vitest', 'fast-check'],
  },

  // Hosts and composition roots compose everything; the Electron API only in the desktop's.
  {
    layer: 'host',
    files: ['electron/host/**'],
    paths: ['electron/host/**', 'electron/engine/**', 'electron/doors/**', 'electron/shell/**', 'shared/**'],
    packages: ['node:*'],
  },
  { layer: 'host tests', files: ['electron/host/**/*.test.ts'], packages: ['vitest'] },
  {
    layer: 'desktop composition root',
    files: ['electron/main.ts'],
    paths: ['electron/**', 'shared/**'],
    packages: ['electron', 'node:*'],
  },
  {
    layer: 'browser-mode composition root',
    files: ['electron/web-main.ts'],
    paths: [
      'electron/engine/**',
      'electron/host/**',
      'electron/shell/**',
      'electron/doors/{door-engine,common/**,web/**,ec2-api/**,ssh/**}',
      'shared/**',
      'package.json',
    ],
    packages: ['node:*'],
  },
  {
    layer: 'preload',
    files: ['electron/preload.ts'],
    paths: ['electron/doors/ipc/**', 'shared/**'],
    packages: ['electron'],
  },
  {
    layer: 'composition root tests',
    files: ['electron/main.test.ts', 'electron/preload.test.ts'],
    paths: ['electron/**', 'shared/**'],
    packages: ['vitest', 'node:*'],
  },
  { layer: 'module declarations', files: ['electron/*.d.ts'] },

  // The renderer: a browser page that reaches the lab only through renderer/api/.
  {
    layer: 'renderer',
    files: ['renderer/**'],
    paths: ['renderer/**', 'shared/**'],
    packages: ['vue', 'pinia', 'vue-i18n', awsTypes],
  },
  {
    // xterm.js (and its stylesheet) belongs to the terminal pane alone.
    layer: 'terminal pane',
    files: ['renderer/components/terminal/**'],
    packages: ['@xterm/xterm', '@xterm/addon-fit', '@xterm/xterm/css/xterm.css'],
  },
  {
    // Component tests run the console against the real engine in memory (renderer/testing/
    // engine-lab.ts): test code, and only test code, may import electron/engine/, no other part of
    // electron/, and still no Electron, ws or Node built-in.
    layer: 'renderer tests',
    files: ['renderer/**/*.test.ts', 'renderer/testing/**'],
    paths: ['electron/engine/**', 'electron/shell/**', 'electron/doors/door-engine'],
    packages: ['vitest', '@vue/test-utils'],
  },

  // End-to-end tests and benchmarks: their own support, and the Node side they start.
  {
    layer: 'e2e',
    files: ['e2e/**'],
    paths: ['e2e/**', 'shared/**', 'electron/engine/**', 'electron/doors/**', 'electron/host/**'],
    packages: ['vitest', 'playwright-core', '@aws-sdk/client-ec2', 'node:*', 'ws'],
  },
  {
    layer: 'bench',
    files: ['bench/**'],
    paths: [
      'bench/**',
      'e2e/support/**',
      'shared/**',
      'electron/engine/**',
      'electron/doors/**',
      'electron/host/**',
      'electron/shell/**',
    ],
    packages: ['vitest', 'playwright-core', '@aws-sdk/client-ec2', 'node:*'],
  },

  // Tooling: build scripts, configs and this rule itself.
  {
    layer: 'tooling',
    files: ['scripts/**', '.ci/**', '*.config.{js,ts}', 'vite.*.ts'],
    paths: ['**'],
    packages: ['*'],
  },
];

/** eslint-plugin-vue's layout rules that Prettier decides instead (as eslint-config-prettier lists them). */
const vueLayoutRules = [
  'array-bracket-newline',
  'array-bracket-spacing',
  'array-element-newline',
  'arrow-spacing',
  'block-spacing',
  'block-tag-newline',
  'brace-style',
  'comma-dangle',
  'comma-spacing',
  'comma-style',
  'dot-location',
  'first-attribute-linebreak',
  'func-call-spacing',
  'html-closing-bracket-newline',
  'html-closing-bracket-spacing',
  'html-end-tags',
  'html-indent',
  'html-quotes',
  'html-self-closing',
  'key-spacing',
  'keyword-spacing',
  'max-attributes-per-line',
  'max-len',
  'multiline-html-element-content-newline',
  'multiline-ternary',
  'mustache-interpolation-spacing',
  'no-extra-parens',
  'no-multi-spaces',
  'no-spaces-around-equal-signs-in-attribute',
  'object-curly-newline',
  'object-curly-spacing',
  'object-property-newline',
  'operator-linebreak',
  'quote-props',
  'script-indent',
  'singleline-html-element-content-newline',
  'space-in-parens',
  'space-infix-ops',
  'space-unary-ops',
  'template-curly-spacing',
]
  .filter((rule) => rule in pluginVue.rules)
  .map((rule) => [`vue/${rule}`, 'off']);

export default defineConfig(
  { ignores: ['dist/**', 'release/**', 'coverage/**', 'node_modules/**'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],

  {
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', noExportAll, noNewEc2Error],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: Object.fromEntries(vueLayoutRules),
  },
  {
    // Node-side code and tooling.
    files: ['electron/**', 'shared/**', 'e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}', 'vite.*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['.ci/**/*.{js,mjs}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // ---- Layer boundaries ----------------------------------------------------------------------
  {
    // One rule checks every import against the allow-list table above; a file no entry covers
    // may import nothing.
    files: ['**/*.{ts,mts,cts,js,mjs,cjs,vue}'],
    plugins: { local: localRules },
    rules: { 'local/allowed-imports': ['error', { layers: importAllowList }] },
  },
  {
    // The engine runs in Node, in the main process or a worker; it has no page.
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine runs in Node; it has no window.' },
        { name: 'document', message: 'The engine runs in Node; it has no document.' },
      ],
    },
  },
  {
    // errors.ts is the one place that builds an Ec2Error: every code and message shape is a named
    // factory there (moto's exceptions.py), so AWS's texts exist once.
    files: ['electron/engine/errors.ts'],
    rules: { 'no-restricted-syntax': ['error', noExportAll] },
  },
);
