/**
 * Browser mode's composition root (bundled to dist/web/main.js), beside the desktop's main.ts:
 *   node dist/web/main.js [--port N] [--data-dir DIR] [--api-port N]
 * Starts the lab on the data directory, serves the renderer and the API on 127.0.0.1, starts any
 * extra servers (electron/host/extra-servers.ts), and closes everything on SIGINT or SIGTERM.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../package.json';
import { defaultDataDirectory } from './host/data-directory';
import { startExtraServers, type RunningLabServer } from './host/extra-servers';
import { DataDirectoryInUseError } from './host/data-directory-lock';
import { boundHeapGrowth, BROWSER_MODE_HEAP_BOUNDS } from './host/heap-bounds';
import { startLab } from './host/start-lab';
import { startShells } from './host/start-shells';
import { boundThreadPool, BROWSER_MODE_THREAD_POOL_SIZE } from './host/thread-pool';
import { ArgsError, USAGE, parseWebArgs } from './doors/web/args';
import { makeAccessToken } from './doors/web/access-token';
import { startWebServer } from './doors/web/server';

/** dist/web/main.js serves dist/renderer and starts dist/shell/shell-worker.mjs. */
const rendererDirectory = fileURLToPath(new URL('../renderer/', import.meta.url));
const shellWorkerFile = fileURLToPath(new URL('../shell/shell-worker.mjs', import.meta.url));

async function main(argv: readonly string[]): Promise<void> {
  const args = parseWebArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Without these, a busy hour of API calls leaves the process holding twice its live memory in garbage.
  boundHeapGrowth(BROWSER_MODE_HEAP_BOUNDS);
  // Before the lab starts: its key making is the pool's first task.
  boundThreadPool(process.env, BROWSER_MODE_THREAD_POOL_SIZE);
  const dataDirectory = args.dataDirectory ? resolve(args.dataDirectory) : defaultDataDirectory();
  const lab = startLab({ dataDirectory, version });
  const shells = startShells(lab.engine, shellWorkerFile, { dataDirectory, log: (line) => console.log(line) });
  let extras: RunningLabServer[] = [];
  let web;
  try {
    const token = makeAccessToken(process.env.EC2LAB_WEB_TOKEN);
    const ssh = shells.ssh;
    web = await startWebServer({
      engine: shells.port,
      port: args.port,
      rendererDirectory,
      token,
      sshConfig: ssh && (() => ssh.sshConfig()),
    });
  } catch (error) {
    shells.stop();
    lab.stop();
    throw error;
  }
  console.log(`EC2 Lab ready at ${web.openUrl}`);
  extras = await startExtraServers({
    engine: lab.engine,
    dataDirectory,
    apiPort: args.apiPort,
    log: (line) => console.log(line),
    env: process.env,
    registerApiAccess: (provider) => lab.engine.setApiAccessProvider(provider),
  });

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    // A second signal, or a close that hangs, ends the process anyway.
    setTimeout(() => process.exit(1), 5000).unref();
    try {
      await Promise.allSettled([web.close(), ...extras.map((server) => server.close())]);
      shells.stop();
      lab.stop();
    } finally {
      console.log(`EC2 Lab stopped (${signal}).`);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ArgsError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof DataDirectoryInUseError) console.error(`EC2 Lab: ${error.message}`);
  else if (code === 'EADDRINUSE') console.error('EC2 Lab: that port is already in use; choose another with --port.');
  else console.error('EC2 Lab failed to start:', error);
  process.exit(1);
});
