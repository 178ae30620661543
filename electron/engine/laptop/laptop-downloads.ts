/**
 * A download arriving on the simulated laptop, as a browser saves it: into ~/Downloads under the
 * name the page gave, with mode 0644 (the browser's default under the usual umask 022; `ssh` will
 * refuse such a key file until `chmod 400`), and never over an existing file: a second `key.pem`
 * becomes `key (1).pem`, then `key (2).pem`, as Chrome names them.
 */
import type { LaptopFile } from '../../../shared/lab-operations';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { LAPTOP_DOWNLOADS, LAPTOP_FILES, type LaptopFileRecord } from './laptop-file-record';

/** A browser download's default permission bits (0666 & ~022). */
export const DOWNLOAD_MODE = 0o644;
/** A download larger than this is refused; the lab's downloads are key files and small documents. */
export const MAX_DOWNLOAD_BYTES = 1024 * 1024;
const MAX_FILE_NAME_LENGTH = 255;

export function saveDownload(ctx: EngineContext, fileName: unknown, content: unknown): LaptopFileRecord {
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
  if (byteLength(content) > MAX_DOWNLOAD_BYTES) {
    throw errors.invalidParameterValue(`The download ${fileName} is larger than ${MAX_DOWNLOAD_BYTES} bytes.`);
  }
  const files = ctx.records(LAPTOP_FILES);
  const path = freePath(fileName, (candidate) => files.get(candidate) !== undefined);
  return files.put(path, { path, mode: DOWNLOAD_MODE, content, modifiedAt: ctx.clock.now() });
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
export function laptopFileView(record: LaptopFileRecord): LaptopFile {
  return {
    Path: record.path,
    Mode: record.mode,
    Size: byteLength(record.content),
    ModifiedTime: record.modifiedAt,
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
