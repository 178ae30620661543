/**
 * The shell's limits, in browser mode as a learner runs it (the shell worker is a real thread from
 * dist/shell/shell-worker.mjs): a runaway loop in a terminal is cut off with a message while the
 * console's API keeps answering quickly, and no command reaches the computer's real files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../shared/wire-codec';
import { makeDataDirectory, startWebServer, type WebServer } from './support/web-server';

let data: ReturnType<typeof makeDataDirectory>;
let server: WebServer;
let events: WebSocket;
let screen = '';
let canaryDirectory: string;

async function call(service: string, operation: string, input: unknown, region?: string) {
  const response = await fetch(new URL('/api/call', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: encodeWire({ service, operation, input, region }),
  });
  const result = decodeWire(await response.text()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as Record<string, unknown>;
}

async function until(check: () => boolean, what: string, timeout = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  data = makeDataDirectory();
  server = await startWebServer(data.path);
  events = new WebSocket(new URL('/api/events', server.url.replace('http', 'ws')), {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  await new Promise((resolve, reject) => events.once('open', resolve).once('error', reject));
  events.on('message', (raw) => {
    const event = decodeWire(raw.toString()) as { type: string; data?: string };
    if (event.type === 'terminal-output') screen += event.data;
  });
  canaryDirectory = mkdtempSync(join(tmpdir(), 'ec2lab-canary-'));
  writeFileSync(join(canaryDirectory, 'canary.txt'), 'HOST-SECRET-7f3a\n');
});

afterAll(async () => {
  events?.close();
  await server?.stop();
  data?.remove();
  rmSync(canaryDirectory, { recursive: true, force: true });
});

describe('the shell worker', () => {
  it('cuts off a runaway loop while the API keeps answering within 250 ms', async () => {
    const session = await call('terminal', 'OpenTerminal', { Cols: 100, Rows: 30 });
    await until(() => screen.includes('$ '), 'the laptop prompt');
    const from = screen.length;
    await call('terminal', 'WriteTerminal', { SessionId: session.SessionId, Data: 'while true; do :; done\r' });
    const timings: number[] = [];
    while (!screen.slice(from).includes('too many commands')) {
      const start = performance.now();
      await call('ec2', 'DescribeInstances', {}, 'us-east-1');
      timings.push(performance.now() - start);
      if (timings.length > 2000) break;
    }
    expect(screen.slice(from)).toContain('too many commands executed');
    expect(timings.length).toBeGreaterThan(3);
    expect(Math.max(...timings)).toBeLessThan(250);
  });

  it('never reads the computer’s own files', async () => {
    const session = await call('terminal', 'OpenTerminal', { Cols: 100, Rows: 30 });
    const from = screen.length;
    const canary = join(canaryDirectory, 'canary.txt');
    await call('terminal', 'WriteTerminal', {
      SessionId: session.SessionId,
      Data: `cat ${canary}; ls ${canaryDirectory}; cat /etc/hostname ${process.cwd()}/package.json; echo done-$((6*7))\r`,
    });
    await until(() => screen.slice(from).includes('done-42'), 'the commands to finish');
    const shown = screen.slice(from);
    expect(shown).not.toContain('HOST-SECRET');
    expect(shown).not.toContain('"name": "ec2-lab"');
    expect(shown).toContain('No such file or directory');
  });
});
