// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import type { EngineEvent } from '../../shared/events';
import { settle } from './delivery';
import { createEngineLab } from './engine-lab';

describe('the in-memory engine bridge', () => {
  it('answers on a later task, with a copy of what the engine answered, as IPC does', async () => {
    const lab = createEngineLab();
    const input: RunInstancesRequest = {
      ImageId: lab.quickStart('amazon-linux').ImageId,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
    };
    const answer = lab.engineBridge.call({ service: 'ec2', operation: 'RunInstances', region: lab.region, input });
    // Not yet run: the call crosses to the engine on a later task, as a copy taken when it was sent.
    input.InstanceType = 'm5.large';
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    const result = await answer;
    expect(result.ok).toBe(true);
    const launched = lab.ec2('DescribeInstances', {}).Reservations![0]!.Instances![0]!;
    expect(launched.InstanceType).toBe('t3.micro');
    expect(launched.LaunchTime).toBeInstanceOf(Date);
  });

  it('delivers engine events after the command that caused them, not during it', async () => {
    const lab = createEngineLab();
    const events: EngineEvent['type'][] = [];
    lab.engineBridge.onEvent((event) => events.push(event.type));
    lab.launch();
    expect(events).toEqual([]);
    await settle();
    expect(events).toEqual(expect.arrayContaining(['activity', 'resources-changed']));
  });

  it('refuses or holds back chosen operations and records every call', async () => {
    const lab = createEngineLab();
    lab.bridge.fail('GetClock', 'InternalError', 'Broken on purpose.');
    expect(await lab.bridge.call({ service: 'lab', operation: 'GetClock', input: {} })).toEqual({
      ok: false,
      error: { code: 'InternalError', message: 'Broken on purpose.' },
    });
    const held = lab.bridge.hold('GetStatus');
    let answered = false;
    const status = lab.bridge.call({ service: 'lab', operation: 'GetStatus', input: {} }).then((result) => {
      answered = true;
      return result;
    });
    await settle();
    expect(answered).toBe(false);
    held.release();
    expect((await status).ok).toBe(true);
    expect(lab.bridge.calls.map((call) => call.operation)).toEqual(['GetClock', 'GetStatus']);
  });
});
