// Disk files figures: what one shell filesystem call costs through engine.disks on a volume that
// already holds 16 MiB (write a 100-byte file, stat a file), saved to SQLite as the app saves them,
// a snapshot of that volume, and a stat where the files are made on first use (a fresh root volume,
// the laptop).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LAPTOP_DISK_ID } from '../electron/engine/laptop/laptop-disk';
import { openSqliteStateStore } from '../electron/engine/state/sqlite-state-store';
import { createTestLab } from '../electron/engine/test-support/test-lab';
import { VOLUME_TIMINGS } from '../electron/engine/volumes/volume-lifecycle';
import { measure, report } from './measure';

it('writes a small file and stats a file on a volume holding 16 MiB (SQLite, WAL)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-bench-disks-'));
  try {
    const lab = createTestLab({ store: openSqliteStateStore(directory) });
    const volumes = [0, 1, 2].map(
      () => lab.ec2('CreateVolume', { AvailabilityZone: 'ap-northeast-2a', Size: 8 }).VolumeId!,
    );
    lab.pass(VOLUME_TIMINGS.creatingMs);
    // Different bytes on each volume, so no write finds its data already kept.
    const contents = volumes.map((_, n) =>
      Uint8Array.from({ length: 16 * 1024 * 1024 }, (_, i) => (i * 7919 + n) & 255),
    );
    report(
      'write a 16 MiB file on a new volume',
      measure(volumes.length, (n) =>
        lab.engine.disks.change(volumes[n]!, (fs) => {
          fs.format('xfs');
          fs.writeFile('/big.bin', contents[n]!);
        }),
      ),
    );
    const volumeId = volumes[0]!;
    const small = 'x'.repeat(100);
    report(
      'write a 100-byte file on a volume holding 16 MiB',
      measure(100, (i) => lab.engine.disks.change(volumeId, (fs) => fs.writeFile(`/small-${i}.txt`, small))),
    );
    report(
      'stat a file on a volume holding 16 MiB',
      measure(1000, () => lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/small-0.txt'))),
    );
    report(
      'snapshot a volume holding 16 MiB (CreateSnapshot)',
      measure(volumes.length, (n) => lab.ec2('CreateSnapshot', { VolumeId: volumes[n]! })),
    );
    const root = lab.engine.disks.disksOf(lab.launch())[0]!.diskId;
    report(
      'stat a file on a fresh root volume (OS files made on first use)',
      measure(1000, () => lab.engine.disks.inspect(root, (fs) => fs.stat('/etc/os-release'))),
    );
    report(
      'stat a file on the laptop',
      measure(1000, () => lab.engine.disks.inspect(LAPTOP_DISK_ID, (fs) => fs.stat('/etc/hosts'))),
    );
    expect(lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/big.bin').size)).toBe(16 * 1024 * 1024);
    lab.engine.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
