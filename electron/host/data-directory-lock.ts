/**
 * One lab process per data directory. Two engines on one lab.sqlite would each hold their own copy
 * of the state in memory and overwrite each other's records, so the second one is refused with a
 * clear message. A lock left by a process that died (kill -9, power loss) is taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDirectory } from '../engine/state/private-files';

export const LOCK_FILE = 'lab.lock';

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDirectory: string,
    readonly pid: number,
  ) {
    super(
      `The lab in ${dataDirectory} is already open in another EC2 Lab process (pid ${pid}). ` +
        'Close it first, or choose another data directory with --data-dir.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

export interface DataDirectoryLock {
  release(): void;
}

export function lockDataDirectory(dataDirectory: string, pid = process.pid): DataDirectoryLock {
  makePrivateDirectory(dataDirectory);
  const path = join(dataDirectory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(pid), { flag: 'wx', mode: PRIVATE_FILE_MODE });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8') === String(pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== pid && isAlive(holder)) {
        throw new DataDirectoryInUseError(dataDirectory, holder);
      }
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDirectory}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
