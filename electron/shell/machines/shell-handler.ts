/**
 * Binds a shell in the worker to a machine and a logged-in user: its file calls go to the
 * machine's filesystem as that user (or root inside `sudo`), its lab commands to the machine's.
 */
import type { ShellHandler } from '../shell-runner';
import type { TerminalIo } from '../session/terminal-session';
import type { Identity } from './guest-fs';
import type { Machine, MachineUser } from './machine';

const ROOT: Identity = { uid: 0, gid: 0 };

export function shellHandler(machine: Machine, user: MachineUser, terminal?: TerminalIo): ShellHandler {
  return {
    commands: [...machine.commands.keys()],
    fs: (operation, args, asRoot) => machine.fs.call(operation, args, asRoot ? ROOT : user),
    command: async (request) => {
      const command = machine.commands.get(request.name);
      if (!command) return { stdout: '', stderr: `-bash: ${request.name}: command not found\n`, exitCode: 127 };
      return command({ request, machine, user, who: request.asRoot ? ROOT : user, terminal });
    },
  };
}
