import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const POOL_FILE = fileURLToPath(new URL('./thread-pool.ts', import.meta.url));

/**
 * A child Node that (when told to) bounds its pool, gives the pool eight tasks at once, and prints
 * how many of libuv's worker threads it then has (from /proc: Linux, as CI).
 */
const CHILD = `
import { pbkdf2 } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { boundThreadPool } from ${JSON.stringify(POOL_FILE)};
if (process.argv[1] === 'bounded') boundThreadPool(process.env, 2);
await Promise.all(Array.from({ length: 8 }, () => new Promise((resolve) => pbkdf2('secret', 'salt', 20000, 32, 'sha256', resolve))));
const threads = readdirSync('/proc/self/task').filter((task) => readFileSync('/proc/self/task/' + task + '/comm', 'utf8').trim() === 'libuv-worker');
console.log(threads.length);
`;

function poolThreads(mode: 'bounded' | 'default', env: NodeJS.ProcessEnv = {}): number {
  const { UV_THREADPOOL_SIZE: _ignored, ...inherited } = process.env;
  const output = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', CHILD, mode], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return Number(output.trim());
}

describe.runIf(process.platform === 'linux')("browser mode's thread pool", { timeout: 60_000 }, () => {
  it('runs two threads where libuv alone starts four', () => {
    expect(poolThreads('default')).toBe(4);
    expect(poolThreads('bounded')).toBe(2);
  });

  it('keeps the size a user chose in UV_THREADPOOL_SIZE', () => {
    expect(poolThreads('bounded', { UV_THREADPOOL_SIZE: '3' })).toBe(3);
  });
});
