/**
 * The shell worker on a real worker thread (the desktop app and browser mode), running the built
 * `shell-worker.js`, so a runaway script burns that thread and never the main process's.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerPort } from '../shell-runner';

/** A worker thread running the built `shell-worker.js`. */
export function threadWorkerPort(file: string): WorkerPort {
  const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => listener(`exit code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
