/**
 * Runs browser mode as a user does (`node dist/web/main.js`, built by `npm run e2e`) and waits for
 * its ready line. Stopping it with SIGKILL is available to test that state survives a hard stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebServer {
  url: string;
  /** The run's access token, from the address the server printed (…/?token=…). */
  token: string;
  /** The EC2 Query API's endpoint (browser mode starts it beside the console). */
  apiUrl: string;
  dataDirectory: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const READY = /EC2 Lab ready at (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9._~-]+)\n/;
const API_READY = /EC2 API for the AWS CLI and SDKs at (http:\/\/127\.0\.0\.1:\d+\/)/;

export function makeDataDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ec2lab-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function startWebServer(
  dataDirectory: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<WebServer> {
  const child = spawn(
    process.execPath,
    [
      'dist/web/main.js',
      '--port',
      '0',
      '--data-dir',
      dataDirectory,
      // A free EC2 API port unless the test names one: 4566 may be taken by another lab on the machine.
      ...(extraArgs.includes('--api-port') ? [] : ['--api-port', '0']),
      ...extraArgs,
    ],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [url, token, apiUrl] = await new Promise<[string, string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const check = () => {
      const ready = READY.exec(output);
      const api = API_READY.exec(output);
      if (ready && api) {
        clearTimeout(timer);
        resolve([ready[1]!, ready[2]!, api[1]!]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    token,
    apiUrl,
    dataDirectory,
    output: () => output,
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
  };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
