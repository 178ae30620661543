/**
 * The lab's log of unexpected errors: `<data directory>/logs/ec2-lab.log`, one JSON line per error
 * with its time, operation, request id and stack, so a learner can send it when something breaks
 * (the console shows the same request id). Rotated at 1 MiB, keeping three older files; private to
 * the user like the rest of the data directory.
 */
import { appendFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateDirectory } from '../engine/state/private-files';

export const LOG_FILE = 'ec2-lab.log';
const MAX_LOG_BYTES = 1024 * 1024;
const KEPT_FILES = 3;

export interface ErrorContext {
  operation: string;
  requestId: string;
}

export type ErrorLog = (error: unknown, context: ErrorContext) => void;

export function createErrorLog(dataDirectory: string, now: () => Date = () => new Date()): ErrorLog {
  const directory = join(dataDirectory, 'logs');
  const file = join(directory, LOG_FILE);
  return (error, context) => {
    try {
      makePrivateDirectory(directory);
      if (existsSync(file) && statSync(file).size >= MAX_LOG_BYTES) rotate(file);
      const entry = {
        time: now().toISOString(),
        ...context,
        error:
          error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      };
      appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: PRIVATE_FILE_MODE });
    } catch {
      // Logging must never be why the lab fails; the console still shows the request id.
    }
    console.error(`EC2 Lab: unexpected error in ${context.operation} (request id ${context.requestId})`, error);
  };
}

/** ec2-lab.log → .1, .1 → .2 …; the oldest beyond KEPT_FILES is overwritten. */
function rotate(file: string): void {
  for (let index = KEPT_FILES - 1; index >= 1; index--) {
    if (existsSync(`${file}.${index}`)) renameSync(`${file}.${index}`, `${file}.${index + 1}`);
  }
  renameSync(file, `${file}.1`);
}
