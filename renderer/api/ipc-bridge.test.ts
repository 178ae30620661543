// @vitest-environment happy-dom
/** The desktop bridge passes each call to window.ec2lab.call as it is, and turns an IPC failure into an error. */
import { describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { createIpcBridge } from './ipc-bridge';
import { detectBridge } from './bridge';

function windowApi(answer: (call: ApiCall) => Promise<ApiResult>) {
  const calls: ApiCall[] = [];
  const listeners = new Set<(event: EngineEvent) => void>();
  const api: Ec2LabWindowApi = {
    call: async (call) => {
      calls.push(call);
      return answer(call);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, calls, listeners };
}

describe('IPC bridge', () => {
  it('passes the call through unchanged, bytes included, and answers the result', async () => {
    const { api, calls } = windowApi(async () => ({ ok: true, value: { StoppingInstances: [] } }));
    const bridge = createIpcBridge(api);
    const stop: ApiCall = {
      service: 'ec2',
      operation: 'StopInstances',
      region: 'ap-northeast-2',
      input: { InstanceIds: ['i-0123456789abcdef0'] },
      caller: 'console',
    };
    expect(await bridge.call(stop)).toEqual({ ok: true, value: { StoppingInstances: [] } });
    const modify: ApiCall = {
      service: 'ec2',
      operation: 'ModifyInstanceAttribute',
      region: 'ap-northeast-2',
      input: { InstanceId: 'i-0123456789abcdef0', UserData: { Value: new Uint8Array([35, 33]) } },
    };
    await bridge.call(modify);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe(stop);
    expect(calls[1]).toBe(modify);
  });

  it('answers an error result as it came, and InternalError when IPC itself fails', async () => {
    const refused: ApiResult = {
      ok: false,
      error: { code: 'InvalidAction', message: 'The action RebootInstances is not valid for this web service.' },
    };
    const answered = windowApi(async () => refused);
    expect(await createIpcBridge(answered.api).call({ service: 'lab', operation: 'GetClock', input: {} })).toEqual(
      refused,
    );
    const broken = windowApi(async () => {
      throw new Error('An object could not be cloned.');
    });
    expect(await createIpcBridge(broken.api).call({ service: 'lab', operation: 'ResetLab', input: {} })).toEqual({
      ok: false,
      error: { code: 'InternalError', message: 'An object could not be cloned.' },
    });
  });

  it('hands engine events to listeners, until they unsubscribe', () => {
    const { api, listeners } = windowApi(async () => ({ ok: true, value: {} }));
    const heard: EngineEvent[] = [];
    const stop = createIpcBridge(api).onEvent((event) => heard.push(event));
    const event: EngineEvent = { type: 'clock', clock: { now: 1, speed: 10 } };
    listeners.forEach((listener) => listener(event));
    expect(heard).toEqual([event]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('is the door chosen when the preload is present', async () => {
    const { api, calls } = windowApi(async () => ({ ok: true, value: { now: 5, speed: 1 } }));
    const preloaded = Object.assign(Object.create(window) as Window, { ec2lab: api });
    expect(await detectBridge(preloaded).call({ service: 'lab', operation: 'GetClock', input: {} })).toEqual({
      ok: true,
      value: { now: 5, speed: 1 },
    });
    expect(calls).toEqual([{ service: 'lab', operation: 'GetClock', input: {} }]);
  });
});
