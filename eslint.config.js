// ESLint flat config. Besides the usual rules, it enforces the layers of the house (STYLE.md):
// a wrong import between shared/, the engine, the doors and the renderer fails `npm run lint`.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

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

/** A relative path that climbs out of the current folder into one of the named top-level folders. */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

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
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export names explicitly; no barrel `export *`.' },
      ],
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
    // shared/ is the contract: it runs everywhere, so it imports nothing at runtime but its own
    // files, and AWS's shapes only as types.
    files: ['shared/**/*.ts'],
    // Tests beside the contract run only under Vitest; they may import it.
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@aws-sdk/client-ec2',
              allowTypeImports: true,
              message: 'shared/ may use @aws-sdk/client-ec2 for types only (`import type`).',
            },
          ],
          patterns: [
            {
              regex: '^(?!\\.{1,2}/)(?!@aws-sdk/client-ec2$)',
              message: 'shared/ imports no package or Node built-in: it is the contract, loaded by every layer.',
            },
            {
              regex: into('electron', 'renderer', 'e2e', 'bench', 'scripts', 'resources'),
              message: 'shared/ imports only from shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure TypeScript that knows no door, no host and no UI.
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The engine knows no Electron: a door adapts it.' },
            { name: 'vue', message: 'The engine knows no UI.' },
            { name: 'pinia', message: 'The engine knows no UI.' },
            { name: 'ws', message: 'The engine knows no door: electron/doors/web serves it.' },
          ],
          patterns: [
            {
              regex: '(^|/)(doors|host|renderer)(/|$)|^electron/',
              message: 'The engine imports no door, host or renderer code (they import the engine).',
            },
            { regex: '^(\\.\\./)+(main|preload)$', message: 'The engine imports no composition root.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine runs in Node; it has no window.' },
        { name: 'document', message: 'The engine runs in Node; it has no document.' },
      ],
    },
  },
  {
    // The renderer talks to the main process only through the bridge (renderer/api/).
    files: ['renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches Electron only through window.ec2lab (preload).' },
            { name: 'ws', message: 'The renderer uses the browser WebSocket.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser: no Node built-ins.' })),
          ],
          patterns: [
            { regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              regex: '(^|/)electron(/|$)',
              message: 'The renderer never imports electron/: use shared/ types and renderer/api/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Component tests run the console against the real engine in memory (renderer/testing/
    // engine-lab.ts): test code, and only test code, may import electron/engine/ — no other part
    // of electron/, and still no Electron, ws or Node built-in.
    files: ['renderer/testing/**/*.ts', 'renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches Electron only through window.ec2lab (preload).' },
            { name: 'ws', message: 'The renderer uses the browser WebSocket.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser: no Node built-ins.' })),
          ],
          patterns: [
            { regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              regex: '(^|/)electron/(?!engine/)|(^|/)electron$',
              message: 'Renderer tests may import only electron/engine/, to run the real engine in memory.',
            },
          ],
        },
      ],
    },
  },
);
