import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOG_FILE, createErrorLog } from './error-log';

let directory: string;
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('the error log', () => {
  it('writes one JSON line per error with its operation, request id and stack, private to the user', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-log-'));
    const log = createErrorLog(directory, () => new Date('2026-11-30T10:00:00Z'));
    log(new TypeError('a bug'), { operation: 'RunInstances', requestId: 'abc-123' });
    const file = join(directory, 'logs', LOG_FILE);
    const entry = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({
      time: '2026-11-30T10:00:00.000Z',
      operation: 'RunInstances',
      requestId: 'abc-123',
      error: { name: 'TypeError', message: 'a bug' },
    });
    expect(String((entry.error as { stack: string }).stack)).toContain('error-log.test.ts');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates at 1 MiB and keeps three older files', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-log-'));
    const log = createErrorLog(directory);
    const big = new Error('x'.repeat(200 * 1024));
    for (let i = 0; i < 30; i++) log(big, { operation: `Op${i}`, requestId: String(i) });
    const file = join(directory, 'logs', LOG_FILE);
    for (const suffix of ['', '.1', '.2', '.3']) {
      expect(existsSync(file + suffix), suffix).toBe(true);
      expect(statSync(file + suffix).size).toBeLessThan(1.5 * 1024 * 1024);
    }
    expect(existsSync(`${file}.4`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('"operation":"Op29"');
  });
});
