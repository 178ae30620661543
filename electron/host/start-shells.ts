/**
 * Starts the shell layer for a host (the desktop app or browser mode) on its lab: the shell worker
 * thread from the built `shell-worker.mjs`, the machines, and the terminal service; answers the
 * port the doors serve (engine and terminals together).
 */
import type { DoorEngine } from '../doors/door-engine';
import type { Engine } from '../engine/engine';
import { labPort } from '../shell/lab-port';
import { createShells, type Shells } from '../shell/shells';
import { threadWorkerPort } from '../shell/worker/thread-worker-port';

export interface RunningShells {
  shells: Shells;
  /** What the doors serve: the engine's calls and events, and the terminals'. */
  port: DoorEngine;
  stop(): void;
}

export function startShells(engine: Engine, workerFile: string): RunningShells {
  const shells = createShells({ engine, startWorker: () => threadWorkerPort(workerFile) });
  return { shells, port: labPort(engine, shells.terminals), stop: () => shells.close() };
}
