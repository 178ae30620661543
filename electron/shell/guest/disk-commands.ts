/**
 * The commands that show an instance's disks: `lsblk`, `blkid`, `file -s`, `df -h` and `mount`
 * with no arguments, printed as util-linux, file(1) and coreutils print them (EC2 User Guide:
 * ebs-using-volumes — "Use the lsblk command to view your available disk devices", "file -s …
 * If the output shows simply data … there is no file system on the device").
 */
import type { GuestFs } from '../machines/guest-fs';
import { fail, ok, type LabCommand } from '../machines/machine';
import type { GuestBlockDevice } from '../shell-engine';
import type { GuestInstance } from './guest-instance';
import { GIB, columns, humanSize, lsblkSize } from './sizes';

/** What the OS's own files take on the root filesystem (df shows them as used). */
const OS_BYTES = 1.6 * GIB;

const mountOptions = (fsType: string) =>
  fsType === 'xfs' ? 'rw,noatime,seclabel,attr2,inode64,logbufs=8,logbsize=32k,noquota' : 'rw,relatime';

/** What file(1) says of a device's first blocks. */
export function describeDevice(device: GuestBlockDevice, partition: boolean): string {
  if (device.root && !partition)
    return 'DOS/MBR boot sector; partition 1 : ID=0xee, start-CHS (0x0,0,2), end-CHS (0x3ff,255,63), startsector 1, 4294967295 sectors, extended partition table (last)';
  if (!device.fsType) return 'data';
  const uuid = device.uuid ?? '';
  switch (device.fsType) {
    case 'xfs':
      return 'SGI XFS filesystem data (blksz 4096, inosz 512, v2 dirs)';
    case 'ext4':
      return `Linux rev 1.0 ext4 filesystem data, UUID=${uuid} (extents) (64bit) (large files) (huge files)`;
    case 'ext3':
      return `Linux rev 1.0 ext3 filesystem data, UUID=${uuid} (large files)`;
    case 'vfat':
      return 'DOS/MBR boot sector, code offset 0x58+2, OEM-ID "mkfs.fat", FAT (32 bit)';
    default:
      return 'data';
  }
}

function mountPointOf(guest: GuestInstance, device: GuestBlockDevice): string {
  if (device.root) return '';
  return guest.view().mounts.find((m) => m.diskId === device.diskId)?.mountPoint ?? '';
}

function lsblk(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const fsColumns = request.args.some((a) => a === '-f' || a === '--fs');
    const rows: string[][] = [
      fsColumns
        ? ['NAME', 'FSTYPE', 'FSVER', 'LABEL', 'UUID', 'FSAVAIL', 'FSUSE%', 'MOUNTPOINTS']
        : ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINTS'],
    ];
    const majMin = (major: number, minor: number) => `${String(major).padStart(3)}:${String(minor).padEnd(3)}`;
    for (const device of guest.devices()) {
      const size = lsblkSize(device.sizeGiB * GIB);
      const point = mountPointOf(guest, device);
      if (fsColumns) {
        rows.push([
          device.name,
          device.root ? '' : (device.fsType ?? ''),
          '',
          '',
          device.root ? '' : (device.uuid ?? ''),
          '',
          '',
          point,
        ]);
        if (device.partition)
          rows.push([
            `└─${device.partition}`,
            device.fsType ?? '',
            device.fsType === 'xfs' ? '' : '1.0',
            '/',
            device.uuid ?? '',
            '',
            '',
            '/',
          ]);
        continue;
      }
      rows.push([device.name, majMin(device.major, device.minor), '0', size, '0', 'disk', point]);
      if (device.partition)
        rows.push([`└─${device.partition}`, majMin(device.major, device.minor + 1), '0', size, '0', 'part', '/']);
    }
    return ok(columns(rows, fsColumns ? new Set() : new Set([2, 3, 4])));
  };
}

function blkid(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const wanted = request.args.filter((a) => !a.startsWith('-'));
    const lines: string[] = [];
    for (const device of guest.devices()) {
      if (!device.fsType) continue;
      const name = `/dev/${device.partition ?? device.name}`;
      if (wanted.length && !wanted.includes(name)) continue;
      const label =
        device.root && device.fsType === 'xfs' ? 'LABEL="/" ' : device.root ? 'LABEL="cloudimg-rootfs" ' : '';
      const block = device.fsType === 'xfs' ? 512 : 4096;
      lines.push(`${name}: ${label}UUID="${device.uuid}" BLOCK_SIZE="${block}" TYPE="${device.fsType}"`);
    }
    return lines.length ? ok(`${lines.join('\n')}\n`) : { stdout: '', stderr: '', exitCode: 2 };
  };
}

/** `file` for regular files (just-bash's own is replaced on an instance, which also reads devices). */
function fileOf(
  guest: GuestInstance,
  who: { uid: number; gid: number },
  fs: GuestFs,
  path: string,
  special: boolean,
): string {
  const found = path.startsWith('/dev/') ? guest.device(path) : undefined;
  if (found) {
    if (!special)
      return `block special (${found.device.major}/${found.device.minor + (found.partition && found.device.root ? 1 : 0)})`;
    if (who.uid !== 0) return 'writable, no read permission';
    return describeDevice(found.device, found.partition);
  }
  const stat = fs.statOrUndefined(path, true);
  if (!stat) return `cannot open \`${path}' (No such file or directory)`;
  if (stat.type === 'directory') return 'directory';
  if (path.startsWith('/dev/') || path.startsWith('/proc/'))
    return path.startsWith('/proc/') ? 'empty' : 'character special (1/3)';
  let bytes: Uint8Array;
  try {
    bytes = fs.readBytes(path, who);
  } catch {
    return `regular file, no read permission`;
  }
  if (bytes.length === 0) return 'empty';
  const text = new TextDecoder().decode(bytes.slice(0, 512));
  if ([...text].some((c) => c.charCodeAt(0) < 9 || (c.charCodeAt(0) > 13 && c.charCodeAt(0) < 32))) return 'data';
  if (text.startsWith('#!/bin/bash') || text.startsWith('#!/usr/bin/env bash'))
    return 'Bourne-Again shell script, ASCII text executable';
  if (text.startsWith('#!/bin/sh')) return 'POSIX shell script, ASCII text executable';
  if (/^-----BEGIN (RSA |OPENSSH )?PRIVATE KEY-----/.test(text)) return 'PEM RSA private key';
  return [...text].some((c) => c.charCodeAt(0) > 127) ? 'Unicode text, UTF-8 text' : 'ASCII text';
}

function file(guest: GuestInstance): LabCommand {
  return ({ request, machine, who }) => {
    const special = request.args.includes('-s') || request.args.includes('--special-files');
    const paths = request.args.filter((a) => !a.startsWith('-'));
    if (!paths.length) return fail('Usage: file [-bcdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n');
    const resolve = (p: string) => (p.startsWith('/') ? p : `${request.cwd}/${p}`.replace(/\/+/g, '/'));
    return ok(paths.map((p) => `${p}: ${fileOf(guest, who, machine.fs, resolve(p), special)}\n`).join(''));
  };
}

function df(guest: GuestInstance): LabCommand {
  return ({ request }) => {
    const human = request.args.some((a) => /^-\w*h/.test(a));
    const usage = (totalBytes: number, usedBytes: number, name: string, point: string) => {
      const avail = Math.max(0, totalBytes - usedBytes);
      const percent = totalBytes ? `${Math.ceil((usedBytes / totalBytes) * 100)}%` : '-';
      const show = (bytes: number) => (human ? humanSize(bytes) : String(Math.ceil(bytes / 1024)));
      return [name, show(totalBytes), show(usedBytes), show(avail), percent, point];
    };
    const view = guest.view();
    const memory = view.memoryMiB * 1024 * 1024;
    const rows = [
      ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'],
    ];
    rows.push(usage(4 * 1024 * 1024, 0, 'devtmpfs', '/dev'));
    rows.push(usage(memory / 2, 0, 'tmpfs', '/dev/shm'));
    rows.push(usage(memory / 5, 460 * 1024, 'tmpfs', '/run'));
    const used = (diskId: string) => guest.engine.disks.inspect(diskId, (disk) => disk.image.usedBytes);
    for (const device of guest.devices()) {
      if (device.root) {
        rows.push(usage(device.sizeGiB * GIB, OS_BYTES + used(device.diskId), `/dev/${device.partition}`, '/'));
      }
    }
    rows.push(usage(memory / 2, 0, 'tmpfs', '/tmp'));
    for (const mount of view.mounts) {
      const device = guest.devices().find((d) => d.diskId === mount.diskId);
      if (!device) continue;
      // A fresh XFS spends about 1% of the disk on its log and metadata; ext4 a little more.
      const overhead = device.sizeGiB * GIB * (mount.fsType === 'xfs' ? 0.01 : 0.02);
      rows.push(usage(device.sizeGiB * GIB, overhead + used(mount.diskId), `/dev/${device.name}`, mount.mountPoint));
    }
    rows.push(usage(memory / 10, 0, 'tmpfs', `/run/user/1000`));
    return ok(columns(rows, new Set([1, 2, 3, 4])));
  };
}

/** `mount` with no arguments: the mount table as /proc/mounts has it. */
export function mountTable(guest: GuestInstance): string {
  const lines = [
    'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
    'sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime,seclabel)',
    'devtmpfs on /dev type devtmpfs (rw,nosuid,seclabel,size=4096k,mode=755)',
    'tmpfs on /run type tmpfs (rw,nosuid,nodev,seclabel,mode=755)',
  ];
  const root = guest.devices().find((d) => d.root);
  if (root)
    lines.push(`/dev/${root.partition} on / type ${root.fsType ?? 'xfs'} (${mountOptions(root.fsType ?? 'xfs')})`);
  lines.push('tmpfs on /tmp type tmpfs (rw,nosuid,nodev,seclabel,nr_inodes=1048576)');
  for (const mount of guest.view().mounts) {
    lines.push(
      `${guest.deviceNameOf(mount.diskId)} on ${mount.mountPoint} type ${mount.fsType} (${mountOptions(mount.fsType)})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function diskCommands(guest: GuestInstance): Map<string, LabCommand> {
  return new Map<string, LabCommand>([
    ['lsblk', lsblk(guest)],
    ['blkid', blkid(guest)],
    ['file', file(guest)],
    ['df', df(guest)],
  ]);
}
