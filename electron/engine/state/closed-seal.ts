/**
 * The seal the SQLite store leaves beside lab.sqlite when it closes cleanly: what the file was at
 * that moment (its size, times and inode, and a checksum of its bytes). The next open takes the seal
 * away and compares. A file that still matches is the one the lab itself left, so every record in it
 * is one the lab wrote, or checked when it opened: opening may skip the checks meant for a file
 * damaged or changed elsewhere (the page scan of `PRAGMA quick_check`, the per-record import checks).
 * Anything else (no seal, a crash, a -wal file beside it, a write by another program, a newer schema)
 * opens with every check.
 *
 * Written in erasable TypeScript only (no enums, no parameter properties) so plain Node 24 can run it
 * with type stripping; the crash test depends on that.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { PRIVATE_FILE_MODE } from './private-files';
import { CURRENT_SCHEMA_VERSION } from './schema';

/** Beside `<data directory>/lab.sqlite`. */
const SEAL_SUFFIX = '-closed';
/** A new layout of the seal is a new format: an older seal then never matches. */
const SEAL_FORMAT = 1;
/** The file is read a mebibyte at a time for its checksum. */
const CHUNK_BYTES = 1024 * 1024;

interface Seal {
  /** The file's metadata, as text: compared first, since it costs no read. */
  file: string;
  checksum: number;
}

/** The file's metadata as text, or undefined if it cannot be read. */
function describeFile(file: string, appVersion: string): string | undefined {
  try {
    // Nanosecond times and a 64-bit inode: bigint, so nothing is rounded.
    const stat = statSync(file, { bigint: true });
    return JSON.stringify({
      format: SEAL_FORMAT,
      // A file sealed by a version of the lab with another schema opens with every check.
      schemaVersion: CURRENT_SCHEMA_VERSION,
      // Nor does one sealed by another version of the lab: its checks of records may differ.
      appVersion,
      size: String(stat.size),
      modified: String(stat.mtimeNs),
      // The change time: every write moves it, and so does a utimes() that puts the modified time back.
      changed: String(stat.ctimeNs),
      device: String(stat.dev),
      inode: String(stat.ino),
    });
  } catch {
    return undefined;
  }
}

/**
 * CRC-32 of the file's bytes: file times tick coarsely on some systems (15 ms on Windows), and a
 * write within one tick of the lab closing the file still changes its bytes. About 12 ms for 30 MB.
 */
function checksum(file: string): number | undefined {
  try {
    const descriptor = openSync(file, 'r');
    try {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let crc = 0;
      for (let position = 0; ;) {
        const read = readSync(descriptor, chunk, 0, CHUNK_BYTES, position);
        if (read === 0) return crc;
        crc = crc32(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read), crc);
        position += read;
      }
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
}

/**
 * Leaves the seal for a file just closed cleanly (its write-ahead log moved in and removed). Best
 * effort: without a seal the next open only checks everything.
 */
export function sealClosedFile(file: string, appVersion: string): void {
  if (existsSync(`${file}-wal`)) return;
  const described = describeFile(file, appVersion);
  const sum = checksum(file);
  // Described again: a write while the checksum was read would make the seal describe a file that never was.
  if (described === undefined || sum === undefined || describeFile(file, appVersion) !== described) return;
  const seal: Seal = { file: described, checksum: sum };
  try {
    writeFileSync(file + SEAL_SUFFIX, JSON.stringify(seal), { mode: PRIVATE_FILE_MODE });
  } catch {
    // The next open checks everything.
  }
}

/**
 * Takes the seal away (the file, once opened, is no longer the file that was closed) and says whether
 * the file, with no write-ahead log beside it, is still the one it describes.
 */
export function takeSeal(file: string, appVersion: string): boolean {
  const sealFile = file + SEAL_SUFFIX;
  let text: string | undefined;
  try {
    text = readFileSync(sealFile, 'utf8');
  } catch {
    // No seal.
  }
  try {
    rmSync(sealFile, { force: true });
  } catch {
    // A seal that cannot be taken away could outlive the file it describes: trust nothing.
    return false;
  }
  if (text === undefined || existsSync(`${file}-wal`)) return false;
  let seal: Partial<Seal> | null;
  try {
    seal = JSON.parse(text) as Partial<Seal> | null;
  } catch {
    return false;
  }
  return (
    typeof seal?.file === 'string' && describeFile(file, appVersion) === seal.file && checksum(file) === seal.checksum
  );
}
