/**
 * The shell worker's logic, apart from the thread it runs on (shell-worker.ts wires it to
 * `parentPort`; tests run it in-process): one just-bash `Bash` per open shell, whose filesystem and
 * lab commands are calls to the main process, and `sudo`, which runs its command as root.
 */
import { Bash, defineCommand, getCommandNames, latin1FromBytes, parse, type CustomCommand } from 'just-bash';
import { RemoteFs, fsError } from './remote-fs';
import type { MainToWorker, ShellLimits, ShellRequest, WorkerToMain } from './protocol';

/**
 * Whether bash would run this input now or print `> ` and wait for more: an open quote, `$(`, an
 * `if`/`for`/`{` without its end, a heredoc whose delimiter line has not come, or a line ending in
 * `|`, `&&`, `||` or `\\`.
 */
export function isComplete(script: string): boolean {
  const trimmed = script.trimEnd();
  if (/(\|\||&&|\||\\)$/.test(trimmed) && !/\\\\$/.test(trimmed)) return false;
  const lines = script.split('\n');
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g)) {
      const strip = match[1] === '-';
      const closed = lines.slice(index + 1).some((later) => (strip ? later.replace(/^\t+/, '') : later) === match[3]);
      if (!closed) return false;
    }
  }
  try {
    parse(script);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (/EOF|end of file/i.test(message)) return false;
    // `if true; then` is reported as a missing `fi`: more input is coming unless the script has one.
    const missing = /unexpected token `(fi|done|esac|\})'/.exec(message);
    return missing ? script.split(/[\s;]+/).includes(missing[1]!) : true;
  }
}

/** just-bash's own commands the lab offers; sqlite3 needs a worker file the lab does not ship. */
const BUNDLED_COMMANDS = getCommandNames().filter((name) => name !== 'sqlite3');

interface OpenShell {
  bash: Bash;
  /** Set while `sudo` runs its command. */
  root: boolean;
  /** The exec running now (a shell runs one line at a time). */
  execId: number;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function toBytes(stdin: string): Uint8Array {
  const bytes = new Uint8Array(stdin.length);
  for (let i = 0; i < stdin.length; i++) bytes[i] = stdin.charCodeAt(i) & 0xff;
  return bytes;
}

export interface ShellWorkerCore {
  receive(message: MainToWorker): void;
}

export function createShellWorkerCore(post: (message: WorkerToMain) => void): ShellWorkerCore {
  const shells = new Map<string, OpenShell>();
  const aborts = new Map<number, AbortController>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextCallId = 1;

  const call = (shellId: string, request: ShellRequest): Promise<unknown> => {
    const shell = shells.get(shellId);
    const callId = nextCallId++;
    return new Promise((resolve, reject) => {
      pending.set(callId, { resolve, reject });
      post({ type: 'call', callId, shellId, execId: shell?.execId ?? 0, request });
    });
  };

  const labCommand = (shellId: string, name: string): CustomCommand =>
    defineCommand(name, async (args, ctx) => {
      const shell = shells.get(shellId);
      const env: Record<string, string> = {};
      for (const [key, value] of ctx.env) env[key] = value;
      try {
        const result = (await call(shellId, {
          kind: 'command',
          name,
          args,
          cwd: ctx.cwd,
          env,
          stdin: toBytes(latin1FromBytes(ctx.stdin)),
          asRoot: shell?.root ?? false,
        })) as { stdout: string; stderr: string; exitCode: number };
        return result;
      } catch (error) {
        return { stdout: '', stderr: `${name}: ${(error as Error).message}\n`, exitCode: 1 };
      }
    });

  const sudo = (shellId: string): CustomCommand =>
    defineCommand('sudo', async (args, ctx) => {
      const shell = shells.get(shellId);
      let rest = args;
      // sudo -i / -s / su: an interactive root shell is the session's business (see the lab command `sudo-shell`).
      while (rest[0]?.startsWith('-') && rest[0] !== '--') {
        if (rest[0] === '-u' || rest[0] === '-g') rest = rest.slice(2);
        else if (rest[0] === '-E' || rest[0] === '-n' || rest[0] === '-H') rest = rest.slice(1);
        else return { stdout: '', stderr: `sudo: option ${rest[0]} is not supported in the lab\n`, exitCode: 1 };
      }
      if (rest[0] === '--') rest = rest.slice(1);
      if (rest.length === 0)
        return { stdout: '', stderr: 'usage: sudo [-E] [-u user] command [arg ...]\n', exitCode: 1 };
      if (!shell || !ctx.exec) return { stdout: '', stderr: 'sudo: no shell\n', exitCode: 1 };
      const wasRoot = shell.root;
      shell.root = true;
      try {
        return await ctx.exec(rest.map(quote).join(' '), {
          cwd: ctx.cwd,
          env: { USER: 'root', LOGNAME: 'root', HOME: '/root', SUDO_USER: ctx.env.get('USER') ?? '' },
          stdin: latin1FromBytes(ctx.stdin),
          stdinKind: 'bytes',
          signal: ctx.signal,
        });
      } finally {
        shell.root = wasRoot;
      }
    });

  const open = (shellId: string, commands: string[], limits: ShellLimits) => {
    const programs = new Set([...BUNDLED_COMMANDS, ...commands, 'sudo']);
    const fs = new RemoteFs(async (operation, args) => {
      const shell = shells.get(shellId);
      try {
        return await call(shellId, { kind: 'fs', operation, args, asRoot: shell?.root ?? false });
      } catch (error) {
        throw fsError(error as { code?: string; message: string });
      }
    }, programs);
    const bash = new Bash({
      fs,
      cwd: '/',
      commands: BUNDLED_COMMANDS.filter((name) => !commands.includes(name)) as never,
      customCommands: [...commands.map((name) => labCommand(shellId, name)), sudo(shellId)],
      executionLimits: { ...limits, maxExtensionCleanupTimeMs: 25 },
      defenseInDepth: false,
    });
    shells.set(shellId, { bash, root: false, execId: 0 });
  };

  const exec = async (message: Extract<MainToWorker, { type: 'exec' }>) => {
    const shell = shells.get(message.shellId);
    const controller = new AbortController();
    aborts.set(message.execId, controller);
    try {
      if (!shell) throw new Error('no such shell');
      shell.execId = message.execId;
      const result = await shell.bash.exec(message.script, {
        cwd: message.cwd,
        env: message.env,
        replaceEnv: true,
        rawScript: true,
        signal: controller.signal,
      });
      post({
        type: 'done',
        execId: message.execId,
        stdout: result.stdout,
        stderr: result.stderr,
        exitCode: result.exitCode,
        env: result.env,
        cwd: result.env.PWD ?? message.cwd,
      });
    } catch (error) {
      post({
        type: 'done',
        execId: message.execId,
        stdout: '',
        stderr: `-bash: ${(error as Error).message}\n`,
        exitCode: 1,
        env: message.env,
        cwd: message.cwd,
      });
    } finally {
      aborts.delete(message.execId);
    }
  };

  return {
    receive(message) {
      switch (message.type) {
        case 'open':
          open(message.shellId, message.commands, message.limits);
          break;
        case 'close':
          shells.delete(message.shellId);
          break;
        case 'exec':
          void exec(message);
          break;
        case 'abort':
          aborts.get(message.execId)?.abort();
          break;
        case 'check':
          post({
            type: 'checked',
            checkId: message.checkId,
            complete: isComplete(message.script),
            commands: BUNDLED_COMMANDS,
          });
          break;
        case 'reply': {
          const waiting = pending.get(message.callId);
          pending.delete(message.callId);
          if (!waiting) break;
          if (message.ok) waiting.resolve(message.value);
          else waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
          break;
        }
      }
    },
  };
}
