/**
 * A small stand-in for the main process's terminal service, for the console's terminal tests: it
 * answers the 'terminal' operations on a FakeBridge and behaves as a session does on the wire —
 * it prints a prompt, echoes each key, and on Enter prints the line's output (`echo` only) and the
 * prompt again, every byte as a `terminal-output` event; it keeps a Backlog for DescribeTerminals.
 */
import type { TerminalOperations, TerminalSession } from '../../shared/terminal-operations';
import type { FakeBridge } from './fake-bridge';

const PROMPT = 'learner@laptop:~$ ';

interface FakeSession extends TerminalSession {
  backlog: string;
  line: string;
}

export class FakeTerminals {
  readonly sessions = new Map<string, FakeSession>();
  private next = 1;

  constructor(private readonly bridge: FakeBridge) {
    bridge
      .handle('OpenTerminal', (input: TerminalOperations['OpenTerminal']['input']) => this.open(input))
      .handle('WriteTerminal', (input: TerminalOperations['WriteTerminal']['input']) => this.write(input))
      .handle('ResizeTerminal', (input: TerminalOperations['ResizeTerminal']['input']) => {
        const session = this.session(input.SessionId);
        session.Cols = input.Cols;
        session.Rows = input.Rows;
        return {};
      })
      .handle('CloseTerminal', (input: TerminalOperations['CloseTerminal']['input']) => {
        this.session(input.SessionId);
        this.sessions.delete(input.SessionId);
        this.bridge.emit({ type: 'terminal-closed', sessionId: input.SessionId });
        return {};
      })
      .handle('DescribeTerminals', () => ({
        Sessions: [...this.sessions.values()].map(({ SessionId, Title, Cols, Rows, backlog }) => ({
          SessionId,
          Title,
          Cols,
          Rows,
          Backlog: backlog,
        })),
      }));
  }

  /** Prints `data` in a session, as the main process does. */
  print(sessionId: string, data: string): void {
    this.session(sessionId).backlog += data;
    this.bridge.emit({ type: 'terminal-output', sessionId, data });
  }

  /** Renames a session's tab, as an ssh login does. */
  retitle(sessionId: string, title: string): void {
    const session = this.session(sessionId);
    session.Title = title;
    const { SessionId, Cols, Rows } = session;
    this.bridge.emit({ type: 'terminal-changed', session: { SessionId, Title: title, Cols, Rows } });
  }

  private session(sessionId: string): FakeSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw { code: 'InvalidTerminalSession.NotFound', message: `The session '${sessionId}' is not open.` };
    return session;
  }

  private open(input: TerminalOperations['OpenTerminal']['input']): TerminalSession {
    const SessionId = `term-${this.next++}`;
    const session: FakeSession = {
      SessionId,
      Title: 'Laptop',
      Cols: input.Cols,
      Rows: input.Rows,
      backlog: '',
      line: '',
    };
    this.sessions.set(SessionId, session);
    // The prompt comes as an event right after the answer, as from the main process.
    queueMicrotask(() => this.print(SessionId, PROMPT));
    return { SessionId, Title: session.Title, Cols: session.Cols, Rows: session.Rows };
  }

  private write(input: TerminalOperations['WriteTerminal']['input']): Record<string, never> {
    const session = this.session(input.SessionId);
    for (const key of input.Data) {
      if (key === '\r') {
        const output = /^echo (.*)$/.exec(session.line)?.[1];
        session.line = '';
        this.print(session.SessionId, `\r\n${output === undefined ? '' : `${output}\r\n`}${PROMPT}`);
      } else {
        session.line += key;
        this.print(session.SessionId, key);
      }
    }
    return {};
  }
}
