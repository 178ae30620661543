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
 * Written in erasable TypeScript with no imports: the schema module loads it under plain Node, and
 * the console's tests type-check the engine without Node's types, so it hashes with its own SHA-256
 * (FIPS 180-4) and decodes base64 with atob. Its copy of the laptop's layout is v3's, on purpose: a
 * later change to the layout must not change what this step made.
 */

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
  const keep = (bytes: Uint8Array, base64 = base64Of(bytes)): string => {
    const hash = sha256Hex(bytes);
    if (!blobs.has(hash)) {
      blobs.set(hash, { collection: 'disk-blobs', id: hash, data: { hash, size: bytes.length, data: base64 } });
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
        const bytes = bytesOf(data);
        entries[path] = { ...rest, blob: keep(bytes, base64Of(bytes)), size: bytes.length };
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
function laptopDisk(files: LaptopFileV2[], keep: (bytes: Uint8Array) => string): StoredRecordV2 {
  const at = Math.min(...files.map((file) => file.modifiedAt));
  const entries: Record<string, EntryV3> = {};
  let usedBytes = 0;
  const directory = (path: string, mode = 0o755, uid = 0) => {
    entries[path] ??= { type: 'directory', mode, uid, gid: uid, mtime: at };
  };
  const file = (path: string, bytes: Uint8Array, mode: number, uid: number, mtime: number) => {
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
  const text = (value: string) => new TextEncoder().encode(value);
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

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

const rotate = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) as 64 lowercase hex digits: the same as the engine's volumes/sha256.ts. */
function sha256Hex(bytes: Uint8Array): string {
  // The bytes, 0x80, zeros, and the length in bits as a 64-bit big-endian number, in 64-byte blocks.
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
  const hash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotate(w[i - 15]!, 7) ^ rotate(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotate(w[i - 2]!, 17) ^ rotate(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = hash as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, h].forEach((value, i) => (hash[i] = (hash[i]! + value) | 0));
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}
