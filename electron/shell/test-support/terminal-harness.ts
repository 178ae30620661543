/**
 * A terminal for tests: a lab engine in memory, the shell layer over it with the worker in-process,
 * and a session whose output is collected as plain text (escape sequences removed), with helpers
 * to type a line and wait until the screen shows something.
 */
import { createTestLab, type TestLab } from '../../engine/test-support/test-lab';
import { createShells, type Shells, type ShellsOptions } from '../shells';
import type { TerminalSession } from '../session/terminal-session';
import { inProcessWorkerPort } from '../worker/in-process-worker-port';

/** Terminal bytes as a reader sees them: colours and cursor moves dropped, backspaces applied. */
export function plainText(raw: string): string {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences
  let text = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x07/g, '').replace(/\r\n/g, '\n');
  // eslint-disable-next-line no-control-regex -- a backspace erases the character before it
  while (/[^\x08\n]\x08/.test(text)) text = text.replace(/[^\x08\n]\x08/, '');
  return text.replaceAll('\x08', '');
}

export interface TerminalHarness {
  lab: TestLab;
  shells: Shells;
  session: TerminalSession;
  /** Everything the session printed, as plain text. */
  screen(): string;
  /** Types keys (no Enter added). */
  keys(data: string): void;
  /** Types a line and Enter, then waits until the next prompt-ending text appears after it. */
  run(line: string, until?: string | RegExp): Promise<string>;
  waitFor(text: string | RegExp, from?: number): Promise<string>;
  close(): void;
}

export function terminalHarness(
  options: { lab?: TestLab } & Partial<Omit<ShellsOptions, 'engine' | 'startWorker'>> = {},
): TerminalHarness {
  const lab = options.lab ?? createTestLab();
  const shells = createShells({ ...options, engine: lab.engine, startWorker: inProcessWorkerPort });
  let raw = '';
  const waiters = new Set<() => void>();
  shells.terminals.onEvent((event) => {
    if (event.type !== 'terminal-output') return;
    raw += event.data;
    for (const wake of [...waiters]) wake();
  });
  const session = shells.terminals.openSession(120, 40);
  const screen = () => plainText(raw);
  const waitFor = (text: string | RegExp, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const shown = screen().slice(from);
        if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(shown);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${String(text)}; screen:\n${screen()}`));
      }, 10_000);
      waiters.add(check);
      check();
    });
  return {
    lab,
    shells,
    session,
    screen,
    keys: (data) => session.input(data),
    async run(line, until = /[$#>] $/) {
      const from = screen().length;
      session.input(`${line}\r`);
      const shown = await waitFor(
        typeof until === 'string' ? until : new RegExp(`\\n[^\\n]*${until.source}`, until.flags),
        from,
      );
      return shown;
    },
    waitFor,
    close: () => shells.close(),
  };
}
