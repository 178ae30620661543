import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ApiCall, ApiResult } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import type { DoorEngine } from '../door-engine';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { registerIpcDoor } from './ipc-handler';

// The door must never need Electron at runtime beyond what it is handed; fail loudly if it tries.
vi.mock('electron', () => {
  throw new Error('ipc-handler must not load electron at runtime');
});

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => ApiResult;

function setUp(dispatch: (call: ApiCall) => ApiResult = () => ({ ok: true, value: { now: 1, speed: 1 } })) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => void handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const listeners = new Set<(event: EngineEvent) => void>();
  const calls: ApiCall[] = [];
  const engine: DoorEngine = {
    dispatch: (call) => {
      calls.push(call);
      return dispatch(call);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const mainFrame = { url: 'app://ec2lab/index.html', processId: 4, routingId: 1 } as WebFrameMain;
  let destroyed = false;
  const webContents = {
    mainFrame,
    send: vi.fn(),
    isDestroyed: () => destroyed,
  } as unknown as WebContents;
  const unregister = registerIpcDoor({
    ipcMain: ipcMain as never,
    engine,
    webContents,
  });
  const invoke = (payload: unknown, from: Partial<IpcMainInvokeEvent> = {}) => {
    const handler = handlers.get(CALL_CHANNEL);
    if (!handler) throw new Error('no handler registered');
    return handler({ sender: webContents, senderFrame: mainFrame, ...from } as IpcMainInvokeEvent, payload);
  };
  return {
    ipcMain,
    handlers,
    engine,
    calls,
    listeners,
    webContents,
    mainFrame,
    unregister,
    invoke,
    destroy: () => (destroyed = true),
  };
}

const getClock = { service: 'lab', operation: 'GetClock', input: {} };

describe('IPC door', () => {
  it('dispatches a call from our window and answers the engine result', () => {
    const door = setUp();
    expect(door.invoke(getClock)).toEqual({ ok: true, value: { now: 1, speed: 1 } });
    expect(door.calls).toEqual([getClock]);
  });

  it('marks EC2 calls as coming from the console', () => {
    const door = setUp();
    door.invoke({ service: 'ec2', operation: 'DescribeRegions', region: 'us-east-1', input: {}, caller: 'cli' });
    expect(door.calls[0]).toMatchObject({ caller: 'console' });
  });

  it('hands the engine the input as it came through IPC, bytes included', () => {
    const door = setUp(() => ({ ok: true, value: {} }));
    const input = { InstanceId: 'i-0123456789abcdef0', UserData: { Value: new Uint8Array([35, 33]) } };
    const call = { service: 'ec2', operation: 'ModifyInstanceAttribute', region: 'us-east-1', input };
    expect(door.invoke(call)).toEqual({ ok: true, value: {} });
    expect(door.calls).toHaveLength(1);
    expect(door.calls[0]!.service === 'ec2' && door.calls[0]!.input).toBe(input);
  });

  it('refuses a blob given as a number list, as the model validator does', () => {
    const door = setUp();
    const input = { InstanceId: 'i-0123456789abcdef0', UserData: { Value: [35, 33] } };
    expect(
      door.invoke({ service: 'ec2', operation: 'ModifyInstanceAttribute', region: 'us-east-1', input }),
    ).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue' },
    });
    expect(door.calls).toEqual([]);
  });

  it('refuses calls from another webContents, a subframe, a foreign page or a gone frame', () => {
    const door = setUp();
    const other = { mainFrame: door.mainFrame } as unknown as WebContents;
    const subframe = { url: 'app://ec2lab/index.html', processId: 4, routingId: 2 } as WebFrameMain;
    const sameFrameAgain = { url: 'app://ec2lab/index.html', processId: 4, routingId: 1 } as WebFrameMain;
    expect(door.invoke(getClock, { senderFrame: sameFrameAgain })).toMatchObject({ ok: true });
    door.calls.length = 0;
    const refusals = [
      door.invoke(getClock, { sender: other }),
      door.invoke(getClock, { senderFrame: subframe }),
      door.invoke(getClock, { senderFrame: null }),
    ];
    (door.mainFrame as { url: string }).url = 'https://evil.example/';
    refusals.push(door.invoke(getClock));
    (door.mainFrame as { url: string }).url = 'file:///etc/passwd';
    refusals.push(door.invoke(getClock));
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: 'AuthFailure' } });
    expect(door.calls).toEqual([]);
  });

  it('answers malformed payloads with an AWS error, without reaching the engine', () => {
    const door = setUp();
    expect(door.invoke('DescribeInstances')).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue' } });
    expect(door.invoke({ service: 'ec2', operation: 'Nope', region: 'us-east-1', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'InvalidAction' },
    });
    expect(door.calls).toEqual([]);
  });

  it('answers InternalError if the engine throws', () => {
    const door = setUp(() => {
      throw new Error('boom');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(door.invoke(getClock)).toEqual({
      ok: false,
      error: { code: 'InternalError', message: 'An internal error has occurred.' },
    });
  });

  it('forwards engine events to the window until it is destroyed', () => {
    const door = setUp();
    const event: EngineEvent = { type: 'clock', clock: { now: 5, speed: 10 } };
    for (const listener of door.listeners) listener(event);
    expect(door.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
    door.destroy();
    for (const listener of door.listeners) listener(event);
    expect(door.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('unregisters the handler and the event listener', () => {
    const door = setUp();
    door.unregister();
    expect(door.handlers.has(CALL_CHANNEL)).toBe(false);
    expect(door.listeners.size).toBe(0);
  });
});
