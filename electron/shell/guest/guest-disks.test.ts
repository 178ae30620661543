import { afterEach, describe, expect, it } from 'vitest';
import { terminalHarness, type TerminalHarness } from '../test-support/terminal-harness';
import { attach, detach, loginTo, newVolume, runningInstance, stopAndStart } from '../test-support/guest-harness';

let harness: TerminalHarness | undefined;
afterEach(() => harness?.close());

describe('disks inside an instance', () => {
  it('names EBS volumes as NVMe devices on Nitro types and xvd devices on Xen types', async () => {
    harness = terminalHarness();
    const nitro = runningInstance(harness, { InstanceType: 't3.micro' });
    const xen = runningInstance(harness, { InstanceType: 't2.micro' });
    attach(harness, newVolume(harness), nitro);
    attach(harness, newVolume(harness), xen);
    void loginTo(harness, nitro);
    const nitroScreen = await harness.run('lsblk');
    expect(nitroScreen).toMatch(/\nNAME +MAJ:MIN RM SIZE RO TYPE MOUNTPOINTS\n/);
    expect(nitroScreen).toMatch(
      /\nnvme0n1 +259:0 +0 +8G +0 disk *\n└─nvme0n1p1 +259:1 +0 +8G +0 part \/\nnvme1n1 +259:2 +0 +10G +0 disk *\n/,
    );
    expect(nitroScreen).not.toContain('xvdf');
    harness.keys('exit\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    void loginTo(harness, xen);
    const xenScreen = await harness.run('lsblk');
    expect(xenScreen).toMatch(
      /\nxvda +202:0 +0 +8G +0 disk *\n└─xvda1 +202:1 +0 +8G +0 part \/\nxvdf +202:80 +0 +10G +0 disk *\n/,
    );
    expect(xenScreen).not.toContain('nvme');
  });

  it('formats, mounts and writes a volume; the file survives stop/start and moves with the volume', async () => {
    harness = terminalHarness();
    const first = runningInstance(harness);
    const second = runningInstance(harness);
    const volumeId = newVolume(harness);
    attach(harness, volumeId, first);
    void loginTo(harness, first);
    expect(await harness.run('sudo file -s /dev/nvme1n1')).toContain('/dev/nvme1n1: data\n');
    expect(await harness.run('file -s /dev/nvme1n1')).toContain('/dev/nvme1n1: writable, no read permission\n');
    expect(await harness.run('mkfs -t xfs /dev/nvme1n1')).toContain(
      'mkfs.xfs: cannot open /dev/nvme1n1: Permission denied',
    );
    await harness.run('sudo mkdir /data');
    expect(await harness.run('sudo mount /dev/nvme1n1 /data')).toContain(
      'mount: /data: wrong fs type, bad option, bad superblock on /dev/nvme1n1, missing codepage or helper program, or other error.',
    );
    expect(await harness.run('sudo mkfs -t xfs /dev/nvme1n1')).toMatch(/meta-data=\/dev\/nvme1n1 +isize=512/);
    expect(await harness.run('sudo file -s /dev/nvme1n1')).toContain('/dev/nvme1n1: SGI XFS filesystem data');
    expect(await harness.run('mount /dev/nvme1n1 /data')).toContain('mount: /data: must be superuser to use mount.');
    await harness.run('sudo mount /dev/nvme1n1 /data');
    expect(await harness.run('sudo mkfs -t xfs -f /dev/nvme1n1')).toContain('contains a mounted filesystem');
    expect(await harness.run('mount | grep /data')).toMatch(/\/dev\/nvme1n1 on \/data type xfs \(rw/);
    expect(await harness.run('df -h /data; df -h')).toMatch(/\/dev\/nvme1n1 +10G .* \/data\n/);
    expect(await harness.run('lsblk')).toMatch(/nvme1n1 +259:2 +0 +10G +0 disk \/data\n/);
    await harness.run('sudo sh -c "echo kept on EBS > /data/note.txt"');
    expect(harness.lab.engine.disks.inspect(volumeId, (fs) => fs.readText('/note.txt'))).toBe('kept on EBS\n');

    // Stop and start: the mount is gone (it was in memory), the file is on the volume.
    await stopAndStart(harness, first);
    void loginTo(harness, first);
    expect(await harness.run('cat /data/note.txt')).toContain('No such file or directory');
    await harness.run('sudo mount /dev/nvme1n1 /data');
    expect(await harness.run('cat /data/note.txt')).toContain('kept on EBS\n');

    // Detached, the mount disappears; attached to the other instance, the file is there.
    await harness.run('cd /');
    detach(harness, volumeId);
    expect(await harness.run('mount | grep -c /data')).toContain('0\n');
    harness.keys('exit\r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    attach(harness, volumeId, second);
    void loginTo(harness, second);
    await harness.run('sudo mkdir -p /mnt/moved && sudo mount /dev/sdf /mnt/moved');
    expect(await harness.run('cat /mnt/moved/note.txt')).toContain('kept on EBS\n');
  });

  it('mounts what /etc/fstab names at boot, by UUID', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    attach(harness, newVolume(harness), id);
    void loginTo(harness, id);
    await harness.run('sudo mkfs -t ext4 /dev/nvme1n1 && sudo mkdir /data');
    const blkid = await harness.run('sudo blkid /dev/nvme1n1');
    const uuid = /UUID="([0-9a-f-]+)"/.exec(blkid)![1]!;
    expect(blkid).toContain('TYPE="ext4"');
    await harness.run(`echo "UUID=${uuid}  /data  ext4  defaults,nofail  0  2" | sudo tee -a /etc/fstab`);
    await harness.run('sudo mount -a && sudo touch /data/from-fstab');
    await stopAndStart(harness, id);
    void loginTo(harness, id);
    expect(await harness.run('ls /data')).toContain('from-fstab');
    expect(await harness.run('df -h | grep data')).toMatch(/\/dev\/nvme1n1 .*\/data/);
  });

  it('loses instance-store files on stop', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, { InstanceType: 'm5d.large' });
    void loginTo(harness, id);
    expect(await harness.run('lsblk')).toMatch(/\nnvme1n1 +259:2 +0 +69.8G|\nnvme1n1 +259:2 +0 +\d+(\.\d)?G +0 disk/);
    await harness.run('sudo mkfs -t xfs /dev/nvme1n1 && sudo mkdir /scratch && sudo mount /dev/nvme1n1 /scratch');
    await harness.run('sudo touch /scratch/temporary && ls /scratch');
    expect(harness.screen()).toContain('temporary\n');
    await stopAndStart(harness, id);
    void loginTo(harness, id);
    expect(await harness.run('sudo file -s /dev/nvme1n1')).toContain('/dev/nvme1n1: data\n');
    expect(await harness.run('sudo mount /dev/nvme1n1 /scratch')).toContain('wrong fs type');
  });
});
