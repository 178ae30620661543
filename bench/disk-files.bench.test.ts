// Disk files figures: what one shell filesystem call costs through engine.disks on a volume that
// already holds 16 MiB (write a 100-byte file, stat a file), saved to SQLite as the app saves them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStateStore } from '../electron/engine/state/sqlite-state-store';
import { createTestLab } from '../electron/engine/test-support/test-lab';
import { measure, report } from './measure';

it('writes a small file and stats a file on a volume holding 16 MiB (SQLite, WAL)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ec2lab-bench-disks-'));
  try {
    const lab = createTestLab({ store: openSqliteStateStore(directory) });
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: 'ap-northeast-2a', Size: 8 }).VolumeId!;
    const big = Uint8Array.from({ length: 16 * 1024 * 1024 }, (_, i) => (i * 7919) & 255);
    report(
      'write a 16 MiB file on a new volume',
      measure(1, () =>
        lab.engine.disks.change(volumeId, (fs) => {
          fs.format('xfs');
          fs.writeFile('/big.bin', big);
        }),
      ),
    );
    const small = 'x'.repeat(100);
    report(
      'write a 100-byte file on a volume holding 16 MiB',
      measure(30, (i) => lab.engine.disks.change(volumeId, (fs) => fs.writeFile(`/small-${i}.txt`, small))),
    );
    report(
      'stat a file on a volume holding 16 MiB',
      measure(2000, () => lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/small-0.txt'))),
    );
    expect(lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/big.bin').size)).toBe(big.length);
    lab.engine.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
