/**
 * What the laptop's network clients share: how long a dropped connection makes them wait (an
 * awaited timer, never a blocked thread; tests make it short), the one-line "why" hints the learner
 * can turn off (`export EC2LAB_HINTS=off`), and where their messages go — straight to the terminal
 * while they run (prompts, a login), or collected as the command's stderr when there is none.
 */
import type { ShellOutput } from '../worker/protocol';
import type { TerminalIo } from '../session/terminal-session';

export interface LaptopClientOptions {
  /**
   * Waits `milliseconds` (the time a client waits for an answer that never comes); resolves false
   * if the signal aborts first. Defaults to a real timer.
   */
  wait?: (milliseconds: number, signal: AbortSignal) => Promise<boolean>;
  /** How long a connection to a dropped port waits without ConnectTimeout / -m (default 20 s). */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

function realWait(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface ClientSettings {
  wait: (milliseconds: number, signal: AbortSignal) => Promise<boolean>;
  connectTimeoutMs: number;
}

export function clientSettings(options: LaptopClientOptions = {}): ClientSettings {
  return {
    wait: options.wait ?? realWait,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  };
}

const HINTS_VARIABLE = 'EC2LAB_HINTS';

/** The hint line, unless the learner turned hints off. */
export function hintLine(env: Record<string, string>, text: string | undefined): string {
  if (!text || /^(off|0|no|false)$/i.test(env[HINTS_VARIABLE] ?? '')) return '';
  return `hint: ${text} (export ${HINTS_VARIABLE}=off hides these hints)\n`;
}

const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** A client's two streams: stderr live on the terminal when there is one, stdout always returned. */
export class ClientOutput {
  private stdout = '';
  private stderr = '';

  constructor(private readonly terminal: TerminalIo | undefined) {}

  get live(): boolean {
    return this.terminal !== undefined;
  }

  error(text: string): void {
    if (!text) return;
    if (this.terminal) this.terminal.write(toTerminal(text));
    else this.stderr += text;
  }

  out(text: string): void {
    this.stdout += text;
  }

  /** Writes stdout now (what must show before a wait, e.g. a ping reply) when on a terminal. */
  flush(): void {
    if (!this.terminal || !this.stdout) return;
    this.terminal.write(toTerminal(this.stdout));
    this.stdout = '';
  }

  end(exitCode: number): ShellOutput {
    return { stdout: this.stdout, stderr: this.stderr, exitCode };
  }
}
