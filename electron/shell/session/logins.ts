/**
 * Login shells on machines, as `ssh` (and later the SSH server) opens them: a shell program on top
 * of a terminal until the learner logs out — or until the machine goes away (the instance stops or
 * terminates), when it ends as sshd's connection drops: "closed by remote host".
 */
import type { ShellRunner } from '../shell-runner';
import { shellHandler } from '../machines/shell-handler';
import type { Machine, MachineUser } from '../machines/machine';
import { ShellProgram } from './shell-program';
import type { TerminalIo } from './terminal-session';

export interface LoginEnd {
  /** The shell's exit status (`exit 3` → 3), or 255 when the connection dropped. */
  status: number;
  closedByRemote: boolean;
}

interface OpenLogin {
  machineId: string;
  program?: ShellProgram;
  finish(end: LoginEnd): void;
}

export class Logins {
  private readonly open = new Set<OpenLogin>();

  constructor(private readonly runner: ShellRunner) {}

  /** Logs `user` in on `machine` in `terminal` and resolves when the login ends. */
  start(machine: Machine, user: MachineUser, terminal: TerminalIo): Promise<LoginEnd> {
    const before = terminal.baseTitle;
    terminal.setTitle(machine.title(user));
    return terminal
      .attach<LoginEnd>((done) => {
        const login: OpenLogin = {
          machineId: machine.id,
          finish: (end) => {
            this.open.delete(login);
            done(end);
          },
        };
        const program = new ShellProgram({
          machine,
          user,
          shell: this.runner.open(shellHandler(machine, user, terminal)),
          terminal,
          endWord: 'logout',
          onExit: (status) => login.finish({ status, closedByRemote: false }),
        });
        login.program = program;
        this.open.add(login);
        program.start();
        return program;
      })
      .finally(() => terminal.setTitle(before));
  }

  /** The machine went away: every login on it ends as a dropped connection. */
  closeMachine(machineId: string): void {
    for (const login of [...this.open]) {
      if (login.machineId !== machineId) continue;
      login.program?.end();
      login.finish({ status: 255, closedByRemote: true });
    }
  }

  /** Machines with a login open now. */
  get machineIds(): Set<string> {
    return new Set([...this.open].map((login) => login.machineId));
  }
}
