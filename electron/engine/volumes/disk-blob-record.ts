/**
 * The data of the files on the lab's disks, one record per distinct content, keyed by its SHA-256:
 * a disk's contents record names each file's data by that key (blob-store.ts), so a file written
 * once is saved once, a snapshot or a volume made from one copies names only, and writing a small
 * file beside a big one saves the small one. Lab-wide (a snapshot copied to another region shares
 * them); blobs no disk names any more are removed at the end of the command that let go of them
 * (disk-blobs.ts).
 */
import { checkFields, count } from '../import-checks';
import { defineFamily } from '../resource-family';
import type { RecordCollection } from '../state/repository';
import { MAX_DISK_BYTES } from './filesystem';

export interface DiskBlobRecord {
  /** The SHA-256 of the bytes, 64 lowercase hex digits. */
  hash: string;
  size: number;
  /** The bytes, base64. */
  data: string;
}

export const DISK_BLOBS: RecordCollection<DiskBlobRecord> = {
  name: 'disk-blobs',
  idOf: (r) => r.hash,
  immutable: true,
};

export const isBlobAddress = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

export const DISK_BLOBS_FAMILY = defineFamily({
  name: 'disk blobs',
  collection: DISK_BLOBS,
  maxRecordChars: Math.ceil((MAX_DISK_BYTES * 4) / 3) + 1024,
  // The data's length must be the size's, in base64; the hash itself is not checked again here,
  // which would read every byte of every disk at each start.
  importCheck: checkFields(
    {
      hash: isBlobAddress,
      size: (v) => count(v, undefined as never) && (v as number) <= MAX_DISK_BYTES,
      data: (v) => typeof v === 'string',
    },
    (data) => ((data.data as string).length === Math.ceil((data.size as number) / 3) * 4 ? undefined : 'data'),
  ),
  handlers: {},
});
