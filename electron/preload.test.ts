/** The preload exposes one `call` and `onEvent` on window.ec2lab, and never ipcRenderer. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../shared/api';
import type { EngineEvent } from '../shared/events';

type Forward = (ipcEvent: unknown, event: EngineEvent) => void;

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn((_name: string, _api: Ec2LabWindowApi) => undefined) },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, _call: ApiCall): Promise<ApiResult> => ({ ok: true, value: {} })),
    on: vi.fn((_channel: string, _forward: Forward) => undefined),
    removeListener: vi.fn((_channel: string, _forward: Forward) => undefined),
  },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  let api: Ec2LabWindowApi;

  beforeAll(async () => {
    await import('./preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(name).toBe('ec2lab');
    api = exposed;
  });

  it('exposes call and onEvent, and nothing more', () => {
    expect(Object.keys(api).sort()).toEqual(['call', 'onEvent']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.onEvent).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    const forbidden = [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)];
    for (const value of [api, api.call, api.onEvent]) expect(forbidden).not.toContain(value);
  });

  it('sends the call unchanged on the call channel, bytes and dates included, and answers its result', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { Reservations: [] } });
    const describe: ApiCall = {
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: { MaxResults: 5 },
    };
    await expect(api.call(describe)).resolves.toEqual({ ok: true, value: { Reservations: [] } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('ec2lab:call', describe);

    const userData = new Uint8Array([35, 33, 47, 98, 105, 110]);
    const modify: ApiCall = {
      service: 'ec2',
      operation: 'ModifyInstanceAttribute',
      region: 'ap-northeast-2',
      input: { InstanceId: 'i-0123456789abcdef0', UserData: { Value: userData } },
    };
    await api.call(modify);
    const [, sent] = electron.ipcRenderer.invoke.mock.lastCall!;
    expect(sent).toBe(modify);

    const failure: ApiResult = { ok: false, error: { code: 'IncorrectInstanceState', message: 'stopped' } };
    electron.ipcRenderer.invoke.mockResolvedValueOnce(failure);
    await expect(api.call({ service: 'lab', operation: 'SetClockSpeed', input: { speed: 60 } })).resolves.toEqual(
      failure,
    );
  });

  it('hands listeners the engine event only, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.at(-1)!;
    expect(channel).toBe('ec2lab:event');
    const event: EngineEvent = { type: 'clock', clock: { now: 1, speed: 0 } };
    forward({ sender: electron.ipcRenderer }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('ec2lab:event', forward);
  });
});
