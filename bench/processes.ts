/**
 * The processes the bench measures, each on its own as a learner runs it: browser mode
 * (`node dist/web/main.js`, built by `npm run bench`) with the inspector open so the bench can force
 * a GC and read its memory, and the bare loopback server (bare-server.ts) that sets the ceiling.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWire, decodeWire } from '../shared/wire-codec';
import { connectInspector, type Inspector } from './inspector';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}

export const BENCH_KEYS: Keys = {
  accessKeyId: 'AKIABENCHBENCHBENCH0',
  secretAccessKey: 'benchbenchbenchbenchbenchbenchbenchbench',
};

export interface LabProcess {
  pid: number;
  consoleUrl: string;
  token: string;
  apiUrl: string;
  dataDirectory: string;
  /** Absent when started with `inspect: false` (cold start is measured without it). */
  inspector?: Inspector;
  /** A lab operation through browser mode's own API (as the console calls it). */
  lab(operation: string, input: unknown): Promise<unknown>;
  /** Resident set size of the process now, from /proc. */
  rssMiB(): number;
  /** The same, split: anonymous memory (heaps, stacks, caches) and file-backed pages (the node executable, libraries). */
  rssPartsMiB(): { anonymous: number; files: number };
  /** CPU time the process has used so far (user + system), in ms, from /proc. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const READY = /EC2 Lab ready at (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9._~-]+)\n/;
const API_READY = /EC2 API for the AWS CLI and SDKs at (http:\/\/127\.0\.0\.1:\d+\/)/;
const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;

/** Starts browser mode on `dataDirectory` (a fresh one unless given) and waits for its ready lines. */
export async function startLabProcess(
  options: { dataDirectory?: string; inspect?: boolean } = {},
): Promise<LabProcess> {
  const inspect = options.inspect ?? true;
  const fresh = options.dataDirectory === undefined;
  const dataDirectory = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'ec2lab-bench-'));
  const child = spawn(
    process.execPath,
    [
      // BENCH_LAB_NODE_FLAGS: more flags for browser mode's node, e.g. '--perf-basic-prof-only-functions' for `perf record`.
      ...(process.env.BENCH_LAB_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ...(inspect ? ['--inspect=127.0.0.1:0'] : []),
      'dist/web/main.js',
      '--port',
      '0',
      '--api-port',
      '0',
      '--data-dir',
      dataDirectory,
    ],
    {
      env: {
        ...process.env,
        EC2LAB_ACCESS_KEY_ID: BENCH_KEYS.accessKeyId,
        EC2LAB_SECRET_ACCESS_KEY: BENCH_KEYS.secretAccessKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = await waitFor(
    child,
    (text) => READY.test(text) && API_READY.test(text) && (!inspect || INSPECTOR.test(text)),
  );
  const [, consoleUrl, token] = READY.exec(output)!;
  const apiUrl = API_READY.exec(output)![1]!;
  const inspector = inspect ? await connectInspector(INSPECTOR.exec(output)![1]!) : undefined;
  return {
    pid: child.pid!,
    consoleUrl: consoleUrl!,
    token: token!,
    apiUrl,
    dataDirectory,
    inspector,
    async lab(operation, input) {
      const response = await fetch(new URL('/api/call', consoleUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: encodeWire({ service: 'lab', operation, input }),
      });
      const result = decodeWire(await response.text()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    rssMiB: () => rssMiBOf(child.pid!),
    rssPartsMiB: () => rssPartsMiBOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    async stop() {
      inspector?.close();
      await stopChild(child);
      if (fresh) rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until browser mode is idle (two 250 ms windows with at most one 10 ms CPU tick, read from
 * /proc), at most 30 s: a figure then measures its own work, not the clock still moving what came
 * before (a thousand launches boot in the shell worker, pass their status checks and get host keys
 * for a few seconds at 60×, on the same two cores as the client and Chromium).
 */
export async function untilIdle(lab: Pick<LabProcess, 'cpuMs'>): Promise<void> {
  const deadline = performance.now() + 30_000;
  let quiet = 0;
  while (quiet < 2 && performance.now() < deadline) {
    const before = lab.cpuMs();
    await new Promise((resolve) => setTimeout(resolve, 250));
    quiet = lab.cpuMs() - before <= 10 ? quiet + 1 : 0;
  }
}

export interface BareServer {
  url: string;
  /** CPU time the process has used so far (user + system, all threads), in ms, from /proc. */
  cpuMs(): number;
  /** Answers `body` from now on. */
  answer(body: Buffer): Promise<void>;
  stop(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
  const child = spawn(process.execPath, ['bench/bare-server.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = await waitFor(child, (text) => /bare server at/.test(text));
  const url = /bare server at (\S+)/.exec(output)![1]!;
  return {
    url,
    cpuMs: () => cpuMsOf(child.pid!),
    async answer(body) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'x-bench-canned': 'set' },
        body: new Uint8Array(body),
      });
      if (response.status !== 204) throw new Error(`the bare server refused its canned reply: ${response.status}`);
    },
    stop: () => stopChild(child),
  };
}

/** KiB as MiB, to one decimal. */
function mibOfKib(kib: number): number {
  return Math.round((kib / 1024) * 10) / 10;
}

function rssMiBOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return mibOfKib(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN));
}

/** Resident anonymous and file-backed memory, from /proc/<pid>/smaps_rollup (Linux 4.14+). */
function rssPartsMiBOf(pid: number): { anonymous: number; files: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
  return { anonymous: mibOfKib(kib('Anonymous')), files: mibOfKib(kib('Rss') - kib('Anonymous')) };
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function waitFor(child: ChildProcess, ready: (output: string) => boolean): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process did not start:\n${output}`)), 30_000);
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with ${code}:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
