/**
 * Schema v2 → v3: file data leaves the disks' contents records. Each file entry of a `disk-contents`
 * record stops holding its bytes (`data`, base64) and names them by their SHA-256 (`blob`); the
 * bytes become one `disk-blobs` record per distinct content ({ hash, size, data }). And the laptop
 * becomes a disk: its `laptop-files` records (files only, directories implied) become the
 * `disk-contents` record `laptop`, an ext4 filesystem with the layout a new lab's laptop has
 * (laptop/laptop-disk.ts, as it was at v3) and the files where they were, owned by the learner.
 * And an activity event of CreateVolume no longer names the empty id "" among its resources (v2
 * logged the answer's `SnapshotId: ""` as one, which made such a lab's own export fail to import).
 * Used by the SQLite migration and by the import of a lab file exported by a v1 or v2 lab.
 *
 * Written in erasable TypeScript with no runtime imports but Node's own: the schema module loads it
 * under plain Node. Its copy of the laptop's layout is v3's, on purpose: a later change to the
 * layout must not change what this step made.
 */
import { createHash } from 'node:crypto';

interface StoredRecordV2 {
  collection: string;
  id: string;
  data: unknown;
}

type EntryV3 = { mode: number; uid: number; gid: number; mtime: number } & (
  { type: 'directory' } | { type: 'file'; blob: string; size: number } | { type: 'symlink'; target: string }
);

interface LaptopFileV2 {
  path: string;
  mode: number;
  content: string;
  modifiedAt: number;
}

const LAPTOP_UID = 1000;
const LAPTOP_HOME = '/home/learner';

export function diskBlobsAndLaptopDisk<R extends StoredRecordV2>(records: readonly R[]): StoredRecordV2[] {
  const out: StoredRecordV2[] = [];
  const blobs = new Map<string, StoredRecordV2>();
  const keep = (bytes: Buffer): string => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!blobs.has(hash)) {
      blobs.set(hash, {
        collection: 'disk-blobs',
        id: hash,
        data: { hash, size: bytes.length, data: bytes.toString('base64') },
      });
    }
    return hash;
  };
  const laptopFiles: LaptopFileV2[] = [];
  for (const record of records) {
    if (record.collection === 'laptop-files' && isLaptopFile(record.data)) {
      laptopFiles.push(record.data);
      continue;
    }
    if (record.collection === 'activity' && isObject(record.data) && Array.isArray(record.data.ResourceIds)) {
      out.push({ ...record, data: { ...record.data, ResourceIds: record.data.ResourceIds.filter((id) => id !== '') } });
      continue;
    }
    if (record.collection !== 'disk-contents' || !hasEntries(record.data)) {
      out.push(record);
      continue;
    }
    const entries: Record<string, unknown> = {};
    for (const [path, entry] of Object.entries(record.data.entries)) {
      if (isObject(entry) && entry.type === 'file' && typeof entry.data === 'string') {
        const { data, ...rest } = entry;
        const bytes = Buffer.from(data, 'base64');
        entries[path] = { ...rest, blob: keep(bytes), size: bytes.length };
      } else {
        entries[path] = entry;
      }
    }
    out.push({ ...record, data: { ...record.data, entries } });
  }
  if (laptopFiles.length > 0) out.push(laptopDisk(laptopFiles, keep));
  out.push(...blobs.values());
  return out;
}

/** The laptop's disk as v3 makes a new lab's, with the saved files in it. */
function laptopDisk(files: LaptopFileV2[], keep: (bytes: Buffer) => string): StoredRecordV2 {
  const at = Math.min(...files.map((file) => file.modifiedAt));
  const entries: Record<string, EntryV3> = {};
  let usedBytes = 0;
  const directory = (path: string, mode = 0o755, uid = 0) => {
    entries[path] ??= { type: 'directory', mode, uid, gid: uid, mtime: at };
  };
  const file = (path: string, bytes: Buffer, mode: number, uid: number, mtime: number) => {
    entries[path] = { type: 'file', mode, uid, gid: uid, mtime, blob: keep(bytes), size: bytes.length };
    usedBytes += bytes.length;
  };
  directory('/');
  directory('/lost+found', 0o700);
  directory('/home');
  directory(LAPTOP_HOME, 0o755, LAPTOP_UID);
  directory(`${LAPTOP_HOME}/Downloads`, 0o755, LAPTOP_UID);
  directory(`${LAPTOP_HOME}/.ssh`, 0o700, LAPTOP_UID);
  directory('/tmp', 0o1777);
  directory('/usr');
  directory('/usr/bin');
  directory('/etc');
  const text = (value: string) => Buffer.from(value, 'utf8');
  file('/etc/hostname', text('laptop\n'), 0o644, 0, at);
  file(
    '/etc/hosts',
    text('127.0.0.1\tlocalhost\n127.0.1.1\tlaptop\n::1\tlocalhost ip6-localhost ip6-loopback\n'),
    0o644,
    0,
    at,
  );
  file(
    '/etc/passwd',
    text(`root:x:0:0:root:/root:/bin/bash\nlearner:x:${LAPTOP_UID}:${LAPTOP_UID}:Learner:${LAPTOP_HOME}:/bin/bash\n`),
    0o644,
    0,
    at,
  );
  file('/etc/group', text(`root:x:0:\nlearner:x:${LAPTOP_UID}:\n`), 0o644, 0, at);
  for (const saved of files) {
    const parts = saved.path.split('/').filter(Boolean);
    for (let depth = 1; depth < parts.length; depth++) {
      directory(`/${parts.slice(0, depth).join('/')}`, 0o755, LAPTOP_UID);
    }
    file(`/${parts.join('/')}`, text(saved.content), saved.mode, LAPTOP_UID, saved.modifiedAt);
  }
  return {
    collection: 'disk-contents',
    id: 'laptop',
    data: { diskId: 'laptop', format: 'ext4', entries, usedBytes },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasEntries(data: unknown): data is { entries: Record<string, unknown> } {
  return isObject(data) && isObject(data.entries);
}

function isLaptopFile(data: unknown): data is LaptopFileV2 {
  return (
    isObject(data) &&
    typeof data.path === 'string' &&
    data.path.startsWith('/') &&
    typeof data.mode === 'number' &&
    typeof data.content === 'string' &&
    typeof data.modifiedAt === 'number'
  );
}
