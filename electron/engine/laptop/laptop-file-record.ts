/**
 * A file on the learner's simulated laptop: what the console downloaded (a private key at
 * CreateKeyPair) lands in `~/Downloads`, where the laptop terminal finds it. Only files are kept;
 * the laptop's directories are implied by their paths.
 */
import type { RecordCollection } from '../state/repository';

/** The laptop's one user and home, as its shell prompt shows them (`learner@laptop:~$`). */
export const LAPTOP_USER = 'learner';
export const LAPTOP_HOME = `/home/${LAPTOP_USER}`;
export const LAPTOP_DOWNLOADS = `${LAPTOP_HOME}/Downloads`;

export interface LaptopFileRecord {
  /** Absolute path, e.g. /home/learner/Downloads/my-key.pem. */
  path: string;
  /** Permission bits, e.g. 0o644 (what a browser leaves on a download). */
  mode: number;
  content: string;
  modifiedAt: number;
}

export const LAPTOP_FILES: RecordCollection<LaptopFileRecord> = { name: 'laptop-files', idOf: (r) => r.path };
