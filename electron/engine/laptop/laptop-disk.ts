/**
 * The learner's simulated laptop as one disk, like a volume's: `engine.disks.inspect/change(LAPTOP_DISK_ID, …)`
 * reach it, the laptop shell mounts it at `/`, and the console's downloads land in its
 * `~/Downloads`. A new lab keeps no record for it: it reads as this layout (an ordinary Linux
 * laptop's: the learner's home with Downloads and a private `.ssh`, `/tmp`, `/etc/hosts`) and is
 * saved the first time something changes it, as a root volume's OS files are (os-skeleton.ts).
 */
import { LAPTOP_DISK_ID } from '../../../shared/lab-operations';
import { Filesystem, rawImage, type DiskImage } from '../volumes/filesystem';

/** The laptop's disk id in `engine.disks` (the shells name it too, so the contract holds it). */
export { LAPTOP_DISK_ID };

/** The laptop's one user and home, as its shell prompt shows them (`learner@laptop:~$`). */
export const LAPTOP_USER = 'learner';
export const LAPTOP_HOSTNAME = 'laptop';
export const LAPTOP_UID = 1000;
export const LAPTOP_HOME = `/home/${LAPTOP_USER}`;
export const LAPTOP_DOWNLOADS = `${LAPTOP_HOME}/Downloads`;

let template: DiskImage | undefined;

/** The laptop's files before anything changed them, stamped `at` (made once, then copied). */
export function laptopSkeleton(at: number): DiskImage {
  template ??= makeSkeleton();
  const image = structuredClone(template);
  for (const path in image.entries) image.entries[path]!.mtime = at;
  return image;
}

function makeSkeleton(): DiskImage {
  const image = rawImage();
  const fs = new Filesystem(image, 0);
  const learner = { uid: LAPTOP_UID, gid: LAPTOP_UID };
  fs.format('ext4');
  fs.mkdir('/home');
  fs.mkdir(LAPTOP_HOME, { mode: 0o755, ...learner });
  fs.mkdir(LAPTOP_DOWNLOADS, { mode: 0o755, ...learner });
  fs.mkdir(`${LAPTOP_HOME}/.ssh`, { mode: 0o700, ...learner });
  fs.mkdir('/tmp', { mode: 0o1777 });
  fs.mkdir('/usr/bin', { recursive: true });
  fs.mkdir('/etc');
  fs.writeFile('/etc/hostname', `${LAPTOP_HOSTNAME}\n`);
  fs.writeFile(
    '/etc/hosts',
    `127.0.0.1\tlocalhost\n127.0.1.1\t${LAPTOP_HOSTNAME}\n::1\tlocalhost ip6-localhost ip6-loopback\n`,
  );
  fs.writeFile(
    '/etc/passwd',
    `root:x:0:0:root:/root:/bin/bash\n${LAPTOP_USER}:x:${LAPTOP_UID}:${LAPTOP_UID}:Learner:${LAPTOP_HOME}:/bin/bash\n`,
  );
  fs.writeFile('/etc/group', `root:x:0:\n${LAPTOP_USER}:x:${LAPTOP_UID}:\n`);
  return image;
}
