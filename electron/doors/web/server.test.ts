import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiCall, ApiResult } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import { decodeWire, encodeWire } from '../../../shared/wire-codec';
import { createTestLab, quickStartImage, TEST_REGION } from '../../engine/test-support/test-lab';
import type { DoorEngine } from '../door-engine';
import { startWebServer, type WebServer } from './server';

/** An engine that records what the door hands it, so the test sees exactly what crossed the door. */
function recordingEngine() {
  const calls: ApiCall[] = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine: DoorEngine & { calls: ApiCall[]; emit(event: EngineEvent): void } = {
    calls,
    dispatch(call) {
      calls.push(call);
      if (call.service === 'lab' && call.operation === 'GetClock') {
        return { ok: true, value: { now: 1_700_000_000_000, speed: 1 } };
      }
      if (call.service === 'ec2' && call.operation === 'DescribeInstances') {
        return {
          ok: true,
          value: { Reservations: [{ Instances: [{ InstanceId: 'i-0123456789abcdef0', LaunchTime: new Date(0) }] }] },
        };
      }
      return {
        ok: false,
        error: { code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-1' does not exist" },
      };
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
  };
  return engine;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, for headers fetch will not let us set (Host). */
function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Opens a WebSocket and answers the status the server gave the upgrade (101 when it opened). */
function upgradeStatus(url: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { ...AUTH, ...headers } });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', reject);
  });
}

const TOKEN = 'test-token-0123456789abcdef';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

describe('browser mode web server', () => {
  let directory: string;
  let engine: ReturnType<typeof recordingEngine>;
  let server: WebServer;
  let base: string;

  const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(`${base}api/call`, { method: 'POST', headers: { ...AUTH, ...headers }, body });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-web-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    writeFileSync(join(directory, 'assets', 'index-abc.js'), 'console.log("lab")');
    engine = recordingEngine();
    server = await startWebServer({ engine, port: 0, rendererDirectory: directory, token: TOKEN });
    base = server.url;
  });

  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on the port it picked', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the renderer with its content type, a strict CSP and no CORS header', async () => {
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect(await page.text()).toContain('<title>EC2 Lab</title>');

    const script = await fetch(`${base}assets/index-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('round-trips a call: the engine gets the call, the page gets its result with Dates intact', async () => {
    const call = { service: 'ec2', operation: 'DescribeInstances', region: 'eu-west-1', input: {} };
    const response = await post(encodeWire(call));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const result = decodeWire(await response.text()) as ApiResult<{
      Reservations: { Instances: { LaunchTime: Date }[] }[];
    }>;
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.Reservations[0].Instances[0].LaunchTime).toEqual(new Date(0));
    expect(engine.calls.at(-1)).toEqual({ ...call, caller: 'console' });
  });

  it('passes an engine error through as an ApiResult', async () => {
    const response = await post(
      encodeWire({ service: 'ec2', operation: 'StopInstances', region: 'us-east-1', input: { InstanceIds: ['i-1'] } }),
    );
    expect(response.status).toBe(200);
    expect(decodeWire(await response.text())).toEqual({
      ok: false,
      error: { code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-1' does not exist" },
    });
  });

  it('answers InvalidAction for an unknown operation without reaching the engine', async () => {
    const before = engine.calls.length;
    const response = await post(encodeWire({ service: 'ec2', operation: 'FlyToMoon', region: 'us-east-1', input: {} }));
    expect(response.status).toBe(400);
    expect(decodeWire(await response.text())).toMatchObject({ ok: false, error: { code: 'InvalidAction' } });
    expect(engine.calls.length).toBe(before);
  });

  it('answers 400 with an ApiError for malformed JSON', async () => {
    const response = await post('{"service": "lab", ');
    expect(response.status).toBe(400);
    expect(decodeWire(await response.text())).toEqual({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    const response = await post(encodeWire({ service: 'lab', operation: 'GetClock', input: {} }), {
      'Content-Type': 'text/plain',
    });
    expect(response.status).toBe(415);
    expect(decodeWire(await response.text())).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue' } });
  });

  it('answers 413 for a body over 1 MiB, and keeps serving', async () => {
    const huge = encodeWire({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'us-east-1',
      input: { Filters: [{ Name: 'tag:Name', Values: ['x'.repeat(1024 * 1024 + 1)] }] },
    });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect(decodeWire(await response.text())).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'The request body is larger than 1 MiB.' },
    });
    expect((await post(encodeWire({ service: 'lab', operation: 'GetClock', input: {} }))).status).toBe(200);
  });

  it('takes an ImportLab call as large as a lab file can be', async () => {
    const before = engine.calls.length;
    const response = await post(
      encodeWire({ service: 'lab', operation: 'ImportLab', input: { content: 'x'.repeat(8 * 1024 * 1024) } }),
    );
    expect(response.status).toBe(200);
    expect(engine.calls.length).toBe(before + 1);
    expect(engine.calls.at(-1)).toMatchObject({ service: 'lab', operation: 'ImportLab' });
  });

  it('answers a batch at /api/calls: each call checked and dispatched in order, one result each', async () => {
    const before = engine.calls.length;
    const calls = [
      { service: 'lab', operation: 'GetClock', input: {} },
      { service: 'ec2', operation: 'FlyToMoon', region: 'us-east-1', input: {} },
      { service: 'ec2', operation: 'DescribeInstances', region: 'eu-west-1', input: {} },
      { service: 'ec2', operation: 'StopInstances', region: 'us-east-1', input: { InstanceIds: ['i-1'] } },
      { service: 'lab', operation: 'ImportLab', input: { content: '{}' } },
    ];
    const response = await fetch(`${base}api/calls`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: encodeWire(calls),
    });
    expect(response.status).toBe(200);
    const results = decodeWire(await response.text()) as ApiResult<{
      Reservations: { Instances: { LaunchTime: Date }[] }[];
    }>[];
    expect(results).toHaveLength(5);
    expect(results[0]).toEqual({ ok: true, value: { now: 1_700_000_000_000, speed: 1 } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'InvalidAction' } });
    const described = results[2]!;
    expect(described.ok && described.value.Reservations[0].Instances[0].LaunchTime).toEqual(new Date(0));
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'InvalidInstanceID.NotFound' } });
    expect(results[4]).toEqual({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'ImportLab goes alone, to /api/call.' },
    });
    // Neither the unknown operation nor the ImportLab reached the engine; the others did, in order.
    expect(engine.calls.slice(before).map((call) => call.operation)).toEqual([
      'GetClock',
      'DescribeInstances',
      'StopInstances',
    ]);
  });

  it('refuses a batch that is not a list of 1 to 32 calls, or comes without the token', async () => {
    const before = engine.calls.length;
    const postBatch = (body: string, headers: Record<string, string> = AUTH) =>
      fetch(`${base}api/calls`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
    const clock = { service: 'lab', operation: 'GetClock', input: {} };
    for (const body of [clock, [], Array.from({ length: 33 }, () => clock)]) {
      const response = await postBatch(encodeWire(body));
      expect(response.status).toBe(400);
      expect(decodeWire(await response.text())).toEqual({
        ok: false,
        error: { code: 'InvalidParameterValue', message: 'The request must be a list of 1 to 32 calls.' },
      });
    }
    expect((await postBatch('[{"service": ')).status).toBe(400);
    expect((await postBatch(encodeWire([clock, clock]), {})).status).toBe(401);
    expect(engine.calls.length).toBe(before);
  });

  it('answers 405 to a GET of the call endpoint', async () => {
    expect((await fetch(`${base}api/call`, { headers: AUTH })).status).toBe(405);
  });

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const response = await rawRequest(server.port, '/', { Host: `evil.example:${server.port}` });
    expect(response.status).toBe(403);
    const call = await rawRequest(
      server.port,
      '/api/call',
      { Host: 'evil.example', 'Content-Type': 'application/json' },
      'POST',
      encodeWire({ service: 'lab', operation: 'GetClock', input: {} }),
    );
    expect(call.status).toBe(403);
    // localhost on the same port is the same lab.
    expect((await rawRequest(server.port, '/', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a POST from a foreign Origin with 403 and without dispatching', async () => {
    const before = engine.calls.length;
    const response = await post(encodeWire({ service: 'lab', operation: 'ResetLab', input: {} }), {
      'Content-Type': 'application/json',
      Origin: 'http://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(engine.calls.length).toBe(before);
    // The server's own origin is welcome.
    const own = await post(encodeWire({ service: 'lab', operation: 'GetClock', input: {} }), {
      'Content-Type': 'application/json',
      Origin: `http://127.0.0.1:${server.port}`,
    });
    expect(own.status).toBe(200);
  });

  it('refuses a WebSocket upgrade from a foreign Origin or Host, and on other paths', async () => {
    const events = `ws://127.0.0.1:${server.port}/api/events`;
    expect(await upgradeStatus(events, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(events, { Host: 'evil.example' })).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/elsewhere`)).toBe(404);
    expect(await upgradeStatus(events, { Origin: `http://127.0.0.1:${server.port}` })).toBe(101);
  });

  it('pushes engine events over the WebSocket, encoded for the wire', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, {
      headers: { Origin: `http://127.0.0.1:${server.port}`, ...AUTH },
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(decodeWire(String(data)))),
    );
    const event: EngineEvent = { type: 'resources-changed', region: 'us-east-1', resource: 'instance', ids: ['i-1'] };
    engine.emit(event);
    expect(await received).toEqual(event);
    socket.close();
  });

  it('survives garbage on the wire', async () => {
    const { connect } = await import('node:net');
    const exchange = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
        let answer = '';
        socket.on('data', (chunk) => {
          answer += String(chunk);
          if (answer.includes('\r\n\r\n')) socket.destroy();
        });
        socket.on('close', () => resolve(answer));
      });
    const host = `Host: 127.0.0.1:${server.port}`;
    expect(await exchange('NOT HTTP AT ALL\r\n\r\n')).toContain('400');
    expect(await exchange(`GET http://[ HTTP/1.1\r\n${host}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    const upgrade = `GET http://[ HTTP/1.1\r\n${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`;
    expect(await exchange(upgrade)).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(base)).status).toBe(200);
  });
});

describe('browser mode access token', () => {
  let directory: string;
  let server: WebServer;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-token-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    server = await startWebServer({
      engine: createTestLab().engine,
      port: 0,
      rendererDirectory: directory,
      token: TOKEN,
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const call = (headers: Record<string, string>) =>
    fetch(`${server.url}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: encodeWire({ service: 'lab', operation: 'GetApiAccess', input: {} }),
    });

  it('prints an address that carries the token', () => {
    expect(server.openUrl).toBe(`${server.url}?token=${TOKEN}`);
  });

  it('answers the API and the events only with the token, and serves the console files to anyone', async () => {
    const refused = await call({});
    expect(refused.status).toBe(401);
    expect(decodeWire(await refused.text())).toMatchObject({ ok: false, error: { code: 'AuthFailure' } });
    expect((await call({ Authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
    expect((await call({ Cookie: `ec2lab_token_${server.port}=wrong` })).status).toBe(401);
    // Another lab's cookie (another port) is not this one's.
    expect((await call({ Cookie: `ec2lab_token_${server.port + 1}=${TOKEN}` })).status).toBe(401);
    expect((await call({ Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await call({ Cookie: `ec2lab_token_${server.port}=${TOKEN}` })).status).toBe(200);
    const events = `ws://127.0.0.1:${server.port}/api/events`;
    expect(await upgradeStatus(events, { Authorization: '' })).toBe(401);
    expect(await upgradeStatus(events, { Authorization: '', Cookie: `ec2lab_token_${server.port}=${TOKEN}` })).toBe(
      101,
    );
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('trades the token in the address for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const response = await fetch(`${server.url}?token=${TOKEN}&lang=ko`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?lang=ko');
    expect(response.headers.get('set-cookie')).toBe(
      `ec2lab_token_${server.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`,
    );
    const wrong = await fetch(`${server.url}?token=guess`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });
});

describe('browser mode web server with the real engine', () => {
  it('launches an instance over HTTP and hears about it over the WebSocket', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-web-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html>');
    const lab = createTestLab();
    const server = await startWebServer({ engine: lab.engine, port: 0, rendererDirectory: directory, token: TOKEN });
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, { headers: AUTH });
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const events: EngineEvent[] = [];
      socket.on('message', (data) => events.push(decodeWire(String(data)) as EngineEvent));

      const response = await fetch(`${server.url}api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...AUTH },
        body: encodeWire({
          service: 'ec2',
          operation: 'RunInstances',
          region: TEST_REGION,
          input: { ImageId: quickStartImage('amazon-linux'), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
        }),
      });
      const result = decodeWire(await response.text()) as ApiResult<{
        Instances: { InstanceId: string; LaunchTime: Date }[];
      }>;
      if (!result.ok) throw new Error(result.error.message);
      const [instance] = result.value.Instances;
      expect(instance.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
      expect(instance.LaunchTime).toBeInstanceOf(Date);

      await vi.waitFor(() =>
        expect(events).toContainEqual(
          expect.objectContaining({ type: 'resources-changed', ids: [instance.InstanceId] }),
        ),
      );
      socket.close();
    } finally {
      await server.close();
      lab.engine.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('browser mode web server: the SSH config download', () => {
  it('serves GET /ssh_config without the token, and refuses other methods', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ec2lab-web-ssh-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    const server = await startWebServer({
      engine: recordingEngine(),
      port: 0,
      rendererDirectory: directory,
      token: TOKEN,
      sshConfig: () => 'Host i-0123456789abcdef0\n    HostName 127.0.0.1\n    Port 2201\n',
    });
    try {
      const response = await fetch(`${server.url}ssh_config`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="lab_ssh_config"');
      expect(await response.text()).toBe('Host i-0123456789abcdef0\n    HostName 127.0.0.1\n    Port 2201\n');
      expect((await fetch(`${server.url}ssh_config`, { method: 'POST' })).status).toBe(405);
      // The API still wants the token.
      expect((await fetch(`${server.url}api/call`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
