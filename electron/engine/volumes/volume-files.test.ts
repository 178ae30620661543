import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIMINGS } from '../instances/lifecycle';
import { openSqliteStateStore } from '../state/sqlite-state-store';
import type { MemoryStateStore } from '../state/state-store';
import { createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';
import { Filesystem, MAX_DISK_BYTES } from './filesystem';
import { VOLUME_TIMINGS } from './volume-lifecycle';

const ZONE = 'ap-northeast-2a';

function rootVolumeOf(lab: TestLab, instanceId: string): string {
  return lab.engine.disks.disksOf(instanceId).find((d) => d.root)!.diskId;
}

function running(lab: TestLab, extra: Record<string, unknown> = {}): string {
  const id = lab.launch({ Placement: { AvailabilityZone: ZONE }, ...extra });
  lab.pass(TIMINGS.pendingMs);
  return id;
}

describe('what volumes hold', () => {
  it("gives a root volume its AMI's operating system: os-release, the login user's home, /var/log, the hostname", () => {
    const lab = createTestLab();
    const linux = running(lab);
    const ubuntu = running(lab, { ImageId: quickStartImage('ubuntu') });
    lab.engine.disks.inspect(rootVolumeOf(lab, linux), (fs) => {
      expect(fs.image.format).toBe('xfs');
      expect(fs.readText('/etc/os-release')).toContain('PRETTY_NAME="Amazon Linux 2023');
      expect(fs.stat('/home/ec2-user')).toMatchObject({ type: 'directory', mode: 0o700, uid: 1000 });
      expect(fs.list('/var/log')).toContain('cloud-init.log');
      expect(fs.readText('/etc/hostname')).toMatch(/^ip-172-31-\d+-\d+\.ap-northeast-2\.compute\.internal\n$/);
      expect(fs.lstat('/bin').type).toBe('symlink');
    });
    lab.engine.disks.inspect(rootVolumeOf(lab, ubuntu), (fs) => {
      expect(fs.image.format).toBe('ext4');
      expect(fs.readText('/etc/os-release')).toContain('ID=ubuntu');
      expect(fs.exists('/home/ubuntu/.ssh')).toBe(true);
    });
  });

  it('keeps a new volume raw until it is formatted', () => {
    const lab = createTestLab();
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 1 }).VolumeId!;
    expect(lab.engine.disks.read(volumeId)).toEqual({ entries: {}, usedBytes: 0 });
    expect(() => lab.engine.disks.change(volumeId, (fs) => fs.writeFile('/a', 'x'))).toThrow(/^ENOFS/);
    lab.engine.disks.change(volumeId, (fs) => fs.format('xfs'));
    expect(lab.engine.disks.read(volumeId)!.format).toBe('xfs');
  });

  it('keeps files when a volume is detached and attached to another instance in the same zone', () => {
    const lab = createTestLab();
    const first = running(lab);
    const second = running(lab);
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 10, VolumeType: 'gp3' }).VolumeId!;
    lab.pass(VOLUME_TIMINGS.creatingMs);
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: first, Device: '/dev/sdf' });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(lab.engine.disks.disksOf(first).map((d) => [d.deviceName, d.kind])).toEqual([
      ['/dev/xvda', 'ebs'],
      ['/dev/sdf', 'ebs'],
    ]);
    lab.engine.disks.change(volumeId, (fs) => {
      fs.format('xfs');
      fs.mkdir('/data');
      fs.writeFile('/data/notes.txt', 'written on the first instance\n', { uid: 1000, gid: 1000 });
      fs.symlink('notes.txt', '/data/latest');
    });
    lab.ec2('DetachVolume', { VolumeId: volumeId });
    lab.pass(VOLUME_TIMINGS.detachingMs);
    lab.ec2('AttachVolume', { VolumeId: volumeId, InstanceId: second, Device: '/dev/sdg' });
    lab.pass(VOLUME_TIMINGS.attachingMs);
    expect(lab.engine.disks.disksOf(second).map((d) => d.diskId)).toContain(volumeId);
    lab.engine.disks.inspect(volumeId, (fs) => {
      expect(fs.readText('/data/latest')).toBe('written on the first instance\n');
      expect(fs.stat('/data/notes.txt')).toMatchObject({ uid: 1000, size: 30 });
    });
  });

  it('refuses more than 64 MiB of files on a disk, and keeps what it had', () => {
    const lab = createTestLab();
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 1 }).VolumeId!;
    lab.engine.disks.change(volumeId, (fs) => {
      fs.format('ext4');
      fs.writeFile('/half', new Uint8Array(MAX_DISK_BYTES / 2));
    });
    expect(() =>
      lab.engine.disks.change(volumeId, (fs) => {
        fs.writeFile('/small', 'kept only if the whole change fits');
        fs.writeFile('/too-much', new Uint8Array(MAX_DISK_BYTES / 2));
      }),
    ).toThrow(/^ENOSPC: no space left on device, write '\/too-much' \(EC2 Lab keeps at most 64 MiB/);
    lab.engine.disks.inspect(volumeId, (fs) => {
      expect(fs.list('/')).toEqual(['half', 'lost+found']);
      expect(fs.image.usedBytes).toBe(MAX_DISK_BYTES / 2);
    });
  });

  it('inspects a disk where it is: no copy, nothing saved, and every change through it refused with EROFS', () => {
    const lab = createTestLab();
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 4 }).VolumeId!;
    lab.engine.disks.change(volumeId, (fs) => {
      fs.format('xfs');
      fs.writeFile('/big', new Uint8Array(1024 * 1024));
    });
    const clone = vi.spyOn(globalThis, 'structuredClone');
    const commits = (lab.store as MemoryStateStore).commits;
    try {
      expect(lab.engine.disks.inspect(volumeId, (fs) => fs.stat('/big'))).toMatchObject({ size: 1024 * 1024 });
      expect(lab.engine.disks.inspect(volumeId, (fs) => fs.statfs())).toMatchObject({
        type: 'xfs',
        sizeBytes: 4 * 1024 ** 3,
        usedBytes: 1024 * 1024,
      });
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
    expect(() => lab.engine.disks.inspect(volumeId, (fs) => fs.writeFile('/new', 'x'))).toThrow(
      `EROFS: read-only file system, open '/new' ('${volumeId}' is open for reading only)`,
    );
    expect(() => lab.engine.disks.inspect(volumeId, (fs) => fs.chmod('/big', 0o600))).toThrow(/^EROFS/);
    expect((lab.store as MemoryStateStore).commits).toBe(commits);
    expect(lab.engine.disks.inspect(volumeId, (fs) => [fs.list('/'), fs.stat('/big').mode])).toEqual([['big'], 0o644]);
    // `read` hands out a copy that carries its data, readable anywhere.
    const copy = lab.engine.disks.read(volumeId)!;
    expect(new Filesystem(copy, 0).readFile('/big')).toHaveLength(1024 * 1024);
  });

  it('drops the files of volumes deleted with their instance and of deleted volumes', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const root = rootVolumeOf(lab, instanceId);
    lab.ec2('TerminateInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(lab.engine.disks.read(root)).toBeUndefined();
    const volumeId = lab.ec2('CreateVolume', { AvailabilityZone: ZONE, Size: 1 }).VolumeId!;
    lab.pass(VOLUME_TIMINGS.creatingMs);
    lab.ec2('DeleteVolume', { VolumeId: volumeId });
    lab.pass(VOLUME_TIMINGS.deletingMs);
    expect(lab.engine.disks.read(volumeId)).toBeUndefined();
  });
});

describe('instance store', () => {
  it('gives c5d its NVMe disk raw at launch; files survive a reboot and vanish on stop, start and terminate', () => {
    const lab = createTestLab();
    const instanceId = running(lab, { InstanceType: 'c5d.large' });
    const store = lab.engine.disks.disksOf(instanceId).filter((d) => d.kind === 'instance-store');
    expect(store).toEqual([
      {
        diskId: `${instanceId}/ephemeral0`,
        kind: 'instance-store',
        deviceName: 'ephemeral0',
        sizeGiB: 50,
        root: false,
      },
    ]);
    const disk = store[0]!.diskId;
    expect(lab.engine.disks.read(disk)!.format).toBeUndefined();
    lab.engine.disks.change(disk, (fs) => {
      fs.format('xfs');
      fs.writeFile('/scratch.txt', 'cache');
    });
    lab.ec2('RebootInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.rebootMs);
    expect(lab.engine.disks.inspect(disk, (fs) => fs.readText('/scratch.txt'))).toBe('cache');
    lab.ec2('StopInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.stoppingMs);
    lab.ec2('StartInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.pendingMs);
    expect(lab.engine.disks.read(disk)).toEqual({ entries: {}, usedBytes: 0 });
    lab.ec2('TerminateInstances', { InstanceIds: [instanceId] });
    lab.pass(TIMINGS.shuttingDownMs);
    expect(lab.engine.disks.read(disk)).toBeUndefined();
  });

  it('wipes the instance store on hibernate too, and t3 has none', () => {
    const lab = createTestLab();
    const instanceId = running(lab, {
      InstanceType: 'm5d.large',
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, Encrypted: true } }],
    });
    const disk = `${instanceId}/ephemeral0`;
    lab.engine.disks.change(disk, (fs) => fs.format('ext4'));
    lab.ec2('StopInstances', { InstanceIds: [instanceId], Hibernate: true });
    lab.pass(TIMINGS.hibernatingMs);
    expect(lab.engine.disks.read(disk)!.format).toBeUndefined();
    expect(lab.engine.disks.disksOf(running(lab)).map((d) => d.kind)).toEqual(['ebs']);
  });
});

describe('labs saved before volumes held files', () => {
  it("gives a saved root volume without contents its AMI's OS files, and keeps it raw once wiped", () => {
    const lab = createTestLab();
    const instanceId = running(lab, { ImageId: quickStartImage('debian') });
    const root = rootVolumeOf(lab, instanceId);
    lab.store.commit([{ collection: 'disk-contents', id: root, data: undefined }]);
    const reopened = lab.reopen();
    expect(reopened.engine.disks.inspect(root, (fs) => fs.readText('/etc/os-release'))).toContain('ID=debian');
    expect(reopened.engine.disks.inspect(root, (fs) => fs.readText('/etc/hostname'))).toMatch(/^ip-172-31-/);
    reopened.engine.disks.change(root, (fs) => fs.wipe());
    expect(reopened.engine.disks.read(root)).toEqual({ entries: {}, usedBytes: 0 });
  });
});

describe('files travel with the lab', () => {
  it('exports and imports a lab with the files of its disks, and refuses disk access once the engine is closed', () => {
    const lab = createTestLab();
    const instanceId = running(lab);
    const root = rootVolumeOf(lab, instanceId);
    lab.engine.disks.change(root, (fs) => fs.writeFile('/etc/motd', 'exported\n'));
    const { content } = lab.lab('ExportLab', {});
    const other = createTestLab({ seed: 9 });
    other.lab('ImportLab', { content });
    expect(other.engine.disks.inspect(root, (fs) => fs.readText('/etc/motd'))).toBe('exported\n');
    other.engine.close();
    expect(() => other.engine.disks.read(root)).toThrow('The lab is shutting down.');
  });
});

describe('files survive a restart', () => {
  let directory = '';
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('reopens the SQLite lab with the files of volumes and instance store as they were', () => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-files-'));
    let lab = createTestLab({ store: openSqliteStateStore(directory) });
    const instanceId = running(lab, { InstanceType: 'c5d.large' });
    const root = rootVolumeOf(lab, instanceId);
    lab.engine.disks.change(root, (fs) => fs.writeFile('/home/ec2-user/app.conf', 'port=8080\n'));
    lab.engine.disks.change(`${instanceId}/ephemeral0`, (fs) => {
      fs.format('xfs');
      fs.writeFile('/tmp.bin', new Uint8Array([1, 2, 3]));
    });
    const reservations = lab.ec2('DescribeInstances', {}).Reservations!.length;
    lab.engine.close();
    lab = createTestLab({ store: openSqliteStateStore(directory), realStart: Date.UTC(2026, 10, 25, 9, 10) });
    expect(lab.ec2('DescribeInstances', {}).Reservations).toHaveLength(reservations);
    expect(lab.engine.disks.inspect(root, (fs) => fs.readText('/home/ec2-user/app.conf'))).toBe('port=8080\n');
    expect([...lab.engine.disks.inspect(`${instanceId}/ephemeral0`, (fs) => fs.readFile('/tmp.bin'))]).toEqual([
      1, 2, 3,
    ]);
    lab.engine.close();
  });
});
