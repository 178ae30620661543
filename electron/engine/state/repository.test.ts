/**
 * The unit of work's promises the disks rely on: an immutable collection's replaced records are kept
 * for rollback as they are (no deep copy) and cannot be changed in place, observers see every change
 * (commands, rollbacks, loading), and a task before each commit runs inside the command it ends.
 */
import { describe, expect, it } from 'vitest';
import { UnitOfWork, type RecordCollection } from './repository';
import { MemoryStateStore } from './state-store';

interface Item {
  id: string;
  value: number;
}

const MUTABLE: RecordCollection<Item> = { name: 'mutable', idOf: (r) => r.id };
const IMMUTABLE: RecordCollection<Item> = { name: 'immutable', idOf: (r) => r.id, immutable: true };

function setUp() {
  const store = new MemoryStateStore();
  const work = new UnitOfWork(store);
  return { store, work, mutable: work.repository(MUTABLE), immutable: work.repository(IMMUTABLE) };
}

const fail = () => {
  throw new Error('the command fails');
};

describe('an immutable collection', () => {
  it('keeps the replaced record itself for rollback, and refuses touch', () => {
    const { work, immutable } = setUp();
    const first = { id: 'a', value: 1 };
    work.run(() => immutable.put('a', first));
    expect(() =>
      work.run(() => {
        immutable.put('a', { id: 'a', value: 2 });
        fail();
      }),
    ).toThrow('the command fails');
    expect(immutable.get('a')).toBe(first);
    expect(() => work.run(() => immutable.touch('a'))).toThrow(/replaced with put, never changed in place/);
  });

  it('while a mutable one keeps a copy, so a change in place is undone', () => {
    const { work, mutable } = setUp();
    work.run(() => mutable.put('a', { id: 'a', value: 1 }));
    expect(() =>
      work.run(() => {
        mutable.touch('a').value = 2;
        fail();
      }),
    ).toThrow();
    expect(mutable.get('a')).toEqual({ id: 'a', value: 1 });
  });
});

describe('observers and tasks before each commit', () => {
  it('tell an observer of puts, deletes, rollbacks and loading', () => {
    const { work, immutable } = setUp();
    const seen: [string, number | undefined, number | undefined][] = [];
    immutable.observe((id, before, after) => seen.push([id, before?.value, after?.value]));
    work.run(() => immutable.put('a', { id: 'a', value: 1 }));
    expect(() =>
      work.run(() => {
        immutable.delete('a');
        fail();
      }),
    ).toThrow();
    work.load([{ collection: 'immutable', id: 'b', data: { id: 'b', value: 5 } }]);
    expect(seen).toEqual([
      ['a', undefined, 1],
      ['a', 1, undefined],
      ['a', undefined, 1],
      ['a', 1, undefined],
      ['b', undefined, 5],
    ]);
  });

  it('run a task at the end of each command, saved in its commit, and none of it when the command fails', () => {
    const { store, work, mutable, immutable } = setUp();
    let runs = 0;
    immutable.beforeEachCommit(() => {
      runs++;
      if (immutable.has('a')) mutable.put('seen', { id: 'seen', value: runs });
    });
    work.run(() => work.run(() => immutable.put('a', { id: 'a', value: 1 })));
    expect(runs).toBe(1);
    expect(store.commits).toBe(1);
    expect(store.loadAll().map((r) => r.id)).toEqual(['a', 'seen']);
    expect(() =>
      work.run(() => {
        immutable.delete('a');
        fail();
      }),
    ).toThrow();
    expect(runs).toBe(1);
    expect(store.commits).toBe(1);
  });
});

describe('deferred commands', () => {
  it('save with the next commit or saveDeferred, and a record made and removed before then never reaches the store', () => {
    const { store, work, immutable } = setUp();
    work.run(() => immutable.put('kept', { id: 'kept', value: 0 }));
    const commits = store.commits;
    work.runDeferred(() => immutable.put('brief', { id: 'brief', value: 1 }));
    work.runDeferred(() => immutable.put('stays', { id: 'stays', value: 2 }));
    work.runDeferred(() => {
      immutable.delete('brief');
      immutable.delete('kept');
    });
    expect(store.commits).toBe(commits);
    expect(immutable.has('stays')).toBe(true);
    const seen: string[] = [];
    const commit = store.commit.bind(store);
    store.commit = (changes) => {
      seen.push(...changes.map((change) => `${change.id}:${change.data === undefined ? 'delete' : 'put'}`));
      commit(changes);
    };
    work.saveDeferred();
    expect(seen.sort()).toEqual(['kept:delete', 'stays:put']);
    expect(store.loadAll().map((record) => record.id)).toEqual(['stays']);
  });
});
