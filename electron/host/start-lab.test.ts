import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { quickStartImage, TEST_REGION } from '../engine/test-support/test-lab';
import { startLab, TICK_INTERVAL_MS } from './start-lab';

const value = <T>(result: ApiResult): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('startLab', () => {
  let dataDirectory: string;

  beforeEach(() => {
    dataDirectory = join(mkdtempSync(join(tmpdir(), 'ec2lab-host-')), 'nested', 'EC2 Lab');
    // Fake timers drive both the tick interval and the engine's real-time clock (Date.now).
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 9, 0, 0) });
  });

  afterEach(() => {
    vi.useRealTimers();
    rmSync(join(dataDirectory, '..', '..'), { recursive: true, force: true });
  });

  it('keeps the lab in <dataDirectory>/lab.sqlite, across restarts', () => {
    const first = startLab({ dataDirectory, version: '1.2.3' });
    expect(existsSync(join(dataDirectory, 'lab.sqlite'))).toBe(true);
    expect(
      value<{ version: string }>(first.engine.dispatch({ service: 'lab', operation: 'GetStatus', input: {} })),
    ).toMatchObject({ version: '1.2.3' });
    value(first.engine.dispatch({ service: 'lab', operation: 'SetClockSpeed', input: { speed: 60 } }));
    first.stop();
    first.stop();

    const second = startLab({ dataDirectory, version: '1.2.3' });
    expect(
      value<{ speed: number }>(second.engine.dispatch({ service: 'lab', operation: 'GetClock', input: {} })).speed,
    ).toBe(60);
    second.stop();
  });

  it('ticks the engine every 250 ms, so an instance leaves pending with nobody asking', () => {
    const lab = startLab({ dataDirectory, version: 'test' });
    const tick = vi.spyOn(lab.engine, 'tick');
    const events: EngineEvent[] = [];
    lab.engine.onEvent((event) => events.push(event));

    const reservation = value<{ Instances: { InstanceId: string; State: { Name: string } }[] }>(
      lab.engine.dispatch({
        service: 'ec2',
        operation: 'RunInstances',
        region: TEST_REGION,
        input: { ImageId: quickStartImage('amazon-linux'), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
      }),
    );
    const instanceId = reservation.Instances[0].InstanceId;
    expect(reservation.Instances[0].State.Name).toBe('pending');
    events.length = 0;

    vi.advanceTimersByTime(TICK_INTERVAL_MS * 4);
    expect(tick).toHaveBeenCalledTimes(4);
    vi.advanceTimersByTime(60_000);
    // The tick, not a call, moved the instance on and told every door.
    expect(events.some((event) => event.type === 'resources-changed' && event.ids.includes(instanceId))).toBe(true);
    const described = value<{ Reservations: { Instances: { State: { Name: string } }[] }[] }>(
      lab.engine.dispatch({
        service: 'ec2',
        operation: 'DescribeInstances',
        region: TEST_REGION,
        input: { InstanceIds: [instanceId] },
      }),
    );
    expect(described.Reservations[0].Instances[0].State.Name).toBe('running');

    lab.stop();
    const calls = tick.mock.calls.length;
    vi.advanceTimersByTime(TICK_INTERVAL_MS * 10);
    expect(tick.mock.calls.length).toBe(calls);
  });

  it('does not keep the process alive by its timer alone', () => {
    vi.useRealTimers();
    const unref = vi.spyOn(globalThis, 'setInterval');
    const lab = startLab({ dataDirectory, version: 'test' });
    const timer = unref.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    lab.stop();
    unref.mockRestore();
  });
});
