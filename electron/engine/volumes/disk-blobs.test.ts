/**
 * File data kept once per content and apart from the disks' records: a small write beside a big file
 * saves only itself, a snapshot and a volume made from it save names only, and data no disk names
 * any more is gone with the command that let go of it, across restarts and imports too.
 */
import { describe, expect, it } from 'vitest';
import { encodeRecordData } from '../state/schema';
import { MemoryStateStore, type RecordChange } from '../state/state-store';
import { createTestLab, type TestLab } from '../test-support/test-lab';
import { MAX_DISK_BYTES } from './filesystem';
import { VOLUME_TIMINGS } from './volume-lifecycle';

const ZONE = 'ap-northeast-2a';
const MIB = 1024 * 1024;

/** A memory store that counts the bytes each commit writes, as the SQLite store would write them. */
class CountingStore extends MemoryStateStore {
  written: number[] = [];
  override commit(changes: readonly RecordChange[]): void {
    this.written.push(
      changes.reduce((sum, c) => sum + (c.data === undefined ? 0 : encodeRecordData(c.data).length), 0),
    );
    super.commit(changes);
  }
  /** The bytes written by what `body` does. */
  bytesOf(body: () => void): number {
    const before = this.written.length;
    body();
    return this.written.slice(before).reduce((a, b) => a + b, 0);
  }
}

function newVolume(lab: TestLab): string {
  const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 8 }).VolumeId!;
  lab.pass(VOLUME_TIMINGS.creatingMs);
  return volumeId;
}

const blobIds = (lab: TestLab) =>
  lab.store
    .loadAll()
    .filter((r) => r.collection === 'disk-blobs')
    .map((r) => r.id)
    .sort();

const blobOf = (lab: TestLab, diskId: string, path: string) =>
  lab.engine.disks.inspect(diskId, (fs) => {
    const [, entry] = fs.entriesUnder(path)[0]!;
    return entry.type === 'file' ? entry.blob : '';
  });

describe('file data on the lab disks', () => {
  // Saving 16 MiB takes a second or two when the test run shares the machine.
  const slow = 30_000;

  it(
    'saves a small write beside 16 MiB as the small write only, and copies a disk by names',
    () => {
      const store = new CountingStore();
      const lab = createTestLab({ store });
      const volumeId = newVolume(lab);
      const big = new Uint8Array(16 * MIB);
      new Uint32Array(big.buffer).forEach((_, i, words) => (words[i] = Math.imul(i, 2654435761)));
      lab.engine.disks.change(volumeId, (fs) => {
        fs.format('xfs');
        fs.writeFile('/big.bin', big);
      });
      expect(store.written.at(-1)).toBeGreaterThan((16 * MIB * 4) / 3);
      const small = store.bytesOf(() =>
        lab.engine.disks.change(volumeId, (fs) => fs.writeFile('/note.txt', 'x'.repeat(100))),
      );
      expect(small).toBeLessThan(4 * 1024);
      const stat = store.bytesOf(() => lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/big.bin')));
      expect(stat).toBe(0);

      const snapshotId = lab.ec2('CreateSnapshot', { VolumeId: volumeId }).SnapshotId!;
      const copies = store.bytesOf(() => {
        lab.pass(10 * 60_000);
        const restored = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, SnapshotId: snapshotId }).VolumeId!;
        lab.pass(VOLUME_TIMINGS.creatingMs);
        const read = lab.engine.disks.inspect(restored, (fs) => fs.readFile('/big.bin'));
        expect(Buffer.compare(read, big)).toBe(0);
      });
      expect(copies).toBeLessThan(64 * 1024);
      expect(blobIds(lab)).toHaveLength(2);
    },
    slow,
  );

  it('keeps the same bytes once, and removes data when no disk names it any more', () => {
    const lab = createTestLab();
    const [one, two] = [newVolume(lab), newVolume(lab)];
    for (const volumeId of [one, two]) {
      lab.engine.disks.change(volumeId, (fs) => {
        fs.format('ext4');
        fs.writeFile('/shared.txt', 'the same bytes\n');
      });
    }
    lab.engine.disks.change(one, (fs) => fs.writeFile('/copy.txt', 'the same bytes\n'));
    const shared = blobOf(lab, one, '/shared.txt');
    expect(blobOf(lab, two, '/shared.txt')).toBe(shared);
    expect(blobIds(lab)).toEqual([shared]);

    lab.engine.disks.change(one, (fs) => fs.writeFile('/copy.txt', 'other bytes\n'));
    const other = blobOf(lab, one, '/copy.txt');
    expect(blobIds(lab)).toEqual([shared, other].sort());
    lab.engine.disks.change(one, (fs) => fs.remove('/shared.txt'));
    expect(blobIds(lab)).toEqual([shared, other].sort());
    lab.ec2('DeleteVolume', { VolumeId: two });
    lab.pass(VOLUME_TIMINGS.deletingMs);
    expect(blobIds(lab)).toEqual([other]);
    lab.engine.disks.change(one, (fs) => fs.wipe());
    expect(blobIds(lab)).toEqual([]);
  });

  it('saves no data of a change that fails', () => {
    const lab = createTestLab();
    const volumeId = newVolume(lab);
    lab.engine.disks.change(volumeId, (fs) => fs.format('xfs'));
    expect(() =>
      lab.engine.disks.change(volumeId, (fs) => {
        fs.writeFile('/kept-only-if-all-fits', 'small');
        fs.writeFile('/too-much', new Uint8Array(MAX_DISK_BYTES + 1));
      }),
    ).toThrow(/^ENOSPC/);
    expect(blobIds(lab)).toEqual([]);
    // And the next command still sees the disk as it was.
    lab.engine.disks.change(volumeId, (fs) => fs.writeFile('/after', 'ok'));
    expect(lab.engine.disks.inspect(volumeId, (fs) => fs.list('/'))).toEqual(['after']);
  });

  it('still knows which data disks name after a restart and an import', () => {
    const lab = createTestLab();
    const volumeId = newVolume(lab);
    lab.engine.disks.change(volumeId, (fs) => {
      fs.format('xfs');
      fs.writeFile('/a', 'first');
      fs.writeFile('/b', 'second');
    });
    const reopened = lab.reopen();
    reopened.engine.disks.change(volumeId, (fs) => fs.remove('/a'));
    expect(blobIds(reopened)).toEqual([blobOf(reopened, volumeId, '/b')]);

    const imported = createTestLab({ seed: 7 });
    imported.lab('ImportLab', { content: reopened.lab('ExportLab', {}).content });
    expect(imported.engine.disks.inspect(volumeId, (fs) => fs.readText('/b'))).toBe('second');
    imported.engine.disks.change(volumeId, (fs) => fs.remove('/b'));
    expect(blobIds(imported)).toEqual([]);
  });

  it("keeps the data of a disk's record set aside at start-up", () => {
    const lab = createTestLab();
    const [kept, other] = [newVolume(lab), newVolume(lab)];
    for (const volumeId of [kept, other]) lab.engine.disks.change(volumeId, (fs) => fs.format('xfs'));
    lab.engine.disks.change(kept, (fs) => fs.writeFile('/precious', 'only here'));
    const precious = blobOf(lab, kept, '/precious');
    const record = lab.store.loadAll().find((r) => r.collection === 'disk-contents' && r.id === kept)!;
    lab.store.commit([{ ...record, data: { ...(record.data as object), usedBytes: -1 } }]);
    const reopened = lab.reopen();
    expect(reopened.lab('GetStatus', {}).notices.map((n) => n.code)).toContain('RecordQuarantined');
    reopened.engine.disks.change(other, (fs) => {
      fs.writeFile('/a', 'a');
      fs.remove('/a');
    });
    expect(blobIds(reopened)).toEqual([precious]);
  });

  it('refuses a lab file whose data does not match its size, and reads a file whose data is missing as EIO', () => {
    const lab = createTestLab();
    const volumeId = newVolume(lab);
    lab.engine.disks.change(volumeId, (fs) => {
      fs.format('xfs');
      fs.writeFile('/a', 'data');
    });
    const file = JSON.parse(lab.lab('ExportLab', {}).content) as {
      records: { collection: string; data: { size?: number } }[];
    };
    const blob = file.records.find((r) => r.collection === 'disk-blobs')!;
    blob.data.size = 1000;
    const other = createTestLab();
    expect(other.labError('ImportLab', { content: JSON.stringify(file) }).message).toMatch(
      /^Record \d+ \(disk-blobs\/[0-9a-f]{64}\) has an invalid 'data'; nothing was imported\.$/,
    );
    file.records = file.records.filter((r) => r !== blob);
    other.lab('ImportLab', { content: JSON.stringify(file) });
    expect(() => other.engine.disks.inspect(volumeId, (fs) => fs.readFile('/a'))).toThrow(/^EIO/);
    expect(other.engine.disks.inspect(volumeId, (fs) => fs.stat('/a').size)).toBe(4);
  });
});
