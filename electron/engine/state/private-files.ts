/**
 * The lab's files are its user's alone: the data directory is 0700 and every file in it 0600, so
 * another account on a shared classroom machine can read neither the lab nor its keys. Existing
 * ones are tightened too (labs made before this kept the defaults, 0755 and 0644). On Windows, where
 * these modes mean little, the per-user profile directory is what keeps others out.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function makePrivateDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  chmodSync(path, PRIVATE_DIRECTORY_MODE);
}

/** Creates the file if it is missing (empty), and makes it private either way. */
export function makePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}
