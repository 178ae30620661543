/**
 * Runs an instance's user data the way cloud-init does: once, as root, at the OS's first boot, in
 * the same shell as logins (a `#!/bin/bash` script), its output appended to
 * /var/log/cloud-init-output.log between cloud-init's own lines (EC2 User Guide: user-data — "Scripts
 * entered as user data are run as the root user … only during the first boot cycle"). Other formats
 * (cloud-config) are logged as not handled.
 */
import type { ShellEngine } from '../shell-engine';
import type { ShellRunner } from '../shell-runner';
import type { InstanceMachines } from '../machines/instance-machines';
import type { Machine } from '../machines/machine';
import { shellHandler } from '../machines/shell-handler';

const LOG = '/var/log/cloud-init-output.log';
const ROOT = { uid: 0, gid: 0 };
const CLOUD_INIT = 'Cloud-init v. 22.2.2';

function stamp(at: number): string {
  return new Date(at).toUTCString().replace('GMT', '+0000');
}

export class UserDataRunner {
  private readonly runs = new Set<Promise<void>>();

  constructor(
    private readonly engine: ShellEngine,
    private readonly runner: ShellRunner,
    private readonly machines: () => InstanceMachines,
  ) {}

  /** Looks whether any of these instances has booted for the first time with user data not yet run. */
  check(region: string, instanceIds: readonly string[]): void {
    for (const id of instanceIds) {
      if (!this.engine.guests.awaitsUserData(id)) continue;
      const view = this.engine.guests.view(id);
      if (!view?.up || !view.hasUserData || view.userDataRan) continue;
      const machine = this.machines().get(region, id);
      if (!machine) continue;
      const script = this.engine.guests.claimUserData(id);
      if (script === undefined) continue;
      const run = this.run(machine, script, view.bootedAt ?? view.now).finally(() => this.runs.delete(run));
      this.runs.add(run);
    }
  }

  /** Resolves when every user data script started so far has finished (tests wait on it). */
  async idle(): Promise<void> {
    while (this.runs.size) await Promise.all([...this.runs]);
  }

  private async run(machine: Machine, script: string, bootedAt: number): Promise<void> {
    const log = (text: string) => {
      try {
        machine.fs.write(LOG, new TextEncoder().encode(text), ROOT, true);
      } catch {
        // The root volume may be gone (the instance terminated while the script ran).
      }
    };
    const now = () => this.engine.guests.view(machine.id)?.now ?? bootedAt;
    const up = () => ((now() - bootedAt) / 1000 + 8).toFixed(2);
    log(`${CLOUD_INIT} running 'modules:final' at ${stamp(now())}. Up ${up()} seconds.\n`);
    if (!script.startsWith('#!')) {
      log(
        `${script.startsWith('#cloud-config') ? 'cloud-config' : 'user data'} is not a shell script; the lab runs #! scripts only.\n`,
      );
    } else {
      const root = machine.user('root')!;
      const shell = this.runner.open(shellHandler(machine, root));
      try {
        const done = await shell.exec(script, '/', { ...machine.environment(root), HOME: '/root' }).done;
        log(done.stdout + done.stderr);
        if (done.exitCode !== 0)
          log(
            `${stamp(now())} - cc_scripts_user.py[WARNING]: Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)\n`,
          );
      } finally {
        shell.close();
      }
    }
    log(`${CLOUD_INIT} finished at ${stamp(now())}. Datasource DataSourceEc2Local.  Up ${up()} seconds\n`);
  }
}
