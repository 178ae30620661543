/**
 * `dnf`/`yum` on Amazon Linux and RHEL, `apt`/`apt-get` on Ubuntu and Debian, over the offline
 * catalog (package-catalog.ts): install and remove write and delete the package's files as root;
 * apt starts and enables a package's service as Debian's maintainer scripts do, dnf leaves it to
 * `systemctl` (EC2 User Guide: CHAP_Tutorials.WebServerDB / install-LAMP: `sudo dnf install -y httpd`,
 * `sudo systemctl start httpd`).
 */
import { fail, ok, type CommandContext, type LabCommand } from '../machines/machine';
import type { GuestInstance } from './guest-instance';
import { catalogOf, type CatalogPackage, type PackageManager } from './package-catalog';

const ROOT = { uid: 0, gid: 0 };
const encoder = new TextEncoder();

export function installed(ctx: Pick<CommandContext, 'machine'>, pkg: CatalogPackage): boolean {
  return ctx.machine.fs.statOrUndefined(pkg.marker, true) !== undefined;
}

function writeFiles(ctx: CommandContext, pkg: CatalogPackage): void {
  const fs = ctx.machine.fs;
  for (const directory of pkg.directories) fs.mkdir(directory, ROOT, true);
  for (const file of pkg.files) {
    fs.mkdir(file.path.slice(0, file.path.lastIndexOf('/')) || '/', ROOT, true);
    if (fs.statOrUndefined(file.path, true) === undefined || file.path === pkg.marker) {
      fs.write(file.path, encoder.encode(file.content), ROOT, false);
      if (file.mode) fs.chmod(file.path, file.mode, ROOT);
    }
  }
}

function removeFiles(ctx: CommandContext, pkg: CatalogPackage): void {
  // Configuration and the web root's content stay, as rpm and dpkg keep changed files.
  for (const file of pkg.files) {
    if (file.mode) ctx.machine.fs.remove(file.path, ROOT, { force: true });
  }
}

const arch = (guest: GuestInstance) => (guest.view().architecture === 'arm64' ? 'aarch64' : 'x86_64');
const debArch = (guest: GuestInstance) => (guest.view().architecture === 'arm64' ? 'arm64' : 'amd64');

function dnfTable(guest: GuestInstance, heading: string, packages: CatalogPackage[]): string {
  const rule = '='.repeat(80);
  const rows = packages.map(
    (p) =>
      ` ${p.name.padEnd(16)} ${arch(guest).padEnd(10)} ${p.version.padEnd(28)} ${'amazonlinux'.padEnd(15)} ${String(p.sizeKb).padStart(4)} k`,
  );
  return [
    rule,
    ` Package          Arch       Version                      Repository        Size`,
    rule,
    `${heading}:`,
    ...rows,
    '',
  ].join('\n');
}

function dnf(guest: GuestInstance): LabCommand {
  return (ctx) => {
    const args = ctx.request.args.filter((a) => !a.startsWith('-'));
    const [action, ...names] = args;
    const now = new Date(guest.view().now).toUTCString().replace(' GMT', '');
    if (!action) return fail('usage: dnf [options] COMMAND\n');
    const catalog = catalogOf('dnf');
    if (action === 'list' || action === 'search' || action === 'info') {
      const shown = catalog.filter((p) => !names.length || names.some((n) => p.name.includes(n)));
      return ok(
        shown
          .map(
            (p) =>
              `${`${p.name}.${arch(guest)}`.padEnd(40)}${p.version.padEnd(30)}${installed(ctx, p) ? '@amazonlinux' : 'amazonlinux'}\n`,
          )
          .join(''),
      );
    }
    if (ctx.who.uid !== 0)
      return fail(
        'Error: This command has to be run with superuser privileges (under the root user on most systems).\n',
      );
    const header = `Last metadata expiration check: 0:02:14 ago on ${now}.\n`;
    if (action === 'update' || action === 'upgrade' || action === 'makecache' || action === 'check-update')
      return ok(`${header}Dependencies resolved.\nNothing to do.\nComplete!\n`);
    if (action === 'install' || action === 'remove' || action === 'erase') {
      const install = action === 'install';
      const missing = names.filter((n) => !catalog.some((p) => p.name === n));
      if (missing.length && install)
        return fail(
          `${header}${missing.map((n) => `No match for argument: ${n}\n`).join('')}Error: Unable to find a match: ${missing.join(' ')}\n`,
        );
      const chosen = catalog.filter((p) => names.includes(p.name));
      const todo = chosen.filter((p) => installed(ctx, p) !== install);
      const already = chosen.filter((p) => installed(ctx, p) === install);
      const notes = already
        .map((p) =>
          install
            ? `Package ${p.name}-${p.version}.${arch(guest)} is already installed.\n`
            : `No match for argument: ${p.name}\n`,
        )
        .join('');
      if (!todo.length) return ok(`${header}${notes}Dependencies resolved.\nNothing to do.\nComplete!\n`);
      const yes = ctx.request.args.includes('-y') || ctx.request.args.includes('--assumeyes');
      const lines = [
        header + notes + 'Dependencies resolved.',
        dnfTable(guest, install ? 'Installing' : 'Removing', todo),
        'Transaction Summary',
        '='.repeat(80),
        `${install ? 'Install' : 'Remove '}  ${todo.length} Package${todo.length > 1 ? 's' : ''}`,
        '',
        ...(install ? [`Total download size: ${todo.reduce((n, p) => n + p.sizeKb, 0)} k`] : []),
        `Installed size: ${todo.reduce((n, p) => n + p.installedKb, 0)} k`,
        ...(yes ? [] : ['Is this ok [y/N]: y']),
        ...(install
          ? [
              'Downloading Packages:',
              ...todo.map((p, i) => `(${i + 1}/${todo.length}): ${p.name}-${p.version}.${arch(guest)}.rpm`),
            ]
          : []),
        'Running transaction check',
        'Transaction check succeeded.',
        'Running transaction test',
        'Transaction test succeeded.',
        'Running transaction',
        ...todo.map(
          (p, i) =>
            `  ${install ? 'Installing' : 'Erasing   '}       : ${p.name}-${p.version}.${arch(guest)}`.padEnd(70) +
            `${i + 1}/${todo.length}`,
        ),
        '',
        `${install ? 'Installed' : 'Removed'}:`,
        `  ${todo.map((p) => `${p.name}-${p.version}.${arch(guest)}`).join('  ')}`,
        '',
        'Complete!',
        '',
      ];
      for (const pkg of todo) {
        if (install) writeFiles(ctx, pkg);
        else {
          removeFiles(ctx, pkg);
          if (pkg.service) guest.engine.guests.setService(guest.id, pkg.service, { running: false, enabled: false });
        }
      }
      guest.invalidate();
      return ok(lines.join('\n'));
    }
    return fail(`No such command: ${action}. Please use /usr/bin/dnf --help\n`);
  };
}

function apt(guest: GuestInstance, program: 'apt' | 'apt-get'): LabCommand {
  return (ctx) => {
    const args = ctx.request.args.filter((a) => !a.startsWith('-'));
    const [action, ...names] = args;
    if (!action) return fail(`${program}: missing command\n`);
    const catalog = catalogOf('apt');
    const warning =
      program === 'apt' ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' : '';
    const mirror = `http://${guest.facts.region}.ec2.archive.ubuntu.com/ubuntu`;
    if (action === 'list' || action === 'search' || action === 'show') {
      const shown = catalog.filter((p) => !names.length || names.some((n) => p.name.includes(n)));
      return ok(
        shown
          .map(
            (p) => `${p.name}/noble-updates ${p.version} ${debArch(guest)}${installed(ctx, p) ? ' [installed]' : ''}\n`,
          )
          .join(''),
      );
    }
    if (ctx.who.uid !== 0)
      return fail(
        `${warning}E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n`,
        100,
      );
    if (action === 'update')
      return ok(
        `${warning}Hit:1 ${mirror} noble InRelease\nGet:2 ${mirror} noble-updates InRelease [126 kB]\nGet:3 ${mirror} noble-backports InRelease [126 kB]\nGet:4 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]\nFetched 378 kB in 1s (420 kB/s)\nReading package lists... Done\n${program === 'apt' ? 'Building dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n' : ''}`,
      );
    const reading =
      'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
    if (action === 'upgrade')
      return ok(
        `${warning}${reading}Calculating upgrade... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`,
      );
    if (action === 'install' || action === 'remove' || action === 'purge') {
      const install = action === 'install';
      const missing = names.filter((n) => !catalog.some((p) => p.name === n));
      if (missing.length) return fail(`${warning}${reading}E: Unable to locate package ${missing[0]}\n`, 100);
      const chosen = catalog.filter((p) => names.includes(p.name));
      const todo = chosen.filter((p) => installed(ctx, p) !== install);
      const notes = chosen
        .filter((p) => !todo.includes(p))
        .map((p) =>
          install
            ? `${p.name} is already the newest version (${p.version}).\n`
            : `Package '${p.name}' is not installed, so not removed\n`,
        )
        .join('');
      if (!todo.length)
        return ok(`${warning}${reading}${notes}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`);
      const size = todo.reduce((n, p) => n + p.sizeKb, 0);
      const lines = [
        warning + reading.trimEnd(),
        ...(notes ? [notes.trimEnd()] : []),
        `The following ${install ? 'NEW packages will be installed' : 'packages will be REMOVED'}:`,
        `  ${todo.map((p) => p.name).join(' ')}`,
        `0 upgraded, ${install ? todo.length : 0} newly installed, ${install ? 0 : todo.length} to remove and 0 not upgraded.`,
        ...(install
          ? [
              `Need to get ${size} kB of archives.`,
              `After this operation, ${todo.reduce((n, p) => n + p.installedKb, 0).toLocaleString('en-US')} kB of additional disk space will be used.`,
              ...todo.map(
                (p, i) =>
                  `Get:${i + 1} ${mirror} noble-updates/main ${debArch(guest)} ${p.name} ${debArch(guest)} ${p.version} [${p.sizeKb} kB]`,
              ),
              `Fetched ${size} kB in 0s (${(size / 100).toFixed(1)} MB/s)`,
              ...todo.flatMap((p) => [
                `Selecting previously unselected package ${p.name}.`,
                `Unpacking ${p.name} (${p.version}) ...`,
                `Setting up ${p.name} (${p.version}) ...`,
                ...(p.service
                  ? [
                      `Created symlink /etc/systemd/system/multi-user.target.wants/${p.service}.service → /usr/lib/systemd/system/${p.service}.service.`,
                    ]
                  : []),
              ]),
            ]
          : [
              `After this operation, ${todo.reduce((n, p) => n + p.installedKb, 0).toLocaleString('en-US')} kB disk space will be freed.`,
              ...todo.map((p) => `Removing ${p.name} (${p.version}) ...`),
            ]),
        '',
      ];
      for (const pkg of todo) {
        if (install) {
          writeFiles(ctx, pkg);
          // Debian's maintainer scripts enable and start a daemon as it is installed.
          if (pkg.service) guest.engine.guests.setService(guest.id, pkg.service, { running: true, enabled: true });
        } else {
          removeFiles(ctx, pkg);
          if (pkg.service) guest.engine.guests.setService(guest.id, pkg.service, { running: false, enabled: false });
        }
      }
      guest.invalidate();
      return ok(lines.join('\n'));
    }
    return fail(`E: Invalid operation ${action}\n`, 100);
  };
}

export function packageCommands(guest: GuestInstance, manager: PackageManager | undefined): Map<string, LabCommand> {
  if (manager === 'dnf')
    return new Map([
      ['dnf', dnf(guest)],
      ['yum', dnf(guest)],
    ]);
  if (manager === 'apt')
    return new Map([
      ['apt', apt(guest, 'apt')],
      ['apt-get', apt(guest, 'apt-get')],
    ]);
  return new Map();
}
