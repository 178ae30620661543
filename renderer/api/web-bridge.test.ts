// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire-codec';
import type { EngineEvent } from '../../shared/events';
import { createWebBridge, type EventSocket } from './web-bridge';

class FakeSocket implements EventSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
    this.onclose?.(new CloseEvent('close'));
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  send(event: EngineEvent): void {
    this.onmessage?.(new MessageEvent('message', { data: encodeWire(event) }));
  }
}

function setup(fetchImpl: typeof fetch = vi.fn()) {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const bridge = createWebBridge({
    location: { protocol: 'http:', host: '127.0.0.1:8123' },
    fetch: fetchImpl,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (callback) => timers.push(callback),
  });
  return { bridge, sockets, timers };
}

describe('web bridge', () => {
  it('POSTs the call as wire JSON to /api/call and revives Dates in the answer', async () => {
    const launchTime = new Date('2025-05-01T09:30:00Z');
    const fetchImpl = vi.fn(async () => new Response(encodeWire({ ok: true, value: { LaunchTime: launchTime } })));
    const { bridge } = setup(fetchImpl as unknown as typeof fetch);
    const result = await bridge.call({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: {},
    });

    expect(result).toEqual({ ok: true, value: { LaunchTime: launchTime } });
    const [path, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/call');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(decodeWire(init.body as string)).toEqual({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: {},
    });
  });

  it('passes an engine error through and turns a dead server into an error result', async () => {
    const error = { code: 'IncorrectInstanceState', message: "Instance 'i-0123456789abcdef0' cannot be stopped" };
    const answered = setup(
      (async () => new Response(encodeWire({ ok: false, error }), { status: 400 })) as typeof fetch,
    );
    expect(await answered.bridge.call({ service: 'lab', operation: 'GetClock', input: {} })).toEqual({
      ok: false,
      error,
    });

    const dead = setup((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const result = await dead.bridge.call({ service: 'lab', operation: 'GetClock', input: {} });
    expect(result).toEqual({
      ok: false,
      error: { code: 'LabUnreachable', message: 'The lab did not answer: Failed to fetch' },
    });
  });

  it('sends the calls of one tick as one POST /api/calls and hands each call its own result', async () => {
    const fetchImpl = vi.fn(async (path: string, init: RequestInit) => {
      const calls = decodeWire(init.body as string) as { operation: string }[];
      if (path === '/api/call') return new Response(encodeWire({ ok: true, value: { alone: true } }));
      return new Response(
        encodeWire(
          calls.map((call, index) =>
            call.operation === 'StopInstances'
              ? { ok: false, error: { code: 'InvalidInstanceID.NotFound', message: 'gone' } }
              : { ok: true, value: { index, at: new Date(index) } },
          ),
        ),
      );
    });
    const { bridge } = setup(fetchImpl as unknown as typeof fetch);
    const ec2 = (operation: string) => ({ service: 'ec2' as const, operation, region: 'eu-west-1', input: {} });
    const results = await Promise.all([
      bridge.call({ service: 'lab', operation: 'GetClock', input: {} }),
      bridge.call(ec2('StopInstances') as never),
      bridge.call(ec2('DescribeVolumes') as never),
    ]);
    expect(results).toEqual([
      { ok: true, value: { index: 0, at: new Date(0) } },
      { ok: false, error: { code: 'InvalidInstanceID.NotFound', message: 'gone' } },
      { ok: true, value: { index: 2, at: new Date(2) } },
    ]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [path, init] = fetchImpl.mock.calls[0]!;
    expect(path).toBe('/api/calls');
    expect((decodeWire(init.body as string) as { operation: string }[]).map((call) => call.operation)).toEqual([
      'GetClock',
      'StopInstances',
      'DescribeVolumes',
    ]);

    // A call made alone in its tick goes to /api/call as before.
    expect(await bridge.call(ec2('DescribeVolumes') as never)).toEqual({ ok: true, value: { alone: true } });
    expect(fetchImpl.mock.calls.at(-1)![0]).toBe('/api/call');
  });

  it('batches at most 32 calls, and sends ImportLab and large calls alone', async () => {
    const paths: string[] = [];
    const fetchImpl = (async (path: string, init: RequestInit) => {
      paths.push(path);
      const body = decodeWire(init.body as string);
      const answer = (call: unknown) => ({ ok: true, value: call });
      return new Response(encodeWire(Array.isArray(body) ? body.map(answer) : answer(body)));
    }) as unknown as typeof fetch;
    const { bridge } = setup(fetchImpl);
    const clock = { service: 'lab' as const, operation: 'GetClock' as const, input: {} };
    const importLab = { service: 'lab' as const, operation: 'ImportLab' as const, input: { content: '{}' } };
    const large = { service: 'lab' as const, operation: 'GetClock' as const, input: { pad: 'x'.repeat(9000) } };
    const results = await Promise.all([
      ...Array.from({ length: 33 }, () => bridge.call(clock)),
      bridge.call(importLab),
      bridge.call(large as never),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.at(-2)).toEqual({ ok: true, value: importLab });
    expect(paths.sort()).toEqual(['/api/call', '/api/call', '/api/call', '/api/calls']);
  });

  it('gives every call of a refused or lost batch that answer', async () => {
    const refusal = { code: 'InvalidParameterValue', message: 'The request must be a list of 1 to 32 calls.' };
    const refused = setup(
      (async () => new Response(encodeWire({ ok: false, error: refusal }), { status: 400 })) as typeof fetch,
    );
    const clock = { service: 'lab' as const, operation: 'GetClock' as const, input: {} };
    expect(await Promise.all([refused.bridge.call(clock), refused.bridge.call(clock)])).toEqual([
      { ok: false, error: refusal },
      { ok: false, error: refusal },
    ]);

    const short = setup((async () => new Response(encodeWire([{ ok: true, value: {} }]))) as typeof fetch);
    expect(await Promise.all([short.bridge.call(clock), short.bridge.call(clock)])).toEqual([
      { ok: false, error: { code: 'InternalError', message: 'The lab answered with malformed JSON.' } },
      { ok: false, error: { code: 'InternalError', message: 'The lab answered with malformed JSON.' } },
    ]);

    const dead = setup((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const lost = await Promise.all([dead.bridge.call(clock), dead.bridge.call(clock)]);
    expect(lost).toEqual([
      { ok: false, error: { code: 'LabUnreachable', message: 'The lab did not answer: Failed to fetch' } },
      { ok: false, error: { code: 'LabUnreachable', message: 'The lab did not answer: Failed to fetch' } },
    ]);
  });

  it('says when the lab is lost (socket closed, a call unanswered) and when it is back', async () => {
    let up = true;
    const fetchImpl = (async () => {
      if (!up) throw new TypeError('Failed to fetch');
      return new Response(encodeWire({ ok: true, value: {} }));
    }) as typeof fetch;
    const { bridge, sockets, timers } = setup(fetchImpl);
    const changes: boolean[] = [];
    bridge.onConnectionChange?.((connected) => changes.push(connected));
    bridge.onEvent(() => undefined);
    sockets[0]!.open();
    expect(changes).toEqual([]);
    sockets[0]!.close();
    expect(changes).toEqual([false]);
    up = false;
    await bridge.call({ service: 'lab', operation: 'GetClock', input: {} });
    expect(changes).toEqual([false]);
    timers[0]!();
    sockets[1]!.open();
    expect(changes).toEqual([false, true]);
    await bridge.call({ service: 'lab', operation: 'GetClock', input: {} });
    expect(changes).toEqual([false, true, false]);
    up = true;
    await bridge.call({ service: 'lab', operation: 'GetClock', input: {} });
    expect(changes).toEqual([false, true, false, true]);
  });

  it('opens one event socket at ws://host/api/events and decodes events', () => {
    const { bridge, sockets } = setup();
    const first: EngineEvent[] = [];
    const second: EngineEvent[] = [];
    bridge.onEvent((event) => first.push(event));
    bridge.onEvent((event) => second.push(event));
    expect(sockets.map((socket) => socket.url)).toEqual(['ws://127.0.0.1:8123/api/events']);
    sockets[0]!.send({ type: 'clock', clock: { now: 1, speed: 10 } });
    expect(first).toEqual([{ type: 'clock', clock: { now: 1, speed: 10 } }]);
    expect(second).toEqual(first);
  });

  it('reconnects after the socket closes and tells reconnect listeners', () => {
    const { bridge, sockets, timers } = setup();
    const events: EngineEvent[] = [];
    const reconnected = vi.fn();
    bridge.onEvent((event) => events.push(event));
    bridge.onReconnect?.(reconnected);
    sockets[0]!.open();
    sockets[0]!.close();
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(reconnected).toHaveBeenCalledTimes(1);
    sockets[1]!.send({
      type: 'resources-changed',
      region: 'ap-northeast-2',
      resource: 'instance',
      ids: ['i-0123456789abcdef0'],
    });
    expect(events).toHaveLength(1);
  });

  it('closes the socket when the last listener leaves, without reconnecting', () => {
    const { bridge, sockets, timers } = setup();
    const stop = bridge.onEvent(() => undefined);
    stop();
    expect(sockets[0]!.closed).toBe(true);
    expect(timers).toHaveLength(0);
  });
});
