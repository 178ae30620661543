/** The learner's laptop is a disk like a volume: its layout, kept once changed, shared by downloads and the shell. */
import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';
import { LAPTOP_DISK_ID } from './laptop-disk';

const savedLaptop = (lab: ReturnType<typeof createTestLab>) =>
  lab.store.loadAll().some((r) => r.collection === 'disk-contents' && r.id === LAPTOP_DISK_ID);

describe("the laptop's disk", () => {
  it("reads as an ordinary Linux laptop's from the start, and is saved only once something changes it", () => {
    const lab = createTestLab();
    lab.engine.disks.inspect(LAPTOP_DISK_ID, (fs) => {
      expect(fs.statfs()).toMatchObject({ type: 'ext4', usedBytes: fs.image.usedBytes });
      expect(fs.stat('/home/learner')).toMatchObject({ type: 'directory', mode: 0o755, uid: 1000, gid: 1000 });
      expect(fs.stat('/home/learner/Downloads')).toMatchObject({ type: 'directory', mode: 0o755, uid: 1000 });
      expect(fs.stat('/home/learner/.ssh')).toMatchObject({ type: 'directory', mode: 0o700, uid: 1000 });
      expect(fs.list('/home/learner/Downloads')).toEqual([]);
      expect(fs.stat('/tmp').mode).toBe(0o1777);
      expect(fs.readText('/etc/hosts')).toContain('127.0.0.1\tlocalhost\n');
      expect(fs.readText('/etc/hostname')).toBe('laptop\n');
      expect(fs.list('/usr/bin')).toEqual([]);
    });
    expect(savedLaptop(lab)).toBe(false);
    expect(lab.lab('DescribeLaptopFiles', {}).Files).toEqual([]);
    lab.engine.disks.change(LAPTOP_DISK_ID, (fs) => fs.mkdir('/home/learner/projects', { uid: 1000, gid: 1000 }));
    expect(savedLaptop(lab)).toBe(true);
    expect(lab.reopen().engine.disks.inspect(LAPTOP_DISK_ID, (fs) => fs.list('/home/learner'))).toEqual([
      '.ssh',
      'Downloads',
      'projects',
    ]);
  });

  it('holds the downloads, which the shell changes and DescribeLaptopFiles then shows', () => {
    const lab = createTestLab();
    lab.lab('SaveLaptopDownload', { FileName: 'my-key.pem', Content: 'PRIVATE\n' });
    const key = '/home/learner/Downloads/my-key.pem';
    expect(lab.engine.disks.inspect(LAPTOP_DISK_ID, (fs) => [fs.readText(key), fs.stat(key)])).toEqual([
      'PRIVATE\n',
      expect.objectContaining({ type: 'file', mode: 0o644, uid: 1000, gid: 1000, size: 8 }),
    ]);
    lab.engine.disks.change(LAPTOP_DISK_ID, (fs) => {
      fs.chmod(key, 0o400);
      fs.writeFile('/home/learner/.ssh/known_hosts', 'host key\n', { mode: 0o600, uid: 1000, gid: 1000 });
      fs.writeFile('/tmp/scratch', 'not in the home');
    });
    expect(lab.lab('DescribeLaptopFiles', {}).Files.map((f) => [f.Path, f.Mode])).toEqual([
      ['/home/learner/.ssh/known_hosts', 0o600],
      [key, 0o400],
    ]);
    // A browser makes Downloads again if the learner removed it.
    lab.engine.disks.change(LAPTOP_DISK_ID, (fs) => fs.remove('/home/learner/Downloads', { recursive: true }));
    expect(lab.lab('SaveLaptopDownload', { FileName: 'my-key.pem', Content: 'again' }).Path).toBe(key);
  });

  it('is no instance disk, and reads as a copy like the others', () => {
    const lab = createTestLab();
    const instanceId = lab.launch();
    expect(lab.engine.disks.disksOf(instanceId).map((d) => d.diskId)).not.toContain(LAPTOP_DISK_ID);
    const copy = lab.engine.disks.read(LAPTOP_DISK_ID)!;
    expect(copy.format).toBe('ext4');
    expect(Object.keys(copy.entries)).toContain('/home/learner/.ssh');
  });
});
