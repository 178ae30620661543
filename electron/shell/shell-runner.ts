/**
 * The main process's side of the shell worker: opens shells in it, runs a script in one and waits
 * for its output, aborts it on Ctrl-C, and answers what the worker asks while a script runs (a
 * file, a lab command) through each shell's handler. A worker that dies is replaced; what was
 * running in it ends with an error instead of hanging.
 */
import type {
  ExecDone,
  FsOperation,
  MainToWorker,
  ShellLimits,
  ShellOutput,
  ShellRequest,
  WorkerToMain,
} from './worker/protocol';

/** A thread (or, in tests, an in-process stand-in) speaking the worker protocol. */
export interface WorkerPort {
  post(message: MainToWorker): void;
  onMessage(listener: (message: WorkerToMain) => void): void;
  /** Called if the worker dies (a crash, out of memory). */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

/** A lab command as the worker asks for it (name, args, cwd, env, stdin, asRoot), with its abort signal. */
export type CommandRequest = Omit<Extract<ShellRequest, { kind: 'command' }>, 'kind'> & {
  /** Aborted when the learner presses Ctrl-C (or the session ends) while the command runs. */
  signal: AbortSignal;
};

/** How one shell's files and lab commands are answered (the machine it runs on, for its user). */
export interface ShellHandler {
  /** The lab commands this shell has (ssh, lsblk …), answered by `command`. */
  readonly commands: readonly string[];
  fs(operation: FsOperation, args: unknown[], asRoot: boolean): unknown;
  command(request: CommandRequest): Promise<ShellOutput> | ShellOutput;
}

export interface RunningExec {
  readonly done: Promise<ExecDone>;
  abort(): void;
}

export interface RunnerShell {
  exec(script: string, cwd: string, env: Record<string, string>): RunningExec;
  /** Whether `script` is whole, or the shell must ask for more lines (`> `); and the command names it knows. */
  check(script: string): Promise<{ complete: boolean; commands: string[] }>;
  close(): void;
}

/**
 * Limits per script: a runaway loop is cut off after 100,000 commands (about a second) with
 * just-bash's message; the wall-clock limit is long because an `ssh` login runs inside the
 * laptop's `ssh` command for as long as the learner stays logged in.
 */
export const SHELL_LIMITS: ShellLimits = {
  maxExecutionTimeMs: 12 * 60 * 60 * 1000,
  maxCommandCount: 100_000,
  maxOutputSize: 4 * 1024 * 1024,
  maxCallDepth: 100,
};

interface Waiting {
  resolve(done: ExecDone): void;
  controller: AbortController;
}

export class ShellRunner {
  private port: WorkerPort | undefined;
  private readonly handlers = new Map<string, ShellHandler>();
  private readonly execs = new Map<number, Waiting>();
  private readonly checks = new Map<number, (answer: { complete: boolean; commands: string[] }) => void>();
  private nextShell = 1;
  private nextExec = 1;
  private nextCheck = 1;

  constructor(
    private readonly startWorker: () => WorkerPort,
    private readonly limits: ShellLimits = SHELL_LIMITS,
  ) {}

  open(handler: ShellHandler): RunnerShell {
    const shellId = `shell-${this.nextShell++}`;
    this.handlers.set(shellId, handler);
    this.worker().post({ type: 'open', shellId, commands: [...handler.commands], limits: this.limits });
    return {
      exec: (script, cwd, env) => this.exec(shellId, script, cwd, env),
      check: (script) =>
        new Promise((resolve) => {
          const checkId = this.nextCheck++;
          this.checks.set(checkId, resolve);
          this.worker().post({ type: 'check', checkId, script });
        }),
      close: () => {
        if (!this.handlers.delete(shellId)) return;
        this.port?.post({ type: 'close', shellId });
      },
    };
  }

  /** Ends the worker (the lab is closing); running scripts end with an error. */
  stop(): void {
    this.port?.terminate();
    this.failAll('the lab is closing');
    this.port = undefined;
  }

  private exec(shellId: string, script: string, cwd: string, env: Record<string, string>): RunningExec {
    const execId = this.nextExec++;
    const controller = new AbortController();
    const done = new Promise<ExecDone>((resolve) => this.execs.set(execId, { resolve, controller }));
    this.worker().post({ type: 'exec', execId, shellId, script, cwd, env });
    return {
      done,
      abort: () => {
        controller.abort();
        this.port?.post({ type: 'abort', execId });
      },
    };
  }

  private worker(): WorkerPort {
    if (this.port) return this.port;
    const port = this.startWorker();
    this.port = port;
    port.onMessage((message) => this.receive(port, message));
    port.onExit((reason) => {
      if (this.port !== port) return;
      this.port = undefined;
      this.failAll(`the shell worker stopped (${reason})`);
      // Shells open in the old worker are reopened in the next one, with no state lost but their running line.
      const next = this.handlers;
      if (next.size > 0) {
        const replacement = this.worker();
        for (const [shellId, handler] of next) {
          replacement.post({ type: 'open', shellId, commands: [...handler.commands], limits: this.limits });
        }
      }
    });
    return port;
  }

  private failAll(reason: string): void {
    for (const [execId, waiting] of this.execs) {
      this.execs.delete(execId);
      waiting.resolve({ stdout: '', stderr: `-bash: ${reason}\n`, exitCode: 1, env: {}, cwd: '' });
    }
    for (const [checkId, resolve] of this.checks) {
      this.checks.delete(checkId);
      resolve({ complete: true, commands: [] });
    }
  }

  private receive(port: WorkerPort, message: WorkerToMain): void {
    switch (message.type) {
      case 'done': {
        const waiting = this.execs.get(message.execId);
        this.execs.delete(message.execId);
        const { type: _type, execId: _execId, ...done } = message;
        waiting?.resolve(done);
        break;
      }
      case 'checked': {
        const resolve = this.checks.get(message.checkId);
        this.checks.delete(message.checkId);
        resolve?.({ complete: message.complete, commands: message.commands });
        break;
      }
      case 'call':
        void this.answer(port, message);
        break;
    }
  }

  private async answer(port: WorkerPort, message: Extract<WorkerToMain, { type: 'call' }>): Promise<void> {
    const handler = this.handlers.get(message.shellId);
    const { request } = message;
    try {
      if (!handler) throw Object.assign(new Error('the shell is closed'), { code: 'EIO' });
      const value =
        request.kind === 'fs'
          ? await handler.fs(request.operation, request.args, request.asRoot)
          : await handler.command({
              ...request,
              signal: this.execs.get(message.execId)?.controller.signal ?? new AbortController().signal,
            });
      if (this.port === port) port.post({ type: 'reply', callId: message.callId, ok: true, value });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (this.port !== port) return;
      port.post({
        type: 'reply',
        callId: message.callId,
        ok: false,
        error: {
          code: typeof code === 'string' ? code : undefined,
          message: error instanceof Error ? error.message : String(error),
        },
      });
    }
  }
}
