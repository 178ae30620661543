/**
 * What each disk holds, one record per disk (an EBS volume, a snapshot, an instance-store disk),
 * keyed by the disk's id: kept apart from the volume's own record so that a command that changes a
 * volume's state does not rewrite its files, and a command that changes its files writes that one
 * row only (the unit of work saves exactly the records a command touched).
 */
import { FILESYSTEM_TYPES, MAX_DISK_BYTES, type DiskImage } from './filesystem';
import type { SkeletonRequest } from './os-skeleton';
import { checkFields, count, oneOf, optional, region, shape, text, time } from '../import-checks';
import { defineFamily } from '../resource-family';
import type { RecordCollection } from '../state/repository';

export interface DiskContentsRecord extends DiskImage {
  /** `vol-…`, `snap-…`, or `<instance id>/ephemeral<n>` for an instance-store disk. */
  diskId: string;
  region: string;
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
  regionOf: (r) => r.region,
};

const isEntries = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.entries(v).every(
    ([path, entry]) =>
      path.startsWith('/') &&
      typeof entry === 'object' &&
      entry !== null &&
      ['directory', 'file', 'symlink'].includes((entry as { type?: unknown }).type as string),
  );

export const DISK_CONTENTS_FAMILY = defineFamily({
  name: 'disk contents',
  collection: DISK_CONTENTS,
  // Base64 grows data by a third; paths and metadata add a little more.
  maxRecordChars: Math.ceil((MAX_DISK_BYTES * 4) / 3) + 16 * 1024 * 1024,
  importCheck: checkFields({
    diskId: text,
    region,
    format: optional(oneOf(FILESYSTEM_TYPES)),
    entries: isEntries,
    usedBytes: (v) => count(v, undefined as never) && (v as number) <= MAX_DISK_BYTES,
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
