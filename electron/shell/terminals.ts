/**
 * The terminal service (the 'terminal' calls of shared/terminal-operations.ts): opens sessions on
 * the laptop, feeds them the keys the console sends, and pushes what they print as events. Logins
 * on an instance end when the instance stops or terminates, as a real connection would.
 */
import type { ApiResult, TerminalCall } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { ErrorCode } from '../../shared/errors';
import {
  TERMINAL_MAX_SIZE,
  TERMINAL_MIN_SIZE,
  TERMINAL_OPERATION_NAMES,
  type TerminalOperations,
} from '../../shared/terminal-operations';
import type { ShellEngine } from './shell-engine';
import type { ShellRunner } from './shell-runner';
import { LAPTOP_LEARNER } from './machines/laptop-machine';
import type { Machine } from './machines/machine';
import { shellHandler } from './machines/shell-handler';
import { type Logins } from './session/logins';
import { ShellProgram } from './session/shell-program';
import { TerminalSession } from './session/terminal-session';

export interface TerminalsOptions {
  engine: ShellEngine;
  runner: ShellRunner;
  logins: Logins;
  laptop: Machine;
  /** Instances whose logins must end now (stopped, terminated), from the ids an engine event names. */
  goneInstances(ids: string[]): string[];
}

export interface Terminals {
  dispatch(call: TerminalCall): ApiResult;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Opens a laptop session without the console (tests, the SSH door). */
  openSession(cols: number, rows: number): TerminalSession;
  session(id: string): TerminalSession | undefined;
  /** Closes every session (the lab is closing). */
  close(): void;
}

class TerminalError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new TerminalError(ErrorCode.InvalidParameterValue, message);

function size(input: Record<string, unknown>): { cols: number; rows: number } {
  const { Cols, Rows } = input;
  const fits = (value: unknown, min: number, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (!fits(Cols, TERMINAL_MIN_SIZE.Cols, TERMINAL_MAX_SIZE.Cols))
    throw invalid(`Cols must be a whole number from ${TERMINAL_MIN_SIZE.Cols} to ${TERMINAL_MAX_SIZE.Cols}.`);
  if (!fits(Rows, TERMINAL_MIN_SIZE.Rows, TERMINAL_MAX_SIZE.Rows))
    throw invalid(`Rows must be a whole number from ${TERMINAL_MIN_SIZE.Rows} to ${TERMINAL_MAX_SIZE.Rows}.`);
  return { cols: Cols as number, rows: Rows as number };
}

export function createTerminals(options: TerminalsOptions): Terminals {
  const { engine, runner, logins, laptop } = options;
  const sessions = new Map<string, TerminalSession>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let next = 1;
  const emit = (event: EngineEvent) => {
    for (const listener of listeners) listener(event);
  };

  const openSession = (cols: number, rows: number): TerminalSession => {
    const id = `term-${next++}`;
    const session = new TerminalSession(id, cols, rows, laptop.title(LAPTOP_LEARNER), {
      output: (data) => emit({ type: 'terminal-output', sessionId: id, data }),
      changed: (view) => emit({ type: 'terminal-changed', session: view }),
      closed: () => {
        sessions.delete(id);
        emit({ type: 'terminal-closed', sessionId: id });
      },
    });
    sessions.set(id, session);
    const program = new ShellProgram({
      machine: laptop,
      user: LAPTOP_LEARNER,
      shell: runner.open(shellHandler(laptop, LAPTOP_LEARNER, session)),
      terminal: session,
      endWord: 'exit',
      onExit: () => session.close(),
    });
    session.run(program);
    program.start();
    return session;
  };

  const requireSession = (input: Record<string, unknown>): TerminalSession => {
    const id = input.SessionId;
    if (typeof id !== 'string') throw invalid('SessionId is required.');
    const session = sessions.get(id);
    if (!session)
      throw new TerminalError(ErrorCode.TerminalSessionNotFound, `The terminal session '${id}' does not exist.`);
    return session;
  };

  const handlers: {
    [K in keyof TerminalOperations]: (input: Record<string, unknown>) => TerminalOperations[K]['output'];
  } = {
    OpenTerminal: (input) => {
      const { cols, rows } = size(input);
      return openSession(cols, rows).view;
    },
    WriteTerminal: (input) => {
      const session = requireSession(input);
      if (typeof input.Data !== 'string') throw invalid('Data must be a string.');
      if (input.Data.length > 1024 * 1024) throw invalid('Data must be at most 1 MiB at a time.');
      session.input(input.Data);
      return {};
    },
    ResizeTerminal: (input) => {
      const session = requireSession(input);
      const { cols, rows } = size(input);
      session.resize(cols, rows);
      return {};
    },
    CloseTerminal: (input) => {
      requireSession(input).close();
      return {};
    },
    DescribeTerminals: () => ({
      Sessions: [...sessions.values()].map((session) => ({ ...session.view, Backlog: session.backlog })),
    }),
  };

  const unsubscribe = engine.onEvent((event) => {
    if (event.type === 'lab-replaced') {
      for (const id of logins.machineIds) if (id !== laptop.id) logins.closeMachine(id);
      return;
    }
    if (event.type !== 'resources-changed' || event.resource !== 'instance') return;
    const open = logins.machineIds;
    const watched = event.ids.filter((id) => open.has(id));
    if (watched.length === 0) return;
    for (const id of options.goneInstances(watched)) logins.closeMachine(id);
  });

  return {
    dispatch(call) {
      try {
        if (!(TERMINAL_OPERATION_NAMES as readonly string[]).includes(call.operation))
          throw new TerminalError(
            ErrorCode.InvalidAction,
            `The action ${call.operation} is not valid for this web service.`,
          );
        const input = call.input as unknown;
        if (typeof input !== 'object' || input === null || Array.isArray(input))
          throw invalid('The request input must be an object.');
        const value = handlers[call.operation](input as Record<string, unknown>);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof TerminalError) return { ok: false, error: { code: error.code, message: error.message } };
        return {
          ok: false,
          error: { code: ErrorCode.InternalError, message: `The terminal failed: ${String(error)}` },
        };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openSession,
    session: (id) => sessions.get(id),
    close() {
      unsubscribe();
      for (const session of [...sessions.values()]) session.close();
      runner.stop();
    },
  };
}
