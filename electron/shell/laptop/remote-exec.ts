/**
 * Runs a command on an instance the way sshd runs `ssh host command`: a fresh non-interactive bash
 * as the logged-in user in its home directory with the login environment, no terminal; its output
 * and exit status come back to the laptop. Ctrl-C on the laptop ends it.
 */
import { shellHandler } from '../machines/shell-handler';
import type { Machine, MachineUser } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import type { ShellOutput } from '../worker/protocol';

export async function runRemote(
  world: ShellWorld,
  machine: Machine,
  user: MachineUser,
  command: string,
  signal: AbortSignal,
): Promise<ShellOutput> {
  const shell = world.runner.open(shellHandler(machine, user));
  try {
    const running = shell.exec(command, user.home, machine.environment(user));
    const onAbort = () => running.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = await running.done;
    signal.removeEventListener('abort', onAbort);
    return { stdout: done.stdout, stderr: done.stderr, exitCode: done.exitCode };
  } finally {
    shell.close();
  }
}
