/**
 * One lab process per data directory. Two engines on one lab.sqlite would each hold their own copy
 * of the state in memory and overwrite each other's records, so the second one is refused with a
 * clear message.
 *
 * The lock file names its holder by pid and, where the system says (Linux's /proc), the time that
 * process started, so a pid the system has since given to another program, or a zombie, does not
 * count as the holder. It appears atomically, whole (written aside, then hard-linked into place:
 * link fails if a lock is there), so a second process starting at the same moment either sees a
 * complete lock or gets it, never both. A lock left by a process that died (kill -9, power loss) is
 * taken over by renaming it away first, which only one taker can do.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDirectory } from '../engine/state/private-files';

export const LOCK_FILE = 'lab.lock';
const ATTEMPTS = 5;

// Erasable TypeScript only (no parameter properties): the lock's race test runs it under plain Node.
export class DataDirectoryInUseError extends Error {
  readonly dataDirectory: string;
  readonly pid: number;

  constructor(dataDirectory: string, pid: number) {
    super(
      `The lab in ${dataDirectory} is already open in another EC2 Lab process (pid ${pid}). ` +
        'Close it first, or choose another data directory with --data-dir.',
    );
    this.name = 'DataDirectoryInUseError';
    this.dataDirectory = dataDirectory;
    this.pid = pid;
  }
}

export interface DataDirectoryLock {
  release(): void;
}

/** Who holds a lock: a pid and, where known, when that process started (opaque, compared only). */
export interface LockHolder {
  pid: number;
  started?: string;
}

export function lockDataDirectory(dataDirectory: string, holder: LockHolder = currentProcess()): DataDirectoryLock {
  makePrivateDirectory(dataDirectory);
  const path = join(dataDirectory, LOCK_FILE);
  const content = JSON.stringify(holder);
  const aside = `${path}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, content, { mode: PRIVATE_FILE_MODE });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        linkSync(aside, path);
        return ownLock(path, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = readIfPresent(path);
      if (found === undefined) continue; // released meanwhile: try again
      const current = parseHolder(found);
      if (current && isRunning(current)) throw new DataDirectoryInUseError(dataDirectory, current.pid);
      takeOverStale(path, found);
    }
    throw new Error(`Could not lock ${dataDirectory}: other processes keep taking it.`);
  } finally {
    unlinkQuietly(aside);
  }
}

/** This process, as a lock names it. */
export function currentProcess(): LockHolder {
  const started = startTimeOf(process.pid);
  return started === undefined ? { pid: process.pid } : { pid: process.pid, started };
}

function ownLock(path: string, content: string): DataDirectoryLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (readIfPresent(path) === content) unlinkQuietly(path);
    },
  };
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of several takers one moves it; if what
 * moved is not the stale lock that was judged (another process locked in between), it goes back.
 */
function takeOverStale(path: string, judged: string): void {
  const moved = `${path}.stale.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readIfPresent(moved) !== judged) {
    try {
      linkSync(moved, path);
    } catch {
      // Someone locked in the meantime: theirs stands.
    }
  }
  unlinkQuietly(moved);
}

/** The holder a lock names; a lock written before holders were JSON holds the pid alone. */
function parseHolder(text: string): LockHolder | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { pid, started } = (typeof parsed === 'number' ? { pid: parsed } : (parsed ?? {})) as Partial<LockHolder>;
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0) return undefined;
  return { pid: pid!, started: typeof started === 'string' ? started : undefined };
}

/** Whether the holder is still the process that took the lock. */
function isRunning(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  if (stat === undefined) return true; // no /proc here: a live pid is all there is to go on
  if (stat.state === 'Z' || stat.state === 'X') return false; // a zombie holds nothing
  return holder.started === undefined || holder.started === stat.started;
}

function startTimeOf(pid: number): string | undefined {
  return procStat(pid)?.started;
}

/** /proc/<pid>/stat's state (field 3) and start time (field 22, in clock ticks since boot). */
function procStat(pid: number): { state: string; started: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: read after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const started = fields[19];
  return state && started ? { state, started } : undefined;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
