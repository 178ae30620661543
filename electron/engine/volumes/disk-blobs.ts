/**
 * The lab's side of the blob store: file data in the disk-blobs collection, written through the
 * unit of work like any record, and removed once no disk names it. Which blobs are named is counted
 * in memory (built once from the disk contents, then kept by watching every change to them, rollbacks
 * and loading included), so a command only looks at the blobs it let go of or wrote: never a scan
 * of the lab.
 */
import type { EngineContext } from '../context';
import { KEY_MAKER_MISSING } from '../key-pairs/key-maker';
import { toBase64 } from './base64';
import type { BlobStore } from './blob-store';
import { DISK_BLOBS, type DiskBlobRecord } from './disk-blob-record';
import { DISK_CONTENTS, type DiskContentsRecord } from './disk-contents-record';
import type { DiskImage } from './filesystem';
import { sha256Hex } from './sha256';

interface BlobReferences {
  /** Blob address → how many file entries of the lab's disks name it. */
  counts: Map<string, number>;
  /** Blobs that may have lost their last name since the last commit. */
  unnamed: Set<string>;
}

/** One bookkeeping per lab, keyed by its disk-contents repository. */
const REFERENCES = new WeakMap<object, BlobReferences>();

/** Starts counting the lab's blob names if it has not yet; call before any change to disk contents. */
export function trackBlobReferences(ctx: EngineContext): void {
  const contents = ctx.records(DISK_CONTENTS);
  if (REFERENCES.has(contents)) return;
  const blobs = ctx.records(DISK_BLOBS);
  const references: BlobReferences = { counts: new Map(), unnamed: new Set() };
  REFERENCES.set(contents, references);
  // Data no disk names when counting starts is left alone: a disk's record set aside at start-up
  // (lab/imported-records.ts) still names it, and its data stays with it.
  for (const record of contents.values()) count(references, record, 1);
  contents.observe((_id, before, after) => {
    if (before && after && before.entries === after.entries) return;
    if (before) count(references, before, -1);
    if (after) count(references, after, 1);
  });
  contents.beforeEachCommit(() => {
    if (references.unnamed.size === 0) return;
    for (const hash of references.unnamed) if (!references.counts.has(hash) && blobs.has(hash)) blobs.delete(hash);
    references.unnamed.clear();
  });
}

function count(references: BlobReferences, record: DiskContentsRecord, delta: 1 | -1): void {
  for (const path in record.entries) {
    const entry = record.entries[path]!;
    if (entry.type !== 'file') continue;
    const named = (references.counts.get(entry.blob) ?? 0) + delta;
    if (named > 0) references.counts.set(entry.blob, named);
    else {
      references.counts.delete(entry.blob);
      references.unnamed.add(entry.blob);
    }
  }
}

/** Notes a blob just kept: unless a disk names it by the end of the command, it goes. */
function keep(ctx: EngineContext, record: DiskBlobRecord): void {
  ctx.records(DISK_BLOBS).put(record.hash, record);
  REFERENCES.get(ctx.records(DISK_CONTENTS))!.unnamed.add(record.hash);
}

/** The lab's blob store: reads from disk-blobs, writes new content there (hashed by the host's crypto when it has one). */
export function labBlobs(ctx: EngineContext): BlobStore {
  trackBlobReferences(ctx);
  const blobs = ctx.records(DISK_BLOBS);
  const keyMaker = ctx.keyMaker;
  const digest =
    keyMaker === KEY_MAKER_MISSING ? sha256Hex : (bytes: Uint8Array) => hex(keyMaker.digest('sha256', bytes));
  return {
    read: (address) => blobs.get(address)?.data,
    write: (bytes) => {
      const hash = digest(bytes);
      if (!blobs.has(hash)) keep(ctx, { hash, size: bytes.length, data: toBase64(bytes) });
      return hash;
    },
  };
}

/** Moves the data an image carries (an OS skeleton's files) into the lab, so the image names lab blobs only. */
export function adoptBlobs(ctx: EngineContext, image: DiskImage): void {
  const carried = image.blobs;
  if (!carried) return;
  trackBlobReferences(ctx);
  const blobs = ctx.records(DISK_BLOBS);
  for (const path in image.entries) {
    const entry = image.entries[path]!;
    if (entry.type !== 'file' || blobs.has(entry.blob)) continue;
    const data = carried[entry.blob];
    if (data !== undefined) keep(ctx, { hash: entry.blob, size: entry.size, data });
  }
  delete image.blobs;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
