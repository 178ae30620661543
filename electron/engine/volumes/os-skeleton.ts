/**
 * The files an AMI's root volume starts with, by operating system: enough of the distribution's
 * layout for a learner to recognise it (`/etc/os-release` as the distribution writes it, the login
 * user's home with its `.ssh`, `/var/log`, `/tmp`, `/etc/hostname`, `/etc/passwd`, `/etc/fstab`).
 * Filesystem types are the ones the AMIs use: xfs for Amazon Linux, RHEL and SUSE, ext4 for Ubuntu
 * and Debian, NTFS for Windows, APFS for macOS (EC2 User Guide: AMIs; each vendor's os-release(5)).
 */
import type { MarketplaceSoftware, QuickStartOs } from '../../../shared/lab-operations';
import { Filesystem, rawImage, type DiskImage, type FilesystemType } from './filesystem';
import { addSoftware } from './software-skeleton';

export interface SkeletonRequest {
  os: QuickStartOs;
  /** The login user (ec2-user, ubuntu, admin …). */
  user: string;
  /** The instance's host name as cloud-init sets it (ip-172-31-5-10.ap-northeast-2.compute.internal). */
  hostname: string;
  at: number;
  /** A Marketplace AMI's software stack (software-skeleton.ts). */
  software?: MarketplaceSoftware;
}

const OS_RELEASE: Partial<Record<QuickStartOs, string>> = {
  'amazon-linux': `NAME="Amazon Linux"
VERSION="2023"
ID="amzn"
ID_LIKE="fedora"
VERSION_ID="2023"
PLATFORM_ID="platform:al2023"
PRETTY_NAME="Amazon Linux 2023.12.20260727"
ANSI_COLOR="0;33"
CPE_NAME="cpe:2.3:o:amazon:amazon_linux:2023"
HOME_URL="https://aws.amazon.com/linux/amazon-linux-2023/"
DOCUMENTATION_URL="https://docs.aws.amazon.com/linux/"
SUPPORT_URL="https://aws.amazon.com/premiumsupport/"
BUG_REPORT_URL="https://github.com/amazonlinux/amazon-linux-2023"
VENDOR_NAME="AWS"
VENDOR_URL="https://aws.amazon.com/"
SUPPORT_END="2029-06-30"
`,
  ubuntu: `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`,
  debian: `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  rhel: `NAME="Red Hat Enterprise Linux"
VERSION="9.6 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.6"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux 9.6 (Plow)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"
HOME_URL="https://www.redhat.com/"
`,
  suse: `NAME="SLES"
VERSION="15-SP6"
VERSION_ID="15.6"
PRETTY_NAME="SUSE Linux Enterprise Server 15 SP6"
ID="sles"
ID_LIKE="suse"
ANSI_COLOR="0;32"
CPE_NAME="cpe:/o:suse:sles:15:sp6"
`,
};

const FILESYSTEM: Record<QuickStartOs, FilesystemType> = {
  'amazon-linux': 'xfs',
  rhel: 'xfs',
  suse: 'xfs',
  ubuntu: 'ext4',
  debian: 'ext4',
  windows: 'ntfs',
  macos: 'apfs',
};

/** Built once per operating system and user, then copied: a launch of a thousand instances makes a thousand. */
const templates = new Map<string, DiskImage>();

/** The root volume of a fresh instance of that operating system. */
export function osSkeleton(request: SkeletonRequest): DiskImage {
  const key = `${request.os}\u0000${request.user}\u0000${request.software ?? ''}`;
  let template = templates.get(key);
  if (!template) {
    template = rawImage();
    const fs = new Filesystem(template, 0);
    fs.format(FILESYSTEM[request.os]);
    if (request.os === 'windows') windowsSkeleton(fs);
    else if (request.os === 'macos') macSkeleton(fs, request.user);
    else linuxSkeleton(fs, request.os, request.user);
    if (request.software) addSoftware(fs, request.software, request.user);
    templates.set(key, template);
  }
  const image = structuredClone(template);
  for (const entry of Object.values(image.entries)) entry.mtime = request.at;
  if (image.entries['/etc/hostname'])
    new Filesystem(image, request.at).writeFile('/etc/hostname', `${request.hostname}\n`);
  return image;
}

function linuxSkeleton(fs: Filesystem, os: QuickStartOs, user: string): void {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/share', '/etc', '/var/lib', '/var/tmp']) {
    fs.mkdir(dir, { recursive: true });
  }
  // Merged /usr: the top-level directories are links into it.
  for (const [link, target] of [
    ['/bin', 'usr/bin'],
    ['/sbin', 'usr/sbin'],
    ['/lib', 'usr/lib'],
    ['/lib64', 'usr/lib64'],
  ]) {
    fs.symlink(target!, link!);
  }
  fs.mkdir('/boot');
  fs.mkdir('/dev');
  fs.mkdir('/proc', { mode: 0o555 });
  fs.mkdir('/sys', { mode: 0o555 });
  fs.mkdir('/run');
  fs.mkdir('/mnt');
  fs.mkdir('/opt');
  fs.mkdir('/srv');
  fs.mkdir('/media');
  fs.mkdir('/root', { mode: 0o550 });
  fs.mkdir('/tmp', { mode: 0o1777 });
  fs.mkdir('/var/log', { mode: 0o755 });
  fs.writeFile('/var/log/cloud-init.log', '');
  fs.writeFile('/var/log/cloud-init-output.log', '');
  const osRelease = OS_RELEASE[os] ?? '';
  const releaseFile = os === 'ubuntu' || os === 'debian' ? '/usr/lib/os-release' : '/etc/os-release';
  fs.writeFile(releaseFile, osRelease);
  if (releaseFile !== '/etc/os-release') fs.symlink('../usr/lib/os-release', '/etc/os-release');
  fs.writeFile('/etc/hostname', 'localhost.localdomain\n');
  fs.writeFile(
    '/etc/hosts',
    '127.0.0.1   localhost localhost.localdomain\n::1         localhost6 localhost6.localdomain6\n',
  );
  fs.writeFile('/etc/passwd', `root:x:0:0:root:/root:/bin/bash\n${user}:x:1000:1000::/home/${user}:/bin/bash\n`);
  fs.writeFile('/etc/group', `root:x:0:\nwheel:x:10:${user}\n${user}:x:1000:\n`);
  fs.writeFile('/etc/fstab', `LABEL=/     /           ${fs.image.format}    defaults,noatime  1   1\n`);
  fs.mkdir('/home');
  fs.mkdir(`/home/${user}`, { mode: 0o700, uid: 1000, gid: 1000 });
  fs.writeFile(`/home/${user}/.bashrc`, '# .bashrc\n', { uid: 1000, gid: 1000 });
  fs.mkdir(`/home/${user}/.ssh`, { mode: 0o700, uid: 1000, gid: 1000 });
}

function windowsSkeleton(fs: Filesystem): void {
  fs.mkdir('/Windows/System32/drivers/etc', { recursive: true });
  fs.writeFile('/Windows/System32/drivers/etc/hosts', '# Copyright (c) 1993-2009 Microsoft Corp.\r\n');
  fs.mkdir('/Program Files/Amazon/EC2Launch', { recursive: true });
  fs.mkdir('/Users/Administrator/Desktop', { recursive: true });
  fs.mkdir('/ProgramData/Amazon/EC2Launch/log', { recursive: true });
}

function macSkeleton(fs: Filesystem, user: string): void {
  fs.mkdir('/System/Library/CoreServices', { recursive: true });
  fs.writeFile(
    '/System/Library/CoreServices/SystemVersion.plist',
    '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>ProductName</key>\n\t<string>macOS</string>\n\t<key>ProductVersion</key>\n\t<string>14.7.6</string>\n</dict>\n</plist>\n',
  );
  fs.mkdir('/Applications');
  fs.mkdir(`/Users/${user}`, { recursive: true, mode: 0o750, uid: 501, gid: 20 });
  fs.mkdir('/private/var/log', { recursive: true });
  fs.mkdir('/private/tmp', { recursive: true, mode: 0o1777 });
}
