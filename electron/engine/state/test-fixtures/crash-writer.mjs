/**
 * Child process for the crash test: opens the real SQLite state store (the TypeScript source, run by
 * Node 24's type stripping) and commits numbered records as fast as it can, writing each sequence
 * number to stdout only after commit() has returned. The parent kills it with SIGKILL at a random
 * moment and checks that every number it read is on disk.
 *
 * Usage: node crash-writer.mjs <data directory>
 * Each commit n writes sequence/<n> (with padding of random length, so commits span several pages),
 * head/last = {n}, and for every tenth n also rewrites batch/0..99 = {n}: a torn commit would show as
 * a head that disagrees with the sequence, or a batch with mixed values.
 */
import { writeSync } from 'node:fs';
import { registerHooks } from 'node:module';

// The engine's sources import without extensions (Vite resolves them); teach Node to do the same.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.{1,2}\//.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

const { openSqliteStateStore } = await import('../sqlite-state-store.ts');

const dataDirectory = process.argv[2];
if (!dataDirectory) throw new Error('usage: crash-writer.mjs <data directory>');

const store = openSqliteStateStore(dataDirectory);
if (store.notices.length > 0) {
  writeSync(2, `unexpected notices: ${JSON.stringify(store.notices)}\n`);
  process.exit(3);
}
const head = store.loadAll().find((record) => record.collection === 'head' && record.id === 'last');
let next = head ? head.data.n + 1 : 0;
writeSync(1, `open ${next}\n`);

// A guard against an orphan if the parent dies without killing us.
const deadline = Date.now() + 20_000;
for (;;) {
  const n = next++;
  const changes = [
    { collection: 'sequence', id: String(n), data: { n, padding: 'x'.repeat(Math.floor(Math.random() * 6000)) } },
    { collection: 'head', id: 'last', data: { n } },
  ];
  if (n % 10 === 0) {
    for (let k = 0; k < 100; k++) changes.push({ collection: 'batch', id: String(k), data: { n } });
  }
  store.commit(changes);
  // One small write() per line is atomic on a pipe, and synchronous on every platform (unlike
  // process.stdout on a macOS pipe), so a number is printed only after its commit returned.
  writeSync(1, `${n}\n`);
  if (n % 256 === 0 && Date.now() > deadline) break;
}
store.close();
