/**
 * The due schedule and change feeds the clock-driven families rely on: a record due now is found
 * without reading the others, a change (including a rollback or a reload) re-files it, and a change
 * feed hands each owner the ids changed since it last asked.
 */
import { describe, expect, it } from 'vitest';
import { changesSince, DueSchedule } from './due-times';
import { UnitOfWork, type RecordCollection } from './state/repository';
import { MemoryStateStore } from './state/state-store';

interface Timer {
  id: string;
  dueAt?: number;
}

const TIMERS: RecordCollection<Timer> = { name: 'timers', idOf: (r) => r.id };

function setUp() {
  const work = new UnitOfWork(new MemoryStateStore());
  const timers = work.repository(TIMERS);
  let reads = 0;
  const schedule = new DueSchedule(timers, (timer) => {
    reads++;
    return timer.dueAt;
  });
  return { work, timers, schedule, reads: () => reads };
}

describe('a due schedule', () => {
  it('answers the records due by a moment, earliest first, reading only records that changed', () => {
    const { work, timers, schedule, reads } = setUp();
    work.run(() => {
      for (let index = 0; index < 1000; index++) timers.put(`t${index}`, { id: `t${index}`, dueAt: 10_000 + index });
      timers.put('late', { id: 'late', dueAt: 50 });
      timers.put('early', { id: 'early', dueAt: 20 });
      timers.put('never', { id: 'never' });
    });
    expect(schedule.dueBy(100)).toEqual(['early', 'late']);
    work.run(() => {
      timers.touch('early').dueAt = undefined;
      timers.touch('late').dueAt = undefined;
    });
    const afterFirst = reads();
    // Only the two settled records are read again; the 1,001 others are not.
    expect(schedule.dueBy(100)).toEqual([]);
    expect(reads() - afterFirst).toBe(2);
    work.run(() => {
      timers.touch('t500').dueAt = 30;
    });
    const beforeChange = reads();
    expect(schedule.dueBy(100)).toEqual(['t500']);
    expect(reads() - beforeChange).toBe(1);
    // t500 was answered but not settled, so it is still the earliest.
    expect(schedule.earliest()).toBe(30);
    work.run(() => timers.delete('t500'));
    expect(schedule.earliest()).toBe(10_000);
  });

  it('re-files a record whose change was rolled back, and refiles everything after a reload', () => {
    const { work, timers, schedule } = setUp();
    work.run(() => timers.put('a', { id: 'a', dueAt: 100 }));
    expect(schedule.earliest()).toBe(100);
    expect(() =>
      work.run(() => {
        timers.touch('a').dueAt = 5;
        throw new Error('the command fails');
      }),
    ).toThrow('the command fails');
    expect(schedule.dueBy(50)).toEqual([]);
    expect(schedule.dueBy(100)).toEqual(['a']);
    work.load([{ collection: 'timers', id: 'b', data: { id: 'b', dueAt: 7 } }]);
    expect(schedule.dueBy(10)).toEqual(['b']);
  });

  it('asks again about a record it answered that the caller left unchanged', () => {
    const { work, timers, schedule } = setUp();
    work.run(() => timers.put('a', { id: 'a', dueAt: 1 }));
    expect(schedule.dueBy(5)).toEqual(['a']);
    expect(schedule.dueBy(5)).toEqual(['a']);
  });
});

describe('a change feed', () => {
  it('gives each owner everything at first, then the ids changed since it last asked', () => {
    const { work, timers } = setUp();
    const owner = {};
    const other = {};
    work.run(() => timers.put('a', { id: 'a' }));
    expect(changesSince(owner, timers)).toBe('all');
    expect(changesSince(owner, timers)).toEqual(new Set());
    work.run(() => {
      timers.put('b', { id: 'b' });
      timers.delete('a');
    });
    expect(changesSince(other, timers)).toBe('all');
    expect(changesSince(owner, timers)).toEqual(new Set(['a', 'b']));
    work.load([]);
    expect(changesSince(owner, timers)).toBe('all');
  });
});
