/**
 * A lab saved at schema v2 (file data inside each disk's contents record, the laptop's downloads as
 * laptop-files records) opens after the upgrade to v3 with every disk reading exactly as v2 read it:
 * the database by its migration, and a lab file exported by v2 by import. The fixtures were made by
 * the v2 code itself (test-fixtures/v2/README.md), including what it read (described-by-v2.json).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAPTOP_DISK_ID } from '../laptop/laptop-disk';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { VOLUME_TIMINGS } from '../volumes/volume-lifecycle';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { openSqliteStateStore } from './sqlite-state-store';

const FIXTURES = new URL('./test-fixtures/v2/', import.meta.url).pathname;
const ids = JSON.parse(readFileSync(join(FIXTURES, 'ids.json'), 'utf8')) as Record<
  'instance' | 'fresh' | 'root' | 'store' | 'freshRoot' | 'data' | 'snapshot',
  string
>;
const v2 = JSON.parse(readFileSync(join(FIXTURES, 'described-by-v2.json'), 'utf8')) as {
  disks: Record<string, unknown>;
  laptopFiles: unknown[];
  clock: unknown;
};
const REAL_START = Date.UTC(2026, 10, 25, 9, 0, 0);

let directories: string[] = [];
afterEach(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  directories = [];
});

function openV2Database(): TestLab {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-v2-'));
  directories.push(directory);
  copyFileSync(join(FIXTURES, 'lab.sqlite'), join(directory, 'lab.sqlite'));
  return createTestLab({ store: openSqliteStateStore(directory), realStart: REAL_START });
}

function importV2Export(): TestLab {
  const lab = createTestLab({ realStart: REAL_START });
  lab.lab('ImportLab', { content: readFileSync(join(FIXTURES, 'lab-export.json'), 'utf8') });
  return lab;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A disk read as the fixture maker read it at v2. */
function listing(lab: TestLab, diskId: string): unknown {
  return lab.engine.disks.inspect(diskId, (fs) => ({
    format: fs.image.format ?? null,
    usedBytes: fs.image.usedBytes,
    entries: Object.fromEntries(
      (fs.formatted ? fs.entriesUnder('/') : [])
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, e]) => [
          path,
          {
            type: e.type,
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            mtime: e.mtime,
            ...(e.type === 'file' ? { size: e.size, sha256: sha256(fs.readFile(path)) } : {}),
            ...(e.type === 'symlink' ? { target: e.target } : {}),
          },
        ]),
    ),
  }));
}

const collection = (lab: TestLab, name: string) => lab.store.loadAll().filter((r) => r.collection === name);

describe.each([
  ['a v2 database, migrated on open', openV2Database],
  ['a lab file exported by v2, imported', importV2Export],
])('%s', (_name, open) => {
  it('reads every disk exactly as v2 did: entries, modes, owners, times, bytes', () => {
    const lab = open();
    expect(lab.lab('GetStatus', {}).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    for (const diskId of [ids.root, ids.store, ids.data, ids.snapshot]) {
      expect(listing(lab, diskId), diskId).toEqual(v2.disks[diskId]);
    }
    // A root volume whose OS files were never made gets them now as v3 makes them: v2 gave the
    // directories `mkdir -p` made on the way mode 0644, where mkdir -p makes them 0755.
    const fresh = structuredClone(v2.disks[ids.freshRoot]) as { entries: Record<string, { mode: number }> };
    for (const path of ['/usr', '/var']) fresh.entries[path]!.mode = 0o755;
    expect(listing(lab, ids.freshRoot)).toEqual(fresh);
    expect(lab.lab('GetClock', {})).toEqual(v2.clock);
  });

  it("keeps each distinct content once, out of the disks' records", () => {
    const lab = open();
    const contents = collection(lab, 'disk-contents');
    expect(JSON.stringify(contents.map((r) => r.data))).not.toContain('"data"');
    const blobs = collection(lab, 'disk-blobs');
    const named = new Set(
      contents.flatMap((r) =>
        Object.values((r.data as { entries: Record<string, { blob?: string }> }).entries).flatMap((e) =>
          e.blob ? [e.blob] : [],
        ),
      ),
    );
    expect(new Set(blobs.map((b) => b.id))).toEqual(named);
    for (const blob of blobs) {
      const { hash, size, data } = blob.data as { hash: string; size: number; data: string };
      const bytes = Buffer.from(data, 'base64');
      expect([blob.id, hash, size]).toEqual([sha256(bytes), sha256(bytes), bytes.length]);
    }
    // The root volume's two files of the same bytes, and the data volume's photo its snapshot shares.
    const [same, motd] = lab.engine.disks.inspect(ids.root, (fs) => [
      fs.entriesUnder('/home/ec2-user/same.txt')[0]![1],
      fs.entriesUnder('/etc/motd')[0]![1],
    ]);
    expect(same).toMatchObject({ blob: (motd as { blob: string }).blob });
    expect(blobs.filter((b) => b.id === (same as { blob: string }).blob)).toHaveLength(1);
  });

  it("makes the laptop's downloads files of the laptop disk, with its layout around them", () => {
    const lab = open();
    expect(collection(lab, 'laptop-files')).toEqual([]);
    expect(lab.lab('DescribeLaptopFiles', {}).Files).toEqual(v2.laptopFiles);
    const fresh = createTestLab();
    const layout = (of: TestLab) =>
      of.engine.disks.inspect(LAPTOP_DISK_ID, (fs) =>
        ['/', '/home/learner', '/home/learner/.ssh', '/home/learner/Downloads', '/tmp', '/etc/hosts'].map((path) => {
          const { type, mode, uid, gid, size } = fs.stat(path);
          return { path, type, mode, uid, gid, size, statfs: fs.statfs().type };
        }),
      );
    expect(layout(lab)).toEqual(layout(fresh));
    lab.engine.disks.inspect(LAPTOP_DISK_ID, (fs) => {
      expect(fs.readText('/etc/hosts')).toBe(
        fresh.engine.disks.inspect(LAPTOP_DISK_ID, (f) => f.readText('/etc/hosts')),
      );
      expect(fs.readText('/home/learner/Downloads/README')).toBe('notes 한국어\n');
      expect(fs.stat('/home/learner/Downloads/key (1).pem')).toMatchObject({ mode: 0o644, uid: 1000, gid: 1000 });
    });
    // And it goes on: the next download of the same name takes the next free one.
    expect(lab.lab('SaveLaptopDownload', { FileName: 'key.pem', Content: 'third\n' }).Path).toBe(
      '/home/learner/Downloads/key (2).pem',
    );
  });

  it('goes on working: a change saves, and data no disk names any more is removed', () => {
    const lab = open();
    lab.engine.disks.change(ids.data, (fs) => fs.writeFile('/data/new.txt', 'after the upgrade\n'));
    const photo = lab.engine.disks.inspect(ids.data, (fs) => fs.entriesUnder('/data/photo.bin')[0]![1]) as {
      blob: string;
    };
    const blobIds = () => collection(lab, 'disk-blobs').map((b) => b.id);
    lab.ec2('DeleteVolume', { VolumeId: ids.data });
    lab.pass(VOLUME_TIMINGS.deletingMs);
    expect(blobIds()).toContain(photo.blob);
    lab.ec2('DeleteSnapshot', { SnapshotId: ids.snapshot });
    expect(blobIds()).not.toContain(photo.blob);
  });
});
