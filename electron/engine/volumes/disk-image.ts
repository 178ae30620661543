/**
 * What a disk (an EBS volume, a snapshot of one, an instance-store disk, the laptop) holds, as plain
 * data that persists as it is: either nothing (raw, never formatted: `file -s` says `data`, EC2 User
 * Guide: ebs-using-volumes) or a filesystem of a type, made of directories, files and symbolic links
 * by absolute path, each with mode, owner and modification time. The shape is the one an in-memory
 * filesystem keeps (path → directory | file | symlink with mode and mtime). A file names its data by
 * content address (blob-store.ts) instead of holding it, so the image is small JSON whatever the
 * files weigh, and changing one file changes one entry. filesystem.ts reads and changes it.
 */

/** The filesystem types mkfs can make in the lab (and the ones an AMI's root volume comes with). */
export const FILESYSTEM_TYPES = ['xfs', 'ext4', 'ext3', 'vfat', 'ntfs', 'apfs'] as const;
export type FilesystemType = (typeof FILESYSTEM_TYPES)[number];

/** A disk keeps at most this much file data: enough for any lesson, small enough to save at once. */
export const MAX_DISK_BYTES = 64 * 1024 * 1024;

export interface EntryBase {
  mode: number;
  uid: number;
  gid: number;
  /** Epoch milliseconds on the lab clock. */
  mtime: number;
}

export type DirectoryEntry = EntryBase & { type: 'directory' };
export type FileEntry = EntryBase & {
  type: 'file';
  /** The SHA-256 of its bytes (hex): where its data is in the blob store. */
  blob: string;
  size: number;
};
export type SymlinkEntry = EntryBase & { type: 'symlink'; target: string };
export type FilesystemEntry = DirectoryEntry | FileEntry | SymlinkEntry;

export interface DiskImage {
  /** The filesystem on the disk; absent while the disk is raw. */
  format?: FilesystemType;
  /** Normalized absolute path → entry; '/' is there once the disk is formatted. */
  entries: Record<string, FilesystemEntry>;
  /** Bytes of file data and link targets, kept as entries change. */
  usedBytes: number;
  /**
   * The files' data by address (SHA-256 hex → base64) when the image carries it itself: a copy
   * handed out by `engine.disks.read`, an image made outside the lab. A disk's own record never
   * has it: the lab keeps file data in the disk-blobs collection.
   */
  blobs?: Record<string, string>;
}

export interface EntryOwner {
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface EntryStat {
  type: FilesystemEntry['type'];
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
}

/** What `df` shows of a filesystem (statfs(2)). */
export interface FilesystemUsage {
  type: FilesystemType;
  /** The disk's size: the volume's, the instance-store disk's. */
  sizeBytes: number;
  usedBytes: number;
  /** The size less what is used, as `df` shows it. */
  availableBytes: number;
  /** What the lab still takes before ENOSPC: a disk holds at most MAX_DISK_BYTES of files. */
  writableBytes: number;
  /** Directories, files and links (inodes in use). */
  entries: number;
}

export function rawImage(): DiskImage {
  return { entries: {}, usedBytes: 0 };
}

/** `/a/./b/../c/` → `/a/c`; relative paths are taken from `/`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
