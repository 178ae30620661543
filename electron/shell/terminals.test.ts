import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { createTestLab } from '../engine/test-support/test-lab';
import { createShells, type Shells } from './shells';
import type { WorkerPort } from './shell-runner';
import { inProcessWorkerPort } from './worker/in-process-worker-port';

let shells: Shells | undefined;
let lastScreen: () => string = () => '';

/** Waits (without a fixed sleep) until `check` holds: the worker answers on later turns. */
async function eventually(check: () => boolean): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 10_000) throw new Error(`timed out; screen: ${JSON.stringify(lastScreen())}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
afterEach(() => shells?.close());

const terminal = (s: Shells, operation: string, input: unknown): ApiResult =>
  s.terminals.dispatch({ service: 'terminal', operation, input } as never);

describe('the terminal service', () => {
  it('opens a session, takes keys, pushes output and closes with `exit`', async () => {
    shells = createShells({ engine: createTestLab().engine, startWorker: inProcessWorkerPort });
    const events: { type: string }[] = [];
    shells.terminals.onEvent((event) => events.push(event));
    const opened = terminal(shells, 'OpenTerminal', { Cols: 80, Rows: 24 });
    expect(opened).toMatchObject({ ok: true, value: { Title: 'Laptop', Cols: 80, Rows: 24 } });
    const id = (opened as { value: { SessionId: string } }).value.SessionId;
    expect(terminal(shells, 'WriteTerminal', { SessionId: id, Data: 'echo hi' })).toEqual({ ok: true, value: {} });
    expect(terminal(shells, 'ResizeTerminal', { SessionId: id, Cols: 100, Rows: 30 })).toEqual({ ok: true, value: {} });
    const described = terminal(shells, 'DescribeTerminals', {}) as { value: { Sessions: { Backlog: string }[] } };
    expect(described.value.Sessions[0]!.Backlog).toContain('learner@laptop');
    expect(described.value.Sessions[0]!.Backlog).toContain('echo hi');
    expect(events.some((e) => e.type === 'terminal-changed')).toBe(true);
    terminal(shells, 'WriteTerminal', { SessionId: id, Data: '\x15exit\r' });
    await eventually(() => events.at(-1)?.type === 'terminal-closed');
    expect(events.at(-1)).toEqual({ type: 'terminal-closed', sessionId: id });
    expect(terminal(shells, 'WriteTerminal', { SessionId: id, Data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'TerminalSessionNotFound' },
    });
  });

  it('refuses bad sizes, missing data and unknown operations with a clear error', () => {
    shells = createShells({ engine: createTestLab().engine, startWorker: inProcessWorkerPort });
    expect(terminal(shells, 'OpenTerminal', { Cols: 5, Rows: 24 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'Cols must be a whole number from 10 to 1000.' },
    });
    expect(terminal(shells, 'OpenTerminal', { Cols: 80 })).toMatchObject({ ok: false });
    const id = (terminal(shells, 'OpenTerminal', { Cols: 80, Rows: 24 }) as { value: { SessionId: string } }).value
      .SessionId;
    expect(terminal(shells, 'WriteTerminal', { SessionId: id, Data: 42 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue' },
    });
    expect(terminal(shells, 'Shutdown', {})).toMatchObject({ ok: false, error: { code: 'InvalidAction' } });
    expect(terminal(shells, 'CloseTerminal', null)).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue' },
    });
  });

  it('survives the shell worker dying: the running line ends with a message and the next one runs', async () => {
    let ports: WorkerPort[] = [];
    let exitListeners: ((reason: string) => void)[] = [];
    const posted: string[] = [];
    const startWorker = () => {
      const port = inProcessWorkerPort();
      const wrapped: WorkerPort = {
        ...port,
        post: (message) => {
          posted.push(message.type);
          port.post(message);
        },
        onExit: (listener) => exitListeners.push(listener),
      };
      ports.push(wrapped);
      return wrapped;
    };
    shells = createShells({ engine: createTestLab().engine, startWorker });
    let screen = '';
    lastScreen = () => screen;
    shells.terminals.onEvent((event) => {
      if (event.type === 'terminal-output') screen += event.data;
    });
    const session = shells.terminals.openSession(80, 24);
    session.input('sleep 20\r');
    await eventually(() => posted.includes('exec'));
    ports[0]!.terminate();
    const listeners = exitListeners;
    exitListeners = [];
    for (const listener of listeners) listener('killed');
    await eventually(() => screen.includes('the shell worker stopped'));
    expect(screen).toContain('the shell worker stopped (killed)');
    session.input('echo back-$((40+2))\r');
    await eventually(() => screen.includes('back-42\r\n'));
    expect(screen).toContain('back-42');
    expect(ports).toHaveLength(2);
    ports = [];
  });
});
