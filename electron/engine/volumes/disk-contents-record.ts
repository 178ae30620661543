/**
 * What each disk holds, one record per disk (an EBS volume, a snapshot, an instance-store disk, the
 * learner's laptop), keyed by the disk's id: kept apart from the volume's own record so that a
 * command that changes a volume's state does not rewrite its files. The record is the filesystem's
 * metadata only; file data lives in disk-blobs (disk-blob-record.ts), so a command that changes a
 * file saves this row and the new data, never the data of the disk's other files. Records are
 * replaced, never changed in place (see RecordCollection.immutable), so a snapshot of a volume may
 * share its entries with the volume in memory.
 */
import { isBlobAddress } from './disk-blob-record';
import { FILESYSTEM_TYPES, MAX_DISK_BYTES, type DiskImage } from './filesystem';
import type { SkeletonRequest } from './os-skeleton';
import { checkFields, count, oneOf, optional, region, shape, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import type { RecordCollection } from '../state/repository';

export interface DiskContentsRecord extends Omit<DiskImage, 'blobs'> {
  /** `vol-…`, `snap-…`, `<instance id>/ephemeral<n>` for an instance-store disk, or `laptop`. */
  diskId: string;
  /** The disk's region; the laptop is in none. */
  region?: string;
  /**
   * A root volume fresh from a catalog AMI holds its OS's files (os-skeleton.ts) without writing
   * them out: the record names them, and they are made the first time the disk is read or changed.
   * A launch of a thousand instances so saves a thousand small records, not a thousand filesystems.
   */
  skeleton?: SkeletonRequest;
}

export const DISK_CONTENTS: RecordCollection<DiskContentsRecord> = {
  name: 'disk-contents',
  idOf: (r) => r.diskId,
  immutable: true,
};

const isEntry = (entry: unknown): boolean => {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  if (e.type === 'file') return isBlobAddress(e.blob) && count(e.size, undefined as never);
  if (e.type === 'symlink') return typeof e.target === 'string';
  return e.type === 'directory';
};

const isEntries = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.entries(v).every(([path, entry]) => path.startsWith('/') && isEntry(entry));

export const DISK_CONTENTS_FAMILY = defineFamily({
  name: 'disk contents',
  collection: DISK_CONTENTS,
  // Paths and metadata only: a disk of many small files stays well under this.
  maxRecordChars: 16 * 1024 * 1024,
  importCheck: checkFields({
    diskId: text,
    region: optional(region),
    format: optional(oneOf(FILESYSTEM_TYPES)),
    entries: isEntries,
    usedBytes: (v) => count(v, undefined as never) && (v as number) <= MAX_DISK_BYTES,
    // A record names its files' data; it never carries it.
    blobs: (v) => v === undefined,
    skeleton: optional(
      shape({
        os: oneOf(['amazon-linux', 'ubuntu', 'debian', 'rhel', 'suse', 'windows', 'macos']),
        user: text,
        hostname: text,
        at: time,
        software: optional(oneOf(['wordpress', 'nginx'])),
      }),
    ),
  }),
  handlers: {},
});
