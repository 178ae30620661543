// @vitest-environment happy-dom
/** The typed clients build each operation's call, unwrap its result, and follow the current bridge. */
import { describe, expect, it } from 'vitest';
import type { ApiCall, ApiResult } from '../../shared/api';
import { isApiError } from '../../shared/errors';
import type { EngineEvent } from '../../shared/events';
import { FakeBridge } from '../testing/fake-bridge';
import type { RendererBridge } from './bridge';
import { createEc2Client, createLabClient } from './client';

/** A bridge that keeps the calls it is handed as they are (FakeBridge clones them). */
class RecordingBridge implements RendererBridge {
  readonly calls: ApiCall[] = [];
  constructor(private readonly result: ApiResult) {}
  async call(call: ApiCall): Promise<ApiResult> {
    this.calls.push(call);
    return this.result;
  }
  onEvent(_listener: (event: EngineEvent) => void): () => void {
    return () => undefined;
  }
}

describe('clients', () => {
  it('sends an EC2 call as the door expects it (service, operation, region, input) and unwraps the value', async () => {
    const bridge = new FakeBridge().handle('DescribeRegions', () => ({ Regions: [{ RegionName: 'us-east-1' }] }));
    const ec2 = createEc2Client(() => bridge);
    expect(await ec2.DescribeRegions('us-east-1', {})).toEqual({ Regions: [{ RegionName: 'us-east-1' }] });
    expect(bridge.calls).toEqual([{ service: 'ec2', operation: 'DescribeRegions', region: 'us-east-1', input: {} }]);
  });

  it('hands the input over as it is, bytes included', async () => {
    const bridge = new RecordingBridge({ ok: true, value: {} });
    const ec2 = createEc2Client(() => bridge);
    const input = { InstanceId: 'i-0123456789abcdef0', UserData: { Value: new Uint8Array([35, 33]) } };
    expect(await ec2.ModifyInstanceAttribute('ap-northeast-2', input)).toEqual({});
    expect(bridge.calls).toHaveLength(1);
    expect(bridge.calls[0]!.input).toBe(input);
  });

  it('asks for the bridge at every call, so a bridge set later is the one used', async () => {
    const first = new RecordingBridge({ ok: true, value: { now: 1, speed: 1 } });
    const second = new RecordingBridge({ ok: true, value: { now: 2, speed: 1 } });
    let current = first;
    const lab = createLabClient(() => current);
    expect(await lab.GetClock({})).toEqual({ now: 1, speed: 1 });
    current = second;
    expect(await lab.GetClock({})).toEqual({ now: 2, speed: 1 });
    expect([first.calls.length, second.calls.length]).toEqual([1, 1]);
  });

  it("rejects with AWS's code and message", async () => {
    const bridge = new FakeBridge().fail(
      'StopInstances',
      'IncorrectInstanceState',
      "Instance 'i-0123456789abcdef0' cannot be stopped",
    );
    const ec2 = createEc2Client(() => bridge);
    const error = await ec2
      .StopInstances('ap-northeast-2', { InstanceIds: ['i-0123456789abcdef0'] })
      .catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'IncorrectInstanceState',
      message: "Instance 'i-0123456789abcdef0' cannot be stopped",
    });
  });

  it('sends lab calls without a region', async () => {
    const bridge = new FakeBridge().handle('SetClockSpeed', (input: { speed: number }) => ({
      now: 0,
      speed: input.speed,
    }));
    const lab = createLabClient(() => bridge);
    expect(await lab.SetClockSpeed({ speed: 60 })).toEqual({ now: 0, speed: 60 });
    expect(bridge.calls).toEqual([{ service: 'lab', operation: 'SetClockSpeed', input: { speed: 60 } }]);
  });
});
