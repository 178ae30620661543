// SQLite state store figures: one commit of 1,000 records, and commits of one changed record
// (median and p99), which is what every console action costs on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStateStore } from '../electron/engine/state/sqlite-state-store';
import { measure, report } from './measure';

function withStore(body: (store: ReturnType<typeof openSqliteStateStore>) => void): void {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-bench-state-'));
  const store = openSqliteStateStore(directory);
  try {
    body(store);
  } finally {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

it('commits 1,000 records in one commit', () => {
  withStore((store) => {
    const records = Array.from({ length: 1000 }, (_, index) => ({
      collection: 'instances',
      id: `i-${index.toString(16).padStart(17, '0')}`,
      data: { index, state: 'running', privateIpAddress: `172.31.${index >> 8}.${index & 255}` },
    }));
    report(
      'SQLite commit of 1,000 records',
      measure(1, () => store.commit(records)),
    );
    expect(store.loadAll()).toHaveLength(1000);
  });
});

it('commits one changed record among 200', () => {
  withStore((store) => {
    const base = { instanceId: 'i-0123456789abcdef0', state: 'running', padding: 'x'.repeat(1500) };
    store.commit(
      Array.from({ length: 200 }, (_, index) => ({ collection: 'instances', id: String(index), data: base })),
    );
    // A different value each time: SQLite skips writing a row whose bytes did not change.
    const figures = measure(2000, (round) =>
      store.commit([{ collection: 'instances', id: String(round % 200), data: { ...base, round } }]),
    );
    report('SQLite commit of one changed record (200 stored)', figures);
    expect(store.loadAll()).toHaveLength(200);
  });
});
