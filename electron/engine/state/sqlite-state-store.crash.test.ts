/**
 * Crash safety, for real: a child process runs the store and commits numbered records in a loop,
 * printing each number only after commit() returned; we SIGKILL it at a random moment, reopen the
 * file and check that every acknowledged commit is there, whole, and nothing is damaged. Several
 * kills in a row hit the same file, so recovery after one crash is itself crashed into.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStateStore } from './sqlite-state-store';

const WRITER = fileURLToPath(new URL('./test-fixtures/crash-writer.mjs', import.meta.url));
const FILES = 10;
const KILLS_PER_FILE = 5;
/** Most kills land while the writer commits: up to this long after it opened the store. */
const LONGEST_RUN_MS = 200;
/** The rest land from 0 ms after spawning, so some hit start-up: opening, creating, migrating. */
const KILLS_FROM_SPAWN = 0.2;

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A small seeded generator, so a failing run can be repeated with CRASH_TEST_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  acknowledged: number[];
  opened: boolean;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts the writer on `directory` and kills it with SIGKILL `delay` ms after spawning it, or after
 * it reported the store open when `afterOpen` is set.
 */
function runAndKill(directory: string, delay: number, afterOpen: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', WRITER, directory], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: Run = { acknowledged: [], opened: false, signal: null, stderr: '' };
    let timer = afterOpen ? undefined : setTimeout(() => child.kill('SIGKILL'), delay);
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('open ')) {
          run.opened = true;
          if (afterOpen) timer = setTimeout(() => child.kill('SIGKILL'), delay);
        } else run.acknowledged.push(Number(line));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (run.stderr += chunk));
    child.on('error', reject);
    // 'close' comes after the pipes drained: every number the child wrote has been read.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      run.signal = signal;
      resolve(run);
    });
  });
}

interface Verified {
  /** The last commit on disk, -1 if none. */
  last: number;
}

/** Reopens the file as the app would and checks it against what the writer acknowledged. */
function verify(directory: string, run: Run, previousLast: number): Verified {
  const store = openSqliteStateStore(directory);
  let last: number;
  try {
    expect(store.notices, 'a kill must never make the file unreadable').toEqual([]);
    const records = store.loadAll();
    const sequence = records
      .filter((record) => record.collection === 'sequence')
      .map((record) => (record.data as { n: number }).n)
      .sort((a, b) => a - b);
    const head = records.find((record) => record.collection === 'head');
    last = head ? (head.data as { n: number }).n : -1;

    // Commits are whole: the head names the newest sequence record, and there are no gaps.
    expect(sequence).toEqual(Array.from({ length: last + 1 }, (_, index) => index));
    // The batch records written by every tenth commit all carry the same, latest such commit.
    const batch = records.filter((record) => record.collection === 'batch').map((record) => record.data);
    expect(batch).toEqual(last >= 0 ? Array(100).fill({ n: last - (last % 10) }) : []);

    // Every acknowledged commit survived, and at most one more (done, but killed before printing).
    const acknowledgedLast = run.acknowledged.length > 0 ? run.acknowledged[run.acknowledged.length - 1] : previousLast;
    expect(last).toBeGreaterThanOrEqual(acknowledgedLast);
    expect(last).toBeLessThanOrEqual(acknowledgedLast + 1);
    expect(run.acknowledged).toEqual(Array.from({ length: run.acknowledged.length }, (_, i) => previousLast + 1 + i));
  } finally {
    store.close();
  }
  const db = new DatabaseSync(join(directory, 'lab.sqlite'));
  try {
    expect(db.prepare('PRAGMA quick_check').all()).toEqual([{ quick_check: 'ok' }]);
  } finally {
    db.close();
  }
  return { last };
}

it(`keeps every acknowledged commit through ${FILES * KILLS_PER_FILE} SIGKILLs`, { timeout: 120_000 }, async () => {
  const seed = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 2 ** 31);
  const random = seededRandom(seed);
  let killedMidWrite = 0;

  for (let file = 0; file < FILES; file++) {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-crash-'));
    directories.push(directory);
    let last = -1;
    for (let round = 0; round < KILLS_PER_FILE; round++) {
      const fromSpawn = random() < KILLS_FROM_SPAWN;
      const run = await runAndKill(directory, Math.floor(random() * LONGEST_RUN_MS), !fromSpawn);
      const context = `seed ${seed}, file ${file}, kill ${round}; writer stderr: ${run.stderr}`;
      expect(run.signal, `the writer must die by SIGKILL (${context})`).toBe('SIGKILL');
      try {
        ({ last } = verify(directory, run, last));
      } catch (error) {
        throw new Error(`${(error as Error).message}\n(${context})`, { cause: error });
      }
      // The writer commits in a loop from the moment it opened the store until the kill: a kill after
      // its first acknowledged commit lands while it writes.
      if (run.opened && run.acknowledged.length > 0) killedMidWrite++;
    }
  }

  // The proof is only as good as the kills that hit a write: most must (about 80% are timed from the
  // store opening), or the test would pass without testing crash safety at all.
  expect(killedMidWrite, `kills that landed while the writer committed (seed ${seed})`).toBeGreaterThanOrEqual(
    (FILES * KILLS_PER_FILE) / 2,
  );
});
