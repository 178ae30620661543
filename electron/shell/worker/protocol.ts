/**
 * The messages between the main process and the shell worker. The worker only interprets bash
 * (just-bash); everything a command touches — files, the lab's own commands (ssh, lsblk, mount …)
 * — is a call back to the main process, where the engine keeps the truth. So a runaway loop burns
 * the worker, never the main process's event loop, and no command can reach the real disk.
 */

/** A filesystem call as just-bash's IFileSystem makes it (the method name and its arguments). */
export type FsOperation =
  | 'readFile'
  | 'readFileBuffer'
  | 'writeFile'
  | 'appendFile'
  | 'exists'
  | 'stat'
  | 'lstat'
  | 'mkdir'
  | 'readdir'
  | 'readdirWithFileTypes'
  | 'rm'
  | 'cp'
  | 'mv'
  | 'chmod'
  | 'symlink'
  | 'link'
  | 'readlink'
  | 'realpath'
  | 'utimes';

/** What a shell asks the main process while a command runs. `asRoot` is set inside `sudo`. */
export type ShellRequest =
  | { kind: 'fs'; operation: FsOperation; args: unknown[]; asRoot: boolean }
  | {
      kind: 'command';
      name: string;
      args: string[];
      cwd: string;
      env: Record<string, string>;
      /** The command's standard input, as bytes. */
      stdin: Uint8Array;
      asRoot: boolean;
    };

export interface ShellOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecDone extends ShellOutput {
  /** The shell's variables after the script, so the next line starts where this one ended. */
  env: Record<string, string>;
  cwd: string;
}

/** Errors cross the thread boundary as data: the errno code and the message a shell prints. */
export interface WireError {
  code?: string;
  message: string;
}

export type MainToWorker =
  /** A new shell; `commands` are the lab's commands (answered by the main process). */
  | { type: 'open'; shellId: string; commands: string[]; limits: ShellLimits }
  | { type: 'close'; shellId: string }
  | { type: 'exec'; execId: number; shellId: string; script: string; cwd: string; env: Record<string, string> }
  | { type: 'abort'; execId: number }
  /** Is this input a whole script, or does it need more lines (an open quote, a heredoc, `if` without `fi`)? */
  | { type: 'check'; checkId: number; script: string }
  | { type: 'reply'; callId: number; ok: true; value: unknown }
  | { type: 'reply'; callId: number; ok: false; error: WireError };

export type WorkerToMain =
  | ({ type: 'done'; execId: number } & ExecDone)
  | { type: 'checked'; checkId: number; complete: boolean; commands: string[] }
  | { type: 'call'; callId: number; shellId: string; execId: number; request: ShellRequest };

/** just-bash's execution limits for one shell (its own names). */
export interface ShellLimits {
  maxExecutionTimeMs: number;
  maxCommandCount: number;
  maxOutputSize: number;
  maxCallDepth: number;
}
