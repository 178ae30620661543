/**
 * An interactive bash on a machine, as a session program: prints the prompt, edits the line in the
 * main process (line-editor.ts), asks for more lines while the input is unfinished (`> `, e.g. a
 * heredoc), runs the whole input in the shell worker, prints its output and the next prompt.
 * Ctrl-C aborts what runs; `exit`/`logout`/Ctrl-D on an empty line end the program. Variables and
 * the working directory carry from one line to the next, as in one bash process.
 */
import type { RunnerShell, RunningExec } from '../shell-runner';
import type { Machine, MachineUser } from '../machines/machine';
import { completeLine, type CompletionSource } from './completion';
import { LineEditor } from './line-editor';
import type { Program, TerminalIo } from './terminal-session';

export interface ShellProgramOptions {
  machine: Machine;
  user: MachineUser;
  shell: RunnerShell;
  terminal: TerminalIo;
  /** Called once when the shell ends, with its exit status. */
  onExit(status: number): void;
  /** What Ctrl-D prints before the shell ends: `logout` for a login shell, `exit` otherwise. */
  endWord: 'logout' | 'exit';
}

/** Output of a command with Unix newlines, as a terminal needs it (CR LF). */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

const EXIT = /^\s*(exit|logout)(\s+(\d+))?\s*;?\s*$/;

export class ShellProgram implements Program {
  private readonly editor = new LineEditor();
  private env: Record<string, string>;
  private cwd: string;
  private lastStatus = 0;
  /** Lines of an unfinished input (an open heredoc or quote). */
  private pending: string[] = [];
  private running: RunningExec | undefined;
  private busy = false;
  /** Ctrl-C was pressed while the line ran. */
  private interrupted = false;
  private typeAhead = '';
  private ended = false;
  private lastTabLine: string | undefined;
  private commandNames: string[] = [];

  constructor(private readonly options: ShellProgramOptions) {
    this.env = options.machine.environment(options.user);
    this.cwd = options.user.home;
  }

  /** Prints the banner and the first prompt. */
  start(): void {
    const banner = this.options.machine.banner(this.options.user);
    if (banner) this.options.terminal.write(toTerminal(banner));
    this.prompt();
  }

  /** Runs a line as if typed (the Connect page's button, tests). */
  input(data: string): void {
    if (this.ended) return;
    if (this.busy) {
      if (data.includes('\x03')) {
        if (this.running) this.interrupted = true;
        this.running?.abort();
        this.typeAhead = '';
        return;
      }
      this.typeAhead += data;
      return;
    }
    const { output, events } = this.editor.feed(data);
    this.options.terminal.write(output);
    for (const [index, event] of events.entries()) {
      if (event.type !== 'complete') this.lastTabLine = undefined;
      switch (event.type) {
        case 'submit': {
          // Whatever followed in the same chunk (a paste) is typed ahead of the next prompt.
          const later = events.slice(index + 1);
          void this.submit(event.line, later.length > 0 ? this.reconstruct(later) : '');
          return;
        }
        case 'interrupt':
          this.pending = [];
          this.lastStatus = 130;
          this.prompt();
          break;
        case 'eof':
          if (this.pending.length > 0) {
            this.options.terminal.write(`\r\n-bash: syntax error: unexpected end of file\r\n`);
            this.pending = [];
            this.prompt();
          } else {
            this.options.terminal.write(`${this.options.endWord}\r\n`);
            this.finish(this.lastStatus);
          }
          return;
        case 'clear':
          this.options.terminal.write('\x1b[H\x1b[2J');
          this.prompt(false);
          this.options.terminal.write(this.editor.line);
          break;
        case 'complete':
          void this.complete(event.line, event.cursor);
          return;
      }
    }
  }

  resize(): void {}

  end(): void {
    this.ended = true;
    this.running?.abort();
    this.options.shell.close();
  }

  /** The shell's variables now (for tests and the session). */
  get variables(): Readonly<Record<string, string>> {
    return this.env;
  }

  get directory(): string {
    return this.cwd;
  }

  private reconstruct(events: { type: string; line?: string }[]): string {
    return events
      .filter((e) => e.type === 'submit')
      .map((e) => `${e.line}\r`)
      .join('');
  }

  private prompt(resetLine = true): void {
    if (resetLine) this.editor.reset();
    const prompt = this.pending.length > 0 ? '> ' : this.options.machine.prompt(this.options.user, this.cwd, this.env);
    this.options.terminal.write(prompt);
  }

  private async submit(line: string, rest: string): Promise<void> {
    this.busy = true;
    this.typeAhead = rest + this.typeAhead;
    const script = [...this.pending, line].join('\n');
    if (this.pending.length === 0) {
      const exit = EXIT.exec(line);
      if (exit) {
        this.editor.remember(line);
        if (exit[1] === 'logout') this.options.terminal.write('logout\r\n');
        this.finish(exit[3] !== undefined ? Number(exit[3]) : this.lastStatus);
        return;
      }
    }
    const checked = await this.options.shell.check(script);
    this.commandNames = checked.commands;
    if (this.ended) return;
    if (!checked.complete) {
      this.pending.push(line);
      this.idle();
      return;
    }
    this.pending = [];
    if (script.trim() !== '') {
      this.editor.remember(script.replace(/\n/g, ' ').trim().length < 1000 ? script : line);
      await this.run(script);
      if (this.ended) return;
    }
    this.idle();
  }

  private async run(script: string): Promise<void> {
    const env = { ...this.env, '?': String(this.lastStatus) };
    const running = this.options.shell.exec(script, this.cwd, env);
    this.running = running;
    this.interrupted = false;
    const done = await running.done;
    this.running = undefined;
    if (this.ended) return;
    if (this.interrupted) {
      // bash prints ^C and a new prompt; what the line printed before stays, its variables do not.
      this.options.terminal.write(toTerminal(done.stdout) + '^C\r\n');
      this.lastStatus = 130;
      return;
    }
    this.options.terminal.write(toTerminal(done.stdout) + toTerminal(done.stderr));
    this.lastStatus = done.exitCode;
    if (Object.keys(done.env).length > 0) this.env = done.env;
    if (done.cwd) this.cwd = done.cwd;
  }

  /** Back at the prompt; typed-ahead keys are fed as if typed now. */
  private idle(): void {
    this.busy = false;
    this.prompt();
    const ahead = this.typeAhead;
    this.typeAhead = '';
    if (ahead) this.input(ahead);
  }

  private async complete(line: string, cursor: number): Promise<void> {
    this.busy = true;
    const source: CompletionSource = {
      commands: () => [...new Set([...this.commandNames, ...this.options.machine.commands.keys(), 'sudo'])],
      list: (directory) => {
        try {
          const who = this.options.user;
          return this.options.machine.fs.readdir(directory, who).map((name) => {
            const stat = this.options.machine.fs.statOrUndefined(`${directory}/${name}`, true);
            return { name, directory: stat?.type === 'directory' };
          });
        } catch {
          return [];
        }
      },
      cwd: this.cwd,
      home: this.options.user.home,
    };
    if (this.commandNames.length === 0) this.commandNames = (await this.options.shell.check('')).commands;
    const result = completeLine(line, cursor, source);
    const again = this.lastTabLine === line;
    this.lastTabLine = line;
    this.busy = false;
    if (this.ended) return;
    if (result.insert) this.options.terminal.write(this.editor.insert(result.insert));
    else if (result.candidates.length > 1 && again) {
      this.options.terminal.write(`\r\n${result.candidates.join('  ')}\r\n`);
      this.prompt(false);
      this.options.terminal.write(this.editor.line);
    } else if (result.candidates.length === 0 || result.candidates.length > 1) this.options.terminal.write('\x07');
    const ahead = this.typeAhead;
    this.typeAhead = '';
    if (ahead) this.input(ahead);
  }

  private finish(status: number): void {
    if (this.ended) return;
    this.ended = true;
    this.options.shell.close();
    this.options.onExit(status);
  }
}
