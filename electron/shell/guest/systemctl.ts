/**
 * `systemctl start|stop|restart|reload|status|enable|disable|is-active|is-enabled` (and `service`)
 * for the services an instance has: sshd always, a web server once its package is installed. The
 * running and enabled sets live in the engine's guest runtime, so a started web server answers the
 * laptop's `curl` and an enabled one starts again at the next boot.
 */
import { fail, ok, type CommandContext, type LabCommand } from '../machines/machine';
import type { GuestInstance } from './guest-instance';
import { serviceUnits, type PackageManager } from './package-catalog';

/** The unit a name means (`httpd`, `httpd.service`, `ssh` for sshd on Ubuntu). */
function unitName(name: string): string {
  const bare = name.replace(/\.service$/, '');
  return bare === 'ssh' ? 'sshd' : bare;
}

export function systemctl(guest: GuestInstance, manager: PackageManager | undefined): LabCommand {
  return (ctx: CommandContext) => {
    const now = ctx.request.args.includes('--now');
    const [action, ...names] = ctx.request.args.filter((a) => !a.startsWith('-'));
    if (!action) return ok('  UNIT                       LOAD   ACTIVE SUB     DESCRIPTION\n');
    const units = serviceUnits(manager);
    const shown = (name: string) => (manager === 'apt' && name === 'sshd' ? 'ssh' : name);
    const find = (name: string) => {
      const unit = units.find((u) => unitName(u.name) === unitName(name));
      if (!unit) return undefined;
      if (unit.marker && !ctx.machine.fs.statOrUndefined(unit.marker, true)) return undefined;
      return unit;
    };
    if (!names.length) return fail(`Too few arguments.\n`);
    const view = guest.view();
    const outputs: string[] = [];
    const errors: string[] = [];
    let exitCode = 0;
    for (const name of names) {
      const unit = find(name);
      const service = unitName(name);
      const file = `${service === 'sshd' ? shown('sshd') : service}.service`;
      const running = view.running.includes(service);
      const enabled = view.enabled.includes(service) || service === 'sshd';
      if (action === 'is-active') {
        outputs.push(unit && running ? 'active' : 'inactive');
        if (!unit || !running) exitCode = 3;
        continue;
      }
      if (action === 'is-enabled') {
        if (!unit) {
          errors.push(`Failed to get unit file state for ${file}: No such file or directory`);
          exitCode = 1;
        } else outputs.push(enabled ? 'enabled' : 'disabled');
        if (unit && !enabled) exitCode = 1;
        continue;
      }
      if (action === 'status') {
        if (!unit) {
          errors.push(`Unit ${file} could not be found.`);
          exitCode = 4;
          continue;
        }
        // systemd's timestamp: `Wed 2026-11-25 09:00:15 UTC; 5min ago`.
        const at = new Date(view.bootedAt ?? view.now);
        const ago = Math.max(0, Math.floor((view.now - at.getTime()) / 1000));
        const since = `${at.toUTCString().slice(0, 3)} ${at.toISOString().slice(0, 19).replace('T', ' ')} UTC; ${ago < 60 ? `${ago}s` : `${Math.floor(ago / 60)}min`} ago`;
        outputs.push(
          [
            `${running ? '●' : '○'} ${file} - ${unit.description}`,
            `     Loaded: loaded (/usr/lib/systemd/system/${file}; ${enabled ? 'enabled' : 'disabled'}; preset: disabled)`,
            `     Active: ${running ? `active (running) since ${since}` : 'inactive (dead)'}`,
            ...(running ? [`   Main PID: ${1100 + service.length} (${service})`] : []),
          ].join('\n'),
        );
        if (!running) exitCode = 3;
        continue;
      }
      const verbs: Record<string, string> = {
        start: 'start',
        stop: 'stop',
        restart: 'restart',
        reload: 'reload',
        enable: 'enable',
        disable: 'disable',
      };
      const verb = verbs[action];
      if (!verb) return fail(`Unknown command verb ${action}.\n`);
      if (ctx.who.uid !== 0) {
        errors.push(
          `Failed to ${verb} ${file}: Interactive authentication required.\nSee system logs and 'systemctl status ${file}' for details.`,
        );
        exitCode = 1;
        continue;
      }
      if (!unit) {
        errors.push(
          verb === 'enable' || verb === 'disable'
            ? `Failed to ${verb} unit: Unit file ${file} does not exist.`
            : `Failed to ${verb} ${file}: Unit ${file} not found.`,
        );
        exitCode = verb === 'enable' || verb === 'disable' ? 1 : 5;
        continue;
      }
      if (verb === 'enable') {
        if (!enabled)
          outputs.push(
            `Created symlink /etc/systemd/system/multi-user.target.wants/${file} → /usr/lib/systemd/system/${file}.`,
          );
        guest.engine.guests.setService(guest.id, service, { enabled: true, ...(now ? { running: true } : {}) });
      } else if (verb === 'disable') {
        if (enabled) outputs.push(`Removed "/etc/systemd/system/multi-user.target.wants/${file}".`);
        guest.engine.guests.setService(guest.id, service, { enabled: false, ...(now ? { running: false } : {}) });
      } else if (verb === 'reload' && !running) {
        errors.push(`Job for ${file} invalid.`);
        exitCode = 1;
      } else guest.engine.guests.setService(guest.id, service, { running: verb !== 'stop' });
    }
    guest.invalidate();
    const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
    return { stdout: text(outputs), stderr: text(errors), exitCode };
  };
}

/** `service httpd start` (SysV style), which systemd forwards to systemctl. */
export function service(guest: GuestInstance, manager: PackageManager | undefined): LabCommand {
  const forward = systemctl(guest, manager);
  return (ctx) => {
    const [name, action] = ctx.request.args;
    if (!name || !action)
      return fail('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
    const result = forward({ ...ctx, request: { ...ctx.request, args: [action, name] } });
    if (!(result instanceof Promise) && action !== 'status' && result.exitCode === 0 && manager === 'dnf')
      return { ...result, stderr: `Redirecting to /bin/systemctl ${action} ${name}.service\n${result.stderr}` };
    return result;
  };
}
