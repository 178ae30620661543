// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises } from '@vue/test-utils';
import { setBridge } from '../api/bridge';
import { activityEvent, createWorld, type FakeWorld } from '../testing/fixtures';
import { MAX_EVENTS, useActivityStore } from './activity';

let world: FakeWorld;
const T0 = Date.parse('2025-05-01T10:00:00Z');
const event = (n: number) =>
  activityEvent(`ev-${n}`, 'CreateTags', { Resources: ['i-0123456789abcdef0'] }, { EventTime: T0 + n });

beforeEach(() => {
  world = createWorld();
  setBridge(world.bridge);
  setActivePinia(createPinia());
});

describe('activity store', () => {
  it('keeps an event pushed while the first page is on its way, once', async () => {
    world.activity = [event(2), event(1)];
    const store = useActivityStore();
    const loading = store.load();
    world.bridge.emit({ type: 'activity', event: event(3) });
    world.bridge.emit({ type: 'activity', event: event(2) });
    await loading;
    expect(store.events.map((e) => e.EventId)).toEqual(['ev-3', 'ev-2', 'ev-1']);
  });

  it(`keeps at most ${MAX_EVENTS} events, dropping the oldest and the page token that no longer follows on`, async () => {
    world.activity = Array.from({ length: MAX_EVENTS + 20 }, (_, index) => event(MAX_EVENTS + 20 - index));
    const store = useActivityStore();
    await store.load();
    while (store.nextToken) await store.loadMore();
    expect(store.events).toHaveLength(MAX_EVENTS);
    expect(store.trimmed).toBe(true);

    world.bridge.emit({ type: 'activity', event: event(10_000) });
    await flushPromises();
    expect(store.events).toHaveLength(MAX_EVENTS);
    expect(store.events[0]?.EventId).toBe('ev-10000');
    expect(store.events.at(-1)?.EventId).toBe('ev-22');
    expect(store.nextToken).toBeUndefined();

    await store.load();
    expect(store.trimmed).toBe(false);
    expect(store.events).toHaveLength(50);
  });
});
