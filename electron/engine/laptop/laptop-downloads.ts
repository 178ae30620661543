/**
 * A download arriving on the simulated laptop, as a browser saves it: into ~/Downloads on the
 * laptop's disk (laptop-disk.ts) under the name the page gave, owned by the learner, with mode 0644
 * (the browser's default under the usual umask 022; `ssh` will refuse such a key file until
 * `chmod 400`), and never over an existing file: a second `key.pem` becomes `key (1).pem`, then
 * `key (2).pem`, as Chrome names them.
 */
import type { LaptopFile } from '../../../shared/lab-operations';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { changeContents, viewContents } from '../volumes/disk-contents';
import type { EntryStat, Filesystem } from '../volumes/filesystem';
import { LAPTOP_DISK_ID, LAPTOP_DOWNLOADS, LAPTOP_HOME, LAPTOP_UID } from './laptop-disk';

/** A browser download's default permission bits (0666 & ~022). */
export const DOWNLOAD_MODE = 0o644;
/** A download larger than this is refused; the lab's downloads are key files and small documents. */
export const MAX_DOWNLOAD_BYTES = 1024 * 1024;
const MAX_FILE_NAME_LENGTH = 255;

export function saveDownload(ctx: EngineContext, fileName: unknown, content: unknown): LaptopFile {
  if (typeof fileName !== 'string' || fileName === '') throw errors.missingParameter('FileName');
  if (typeof content !== 'string') throw errors.missingParameter('Content');
  if (
    fileName.length > MAX_FILE_NAME_LENGTH ||
    fileName === '.' ||
    fileName === '..' ||
    /[/\\\0]/.test(fileName) ||
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    /[\u0000-\u001f\u007f]/.test(fileName)
  ) {
    throw errors.invalidParameterValue(
      `Value (${fileName.slice(0, 64)}) for parameter FileName is invalid. A file name of up to ${MAX_FILE_NAME_LENGTH} characters without / or \\ is expected.`,
    );
  }
  const bytes = new TextEncoder().encode(content);
  if (bytes.length > MAX_DOWNLOAD_BYTES) {
    throw errors.invalidParameterValue(`The download ${fileName} is larger than ${MAX_DOWNLOAD_BYTES} bytes.`);
  }
  return changeContents(ctx, LAPTOP_DISK_ID, undefined, (fs) => {
    // A browser makes the folder again if the learner removed it.
    if (!fs.exists(LAPTOP_DOWNLOADS)) fs.mkdir(LAPTOP_DOWNLOADS, { recursive: true, uid: LAPTOP_UID, gid: LAPTOP_UID });
    const path = freePath(fileName, (candidate) => fs.exists(candidate));
    fs.writeFile(path, bytes, { mode: DOWNLOAD_MODE, uid: LAPTOP_UID, gid: LAPTOP_UID });
    return fileView(path, fs.stat(path));
  });
}

/** Every ordinary file in the learner's home, by path (downloads, keys, what the laptop shell made there). */
export function describeLaptopFiles(ctx: EngineContext): LaptopFile[] {
  const fs = viewContents(ctx, LAPTOP_DISK_ID);
  return homeFiles(fs)
    .sort((a, b) => a.localeCompare(b))
    .map((path) => fileView(path, fs.lstat(path)));
}

function homeFiles(fs: Filesystem): string[] {
  if (!fs.formatted || !fs.exists(LAPTOP_HOME)) return [];
  return fs
    .entriesUnder(LAPTOP_HOME)
    .filter(([, entry]) => entry.type === 'file')
    .map(([path]) => path);
}

/** `key.pem`, else `key (1).pem`, `key (2).pem` …; a name without an extension gets ` (1)` at its end. */
function freePath(fileName: string, taken: (path: string) => boolean): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  for (let copy = 0; ; copy += 1) {
    const name = copy === 0 ? fileName : `${stem} (${copy})${extension}`;
    const path = `${LAPTOP_DOWNLOADS}/${name}`;
    if (!taken(path)) return path;
  }
}

/** A laptop file as the lab operations answer it. */
function fileView(path: string, stat: EntryStat): LaptopFile {
  return { Path: path, Mode: stat.mode, Size: stat.size, ModifiedTime: stat.mtime };
}
