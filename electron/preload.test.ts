import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ec2LabWindowApi } from '../shared/api';
import { EC2_OPERATION_NAMES } from '../shared/ec2-operations';
import type { EngineEvent } from '../shared/events';
import { LAB_OPERATION_NAMES } from '../shared/lab-operations';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: {} })), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  let api: Ec2LabWindowApi;

  beforeAll(async () => {
    await import('./preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Ec2LabWindowApi];
    expect(name).toBe('ec2lab');
    api = exposed;
  });

  it('exposes one function per operation of the contract, and nothing more', () => {
    expect(Object.keys(api).sort()).toEqual(['ec2', 'lab', 'onEvent']);
    expect(Object.keys(api.ec2).sort()).toEqual([...EC2_OPERATION_NAMES].sort());
    expect(Object.keys(api.lab).sort()).toEqual([...LAB_OPERATION_NAMES].sort());
    for (const fn of [...Object.values(api.ec2), ...Object.values(api.lab)]) expect(typeof fn).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    const seen = [api, api.ec2, api.lab, ...Object.values(api.ec2), ...Object.values(api.lab), api.onEvent];
    const forbidden = [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)];
    for (const value of seen) expect(forbidden).not.toContain(value);
  });

  it('invokes the call channel with a well-formed call', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { Reservations: [] } });
    await expect(api.ec2.DescribeInstances('ap-northeast-2', { MaxResults: 5 })).resolves.toEqual({
      ok: true,
      value: { Reservations: [] },
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('ec2lab:call', {
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'ap-northeast-2',
      input: { MaxResults: 5 },
    });
    await api.lab.SetClockSpeed({ speed: 60 });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('ec2lab:call', {
      service: 'lab',
      operation: 'SetClockSpeed',
      input: { speed: 60 },
    });
  });

  it('hands listeners the engine event only, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (ipcEvent: unknown, event: EngineEvent) => void,
    ];
    expect(channel).toBe('ec2lab:event');
    const event: EngineEvent = { type: 'clock', clock: { now: 1, speed: 0 } };
    forward({ sender: electron.ipcRenderer }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('ec2lab:event', forward);
  });
});
