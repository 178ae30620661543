// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Ec2LabWindowApi } from '../../shared/api';
import { createIpcBridge } from './ipc-bridge';
import { detectBridge } from './bridge';

function windowApi(): Ec2LabWindowApi {
  return {
    ec2: { StopInstances: vi.fn(async () => ({ ok: true, value: { StoppingInstances: [] } })) },
    lab: { GetClock: vi.fn(async () => ({ ok: true, value: { now: 5, speed: 1 } })) },
    onEvent: vi.fn(() => () => undefined),
  } as unknown as Ec2LabWindowApi;
}

describe('IPC bridge', () => {
  it('calls the preload function of the operation with region and input', async () => {
    const api = windowApi();
    const bridge = createIpcBridge(api);
    const input = { InstanceIds: ['i-0123456789abcdef0'] };
    expect(await bridge.call({ service: 'ec2', operation: 'StopInstances', region: 'ap-northeast-2', input })).toEqual({
      ok: true,
      value: { StoppingInstances: [] },
    });
    expect(api.ec2.StopInstances).toHaveBeenCalledWith('ap-northeast-2', input);
    expect(await bridge.call({ service: 'lab', operation: 'GetClock', input: {} })).toEqual({
      ok: true,
      value: { now: 5, speed: 1 },
    });
  });

  it('answers InvalidAction for an operation the preload lacks, and InternalError when IPC fails', async () => {
    const api = windowApi();
    (api.lab as unknown as Record<string, unknown>).ResetLab = vi.fn(async () => {
      throw new Error('An object could not be cloned.');
    });
    const bridge = createIpcBridge(api);
    expect(
      await bridge.call({
        service: 'ec2',
        operation: 'RebootInstances',
        region: 'us-east-1',
        input: { InstanceIds: [] },
      }),
    ).toEqual({
      ok: false,
      error: { code: 'InvalidAction', message: 'The action RebootInstances is not valid for this web service.' },
    });
    expect(await bridge.call({ service: 'lab', operation: 'ResetLab', input: {} })).toEqual({
      ok: false,
      error: { code: 'InternalError', message: 'An object could not be cloned.' },
    });
  });

  it('is the door chosen when the preload is present', async () => {
    const api = windowApi();
    const fakeWindow = { ec2lab: api } as unknown as Window;
    await detectBridge(fakeWindow).call({ service: 'lab', operation: 'GetClock', input: {} });
    expect(api.lab.GetClock).toHaveBeenCalled();
  });
});
