/**
 * The shell worker's logic on this thread, for tests, which cannot load a built worker file.
 * Messages still cross as structured clones on a later turn, so what works here works in the thread.
 */
import type { WorkerPort } from '../shell-runner';
import { createShellWorkerCore } from './shell-worker-core';
import type { MainToWorker, WorkerToMain } from './protocol';

export function inProcessWorkerPort(): WorkerPort {
  const listeners: ((message: WorkerToMain) => void)[] = [];
  let stopped = false;
  const core = createShellWorkerCore((message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!stopped) for (const listener of listeners) listener(copy);
    });
  });
  return {
    post: (message: MainToWorker) => {
      const copy = structuredClone(message);
      setTimeout(() => {
        if (!stopped) core.receive(copy);
      });
    },
    onMessage: (listener) => listeners.push(listener),
    onExit: () => undefined,
    terminate: () => {
      stopped = true;
    },
  };
}
