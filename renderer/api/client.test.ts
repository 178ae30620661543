// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isApiError } from '../../shared/errors';
import { FakeBridge } from '../testing/fake-bridge';
import { createEc2Client, createLabClient } from './client';

describe('clients', () => {
  it('sends EC2 calls with the region and the console as caller, and unwraps the value', async () => {
    const bridge = new FakeBridge().handle('DescribeRegions', () => ({ Regions: [{ RegionName: 'us-east-1' }] }));
    const ec2 = createEc2Client(() => bridge);
    expect(await ec2.DescribeRegions('us-east-1', {})).toEqual({ Regions: [{ RegionName: 'us-east-1' }] });
    expect(bridge.calls).toEqual([
      { service: 'ec2', operation: 'DescribeRegions', region: 'us-east-1', input: {}, caller: 'console' },
    ]);
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
