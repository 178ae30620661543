#!/usr/bin/env node
// Mutation check for the instance transition table (electron/engine/instances/lifecycle.ts): changes
// one cell of TRANSITIONS at a time to every other outcome (noop, reboot, refuse, or a begin into
// another transitional state), runs the engine's unit tests, and counts the changes no test notices.
// Every single-cell change should fail a test. The file is restored afterwards, whatever happens.
// Run: `npm exec -- node scripts/mutate-transition-table.mjs` (a few minutes; prints the survivors).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TABLE_FILE = path.join(ROOT, 'electron/engine/instances/lifecycle.ts');
/** The engine's unit tests, without the slow crash and disk-recovery tests of the SQLite store. */
const TEST_PATHS = [
  'electron/engine/instances',
  'electron/engine/activity',
  'electron/engine/catalog',
  'electron/engine/lab',
  'electron/engine/tags',
  'electron/engine/engine.test.ts',
  'electron/engine/state/schema.test.ts',
];
const ACTIONS = ['start', 'stop', 'hibernate', 'reboot', 'terminate'];
const STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];
const OUTCOMES = [
  'noop',
  'refuse',
  "{ kind: 'reboot' }",
  "begin('pending')",
  "begin('stopping')",
  "begin('shutting-down')",
];

const original = readFileSync(TABLE_FILE, 'utf8');
const tableStart = original.indexOf('export const TRANSITIONS');
if (tableStart < 0) throw new Error('TRANSITIONS not found');

/** Where one cell's outcome sits in the file text: the span after `state:` up to the comma. */
function cellSpan(action, state) {
  const blockStart = original.indexOf(`\n  ${action}: {`, tableStart);
  const blockEnd = original.indexOf('\n  },', blockStart);
  const key = state.includes('-') ? `'${state}'` : state;
  const line = original.indexOf(`\n    ${key}: `, blockStart);
  if (blockStart < 0 || line < 0 || line > blockEnd) throw new Error(`cell ${action} × ${state} not found`);
  const from = line + `\n    ${key}: `.length;
  const to = original.indexOf(',\n', from);
  return { from, to, current: original.slice(from, to) };
}

function testsPass() {
  return new Promise((resolve) => {
    const run = spawn('npx', ['vitest', 'run', '--bail=1', ...TEST_PATHS], { cwd: ROOT, stdio: 'ignore' });
    run.on('close', (code) => resolve(code === 0));
  });
}

// Interrupted, put the table back before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    writeFileSync(TABLE_FILE, original);
    process.exit(130);
  });
}

const survivors = [];
let total = 0;
try {
  if (!(await testsPass())) throw new Error('the unmutated suite fails; fix it first');
  for (const action of ACTIONS) {
    for (const state of STATES) {
      const { from, to, current } = cellSpan(action, state);
      for (const outcome of OUTCOMES) {
        if (outcome === current) continue;
        total += 1;
        writeFileSync(TABLE_FILE, original.slice(0, from) + outcome + original.slice(to));
        const survived = await testsPass();
        if (survived) survivors.push(`${action} × ${state}: ${current} → ${outcome}`);
        process.stdout.write(survived ? 'S' : '.');
      }
    }
  }
} finally {
  writeFileSync(TABLE_FILE, original);
}
console.log(`\n${survivors.length} of ${total} single-cell mutations survive`);
for (const survivor of survivors) console.log(`  survives: ${survivor}`);
process.exitCode = survivors.length === 0 ? 0 : 1;
