/**
 * The shell worker thread's entry (built to its own file beside the main bundle): it runs every
 * shell of the lab, so a runaway script never stalls the main process.
 */
import { parentPort } from 'node:worker_threads';
import { createShellWorkerCore } from './shell-worker-core';
import type { MainToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('The shell worker must run in a worker thread.');
const core = createShellWorkerCore((message) => port.postMessage(message));
port.on('message', (message: MainToWorker) => core.receive(message));
