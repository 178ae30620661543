import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { atMostEvery } from './at-most-every';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

it('runs the first call at once, then gathers the calls of the next second into one run at its end', () => {
  const runs: number[] = [];
  const task = atMostEvery(1000, () => runs.push(performance.now()));
  const start = performance.now();
  task.call();
  expect(runs).toEqual([start]);
  vi.advanceTimersByTime(100);
  task.call();
  task.call();
  vi.advanceTimersByTime(500);
  task.call();
  expect(runs).toHaveLength(1);
  vi.advanceTimersByTime(400);
  expect(runs).toEqual([start, start + 1000]);
  // Quiet for longer than the period: the next call runs at once again.
  vi.advanceTimersByTime(5000);
  task.call();
  expect(runs).toEqual([start, start + 1000, start + 6000]);
});

it('runs nothing after cancel', () => {
  let runs = 0;
  const task = atMostEvery(1000, () => runs++);
  task.call();
  task.call();
  task.cancel();
  vi.advanceTimersByTime(2000);
  expect(runs).toBe(1);
});
