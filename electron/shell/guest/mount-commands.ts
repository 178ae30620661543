/**
 * `mkfs`, `mount` and `umount` inside an instance, as util-linux, xfsprogs and e2fsprogs answer
 * (EC2 User Guide: ebs-using-volumes: `sudo mkfs -t xfs /dev/nvme1n1`, `sudo mkdir /data`,
 * `sudo mount /dev/nvme1n1 /data`, /etc/fstab with `UUID=… /data xfs defaults,nofail 0 2`). A
 * format is a change of the disk through the engine; a mount is a change of the guest runtime.
 */
import { fail, ok, type CommandContext, type LabCommand } from '../machines/machine';
import { normalizePath } from '../machines/guest-fs';
import type { GuestBlockDevice } from '../shell-engine';
import type { GuestInstance } from './guest-instance';
import { mountTable } from './disk-commands';

type FsType = 'xfs' | 'ext4' | 'ext3' | 'vfat';
const MAKEABLE: readonly FsType[] = ['xfs', 'ext4', 'ext3', 'vfat'];

const absolute = (cwd: string, path: string) => normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);

function xfsReport(device: string, sizeGiB: number): string {
  const blocks = sizeGiB * 262_144;
  const agcount = sizeGiB >= 4 ? 16 : 4;
  return [
    `meta-data=${device.padEnd(22)} isize=512    agcount=${agcount}, agsize=${Math.floor(blocks / agcount)} blks`,
    '         =                       sectsz=512   attr=2, projid32bit=1',
    '         =                       crc=1        finobt=1, sparse=1, rmapbt=0',
    '         =                       reflink=1    bigtime=1 inobtcount=1',
    `data     =                       bsize=4096   blocks=${blocks}, imaxpct=25`,
    '         =                       sunit=1      swidth=1 blks',
    'naming   =version 2              bsize=4096   ascii-ci=0, ftype=1',
    `log      =internal log           bsize=4096   blocks=${Math.max(2560, Math.min(16384, blocks / 160))}, version=2`,
    '         =                       sectsz=512   sunit=1 blks, lazy-count=1',
    'realtime =none                   extsz=4096   blocks=0, rtextents=0',
    '',
  ].join('\n');
}

function ext4Report(sizeGiB: number, uuid: string): string {
  const blocks = sizeGiB * 262_144;
  return [
    'mke2fs 1.46.5 (30-Dec-2021)',
    `Creating filesystem with ${blocks} 4k blocks and ${blocks / 4} inodes`,
    `Filesystem UUID: ${uuid}`,
    'Superblock backups stored on blocks: ',
    '\t32768, 98304, 163840, 229376, 294912, 819200, 884736, 1605632',
    '',
    'Allocating group tables: done                            ',
    'Writing inode tables: done                            ',
    'Creating journal (16384 blocks): done',
    'Writing superblocks and filesystem accounting information: done',
    '',
    '',
  ].join('\n');
}

function mkfs(guest: GuestInstance, fixedType?: FsType): LabCommand {
  return (ctx) => {
    const args = [...ctx.request.args];
    let type: string | undefined = fixedType;
    let force = false;
    const paths: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '-t' && !fixedType) type = args[++i];
      else if (arg === '-f' || arg === '-F') force = true;
      else if (arg === '-L' || arg === '-n' || arg === '-b' || arg === '-m') i++;
      else if (!arg.startsWith('-')) paths.push(arg);
    }
    type ??= 'ext2';
    const program = type === 'xfs' ? 'mkfs.xfs' : type === 'vfat' ? 'mkfs.fat' : 'mke2fs';
    if (!MAKEABLE.includes(type as FsType))
      return fail(`mkfs: failed to execute mkfs.${type}: No such file or directory\n`);
    const path = paths[0];
    if (!path) return fail(`Usage: mkfs [options] [-t <type>] [fs-options] <device> [<size>]\n`);
    const found = guest.device(absolute(ctx.request.cwd, path));
    if (!found) return fail(`${program}: cannot open ${path}: No such file or directory\n`);
    if (ctx.who.uid !== 0) return fail(`${program}: cannot open ${path}: Permission denied\n`);
    const { device } = found;
    const mounted = device.root || guest.view().mounts.some((m) => m.diskId === device.diskId);
    if (mounted) {
      return type === 'xfs'
        ? fail(`mkfs.xfs: ${path} contains a mounted filesystem\n`)
        : fail(
            `${path} contains a ${device.fsType ?? 'mounted'} file system\n${path} is mounted; will not make a filesystem here!\n`,
          );
    }
    if (type === 'xfs' && device.fsType && !force)
      return fail(
        `mkfs.xfs: ${path} appears to contain an existing filesystem (${device.fsType}).\nmkfs.xfs: Use the -f option to force overwrite.\n`,
      );
    guest.engine.disks.change(device.diskId, (disk) => disk.format(type as FsType));
    guest.invalidate();
    const formatted = guest.devices().find((d) => d.diskId === device.diskId);
    if (type === 'xfs') return ok(xfsReport(path, device.sizeGiB));
    if (type === 'vfat') return ok('mkfs.fat 4.2 (2021-01-31)\n');
    return ok(ext4Report(device.sizeGiB, formatted?.uuid ?? ''));
  };
}

interface FstabEntry {
  spec: string;
  mountPoint: string;
  type: string;
  options: string;
}

function fstabEntries(ctx: CommandContext): FstabEntry[] {
  let text: string;
  try {
    text = new TextDecoder().decode(ctx.machine.fs.readBytes('/etc/fstab', { uid: 0, gid: 0 }));
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    const [spec, mountPoint, type, options] = line.replace(/#.*/, '').trim().split(/\s+/);
    return spec && mountPoint ? [{ spec, mountPoint, type: type ?? 'auto', options: options ?? 'defaults' }] : [];
  });
}

function resolveSpec(guest: GuestInstance, spec: string): { device: GuestBlockDevice; partition: boolean } | undefined {
  if (spec.startsWith('UUID=')) {
    const uuid = spec.slice(5).replace(/^"|"$/g, '');
    const device = guest.devices().find((d) => d.uuid === uuid);
    return device && { device, partition: device.root };
  }
  return guest.device(spec);
}

/** Mounts one device; the error text if it cannot. */
function mountOne(
  ctx: CommandContext,
  guest: GuestInstance,
  spec: string,
  point: string,
  type?: string,
): string | undefined {
  const found = resolveSpec(guest, spec);
  if (!found) return `mount: ${point}: special device ${spec} does not exist.\n`;
  const target = ctx.machine.fs.statOrUndefined(point, true);
  if (!target || target.type !== 'directory') return `mount: ${point}: mount point does not exist.\n`;
  const { device } = found;
  const name = `/dev/${found.partition ? device.partition : device.name}`;
  const view = guest.view();
  const existing = device.root ? '/' : view.mounts.find((m) => m.diskId === device.diskId)?.mountPoint;
  if (existing) return `mount: ${point}: ${name} already mounted on ${existing}.\n`;
  const wrongType = type !== undefined && type !== 'auto' && type !== device.fsType;
  if (!device.fsType || (device.root && !found.partition) || wrongType) {
    return (
      `mount: ${point}: wrong fs type, bad option, bad superblock on ${name}, missing codepage or helper program, or other error.\n` +
      '       dmesg(1) may have more information after failed mount system call.\n'
    );
  }
  guest.engine.guests.mount(guest.id, { diskId: device.diskId, mountPoint: point, fsType: device.fsType });
  guest.invalidate();
  return undefined;
}

function mount(guest: GuestInstance): LabCommand {
  return (ctx) => {
    const args: string[] = [];
    let type: string | undefined;
    let all = false;
    for (let i = 0; i < ctx.request.args.length; i++) {
      const arg = ctx.request.args[i]!;
      if (arg === '-t') type = ctx.request.args[++i];
      else if (arg === '-o') i++;
      else if (arg === '-a' || arg === '--all') all = true;
      else if (!arg.startsWith('-')) args.push(arg);
    }
    if (!args.length && !all) return ok(mountTable(guest));
    if (ctx.who.uid !== 0) {
      const point = args[1] ?? args[0] ?? '';
      return fail(`mount: ${absolute(ctx.request.cwd, point)}: must be superuser to use mount.\n`, 32);
    }
    if (all) {
      const errors: string[] = [];
      const mounted = new Set(guest.view().mounts.map((m) => m.mountPoint));
      for (const entry of fstabEntries(ctx)) {
        if (entry.mountPoint === '/' || !entry.mountPoint.startsWith('/') || entry.spec.startsWith('LABEL=')) continue;
        if (mounted.has(entry.mountPoint)) continue;
        const error = mountOne(ctx, guest, entry.spec, entry.mountPoint, entry.type);
        if (error && !(entry.options.includes('nofail') && error.includes('does not exist'))) errors.push(error);
      }
      return errors.length ? fail(errors.join(''), 32) : ok();
    }
    let [spec, point] = args;
    if (point === undefined) {
      // `mount /data`: the rest comes from /etc/fstab.
      const wanted = absolute(ctx.request.cwd, spec!);
      const entry = fstabEntries(ctx).find((e) => e.mountPoint === wanted || e.spec === spec);
      if (!entry) return fail(`mount: ${wanted}: can't find in /etc/fstab.\n`, 1);
      spec = entry.spec;
      point = entry.mountPoint;
      type ??= entry.type;
    }
    const error = mountOne(ctx, guest, spec!, absolute(ctx.request.cwd, point), type);
    return error ? fail(error, 32) : ok();
  };
}

function umount(guest: GuestInstance): LabCommand {
  return (ctx) => {
    const targets = ctx.request.args.filter((a) => !a.startsWith('-'));
    if (!targets.length)
      return fail('Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n');
    const errors: string[] = [];
    for (const target of targets) {
      const path = target.startsWith('/dev/') ? target : absolute(ctx.request.cwd, target);
      if (ctx.who.uid !== 0) {
        errors.push(`umount: ${path}: must be superuser to unmount.\n`);
        continue;
      }
      if (path === '/') {
        errors.push('umount: /: target is busy.\n');
        continue;
      }
      const found = path.startsWith('/dev/') ? guest.device(path) : undefined;
      const mount = guest
        .view()
        .mounts.find((m) => m.mountPoint === path || (found !== undefined && m.diskId === found.device.diskId));
      if (!mount) {
        errors.push(`umount: ${path}: not mounted.\n`);
        continue;
      }
      const cwd = normalizePath(ctx.request.cwd);
      if (cwd === mount.mountPoint || cwd.startsWith(`${mount.mountPoint}/`)) {
        errors.push(`umount: ${mount.mountPoint}: target is busy.\n`);
        continue;
      }
      guest.engine.guests.unmount(guest.id, mount.mountPoint);
      guest.invalidate();
    }
    return errors.length ? fail(errors.join(''), 32) : ok();
  };
}

export function mountCommands(guest: GuestInstance): Map<string, LabCommand> {
  return new Map<string, LabCommand>([
    ['mkfs', mkfs(guest)],
    ['mkfs.xfs', mkfs(guest, 'xfs')],
    ['mkfs.ext4', mkfs(guest, 'ext4')],
    ['mkfs.ext3', mkfs(guest, 'ext3')],
    ['mount', mount(guest)],
    ['umount', umount(guest)],
  ]);
}
