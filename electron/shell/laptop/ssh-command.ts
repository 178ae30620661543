/**
 * The laptop's `ssh` (OpenSSH 9.x client, ssh(1)): connects through ssh-connection.ts, then either
 * logs in with a terminal session on the instance until `exit`/`logout` ("Connection to HOST
 * closed.", the remote shell's exit status) or the instance going away ("Connection to HOST closed
 * by remote host.", 255), or runs the given command there without a terminal and returns its output
 * and exit status. Root on a Linux AMI meets cloud-init's forced command instead of a shell:
 * `Please login as the user "ec2-user" rather than the user "root".`, then the connection closes
 * with status 142 (cloud-init cc_ssh's disable_root_opts: `echo …;echo;sleep 10;exit 142`).
 */
import type { CommandContext, LabCommand } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { ClientOutput, type ClientSettings } from './client-options';
import { runRemote } from './remote-exec';
import { parseSshArguments, splitDestination } from './ssh-arguments';
import { connect } from './ssh-connection';

/** How long cloud-init's root message keeps the connection open (its `sleep 10`). */
const ROOT_MESSAGE_SECONDS = 10;

export function sshCommand(world: ShellWorld, settings: ClientSettings): LabCommand {
  return async (ctx: CommandContext) => {
    const parsed = parseSshArguments(ctx.request.args);
    if (!('destination' in parsed))
      return { stdout: parsed.stdout ?? '', stderr: parsed.stderr ?? '', exitCode: parsed.exit };
    const { options, destination, command } = parsed;
    const split = splitDestination(destination);
    const user = split.user ?? options.user ?? ctx.user.name;
    const out = new ClientOutput(ctx.terminal);
    const remoteCommand = command.join(' ');
    if (!ctx.terminal && !remoteCommand) {
      out.error('Pseudo-terminal will not be allocated because stdin is not a terminal.\n');
    }
    const connection = await connect(world, ctx, settings, out, options, {
      host: split.host,
      user,
      port: options.port ?? 22,
    });
    if (!connection.ok) return out.end(connection.exitCode);
    const { machine, host } = connection;

    if (connection.rootRedirect) {
      out.out(`Please login as the user "${connection.rootRedirect}" rather than the user "root".\n\n`);
      out.flush();
      await settings.wait(ROOT_MESSAGE_SECONDS * 1000, ctx.request.signal);
      if (!remoteCommand) out.error(`Connection to ${host} closed.\n`);
      return out.end(142);
    }
    if (remoteCommand || !ctx.terminal) {
      const result = await runRemote(world, machine, connection.user, remoteCommand || 'true', ctx.request.signal);
      out.out(result.stdout);
      out.error(result.stderr);
      return out.end(result.exitCode);
    }
    const end = await world.logins.start(machine, connection.user, ctx.terminal);
    if (end.closedByRemote) {
      out.error(`Connection to ${host} closed by remote host.\nConnection to ${host} closed.\n`);
      return out.end(255);
    }
    out.error(`Connection to ${host} closed.\n`);
    return out.end(end.status);
  };
}
