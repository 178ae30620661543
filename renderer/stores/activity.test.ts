// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { ActivityEvent } from '../../shared/lab-operations';
import { setBridge } from '../api/bridge';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { settle } from '../testing/delivery';
import { MAX_EVENTS, useActivityStore } from './activity';

let lab: EngineLab;
let instanceId: string;

/** One logged call: a CreateTags of tag `n` on the lab's instance. */
function tag(n: number): void {
  lab.ec2('CreateTags', { Resources: [instanceId], Tags: [{ Key: 'n', Value: String(n) }] });
}

/** The activity log as DescribeActivity pages it, newest first: each event's tag value or call name. */
function logged(events: ActivityEvent[]): string[] {
  return events.map((event) =>
    event.EventName === 'CreateTags'
      ? String(((event.Parameters as { Tags: unknown }).Tags as { Value: string }[])[0]!.Value)
      : event.EventName,
  );
}

beforeEach(() => {
  lab = createEngineLab();
  instanceId = lab.launch().InstanceId!;
  setBridge(lab.bridge);
  setActivePinia(createPinia());
});

describe('activity store', () => {
  it('keeps an event pushed while the first page is on its way, once', async () => {
    tag(1);
    tag(2);
    const store = useActivityStore();
    const held = lab.bridge.hold('DescribeActivity');
    const loading = store.load();
    tag(3);
    await settle();
    expect(logged(store.events)).toEqual(['3']);
    // The page now includes the pushed event too.
    held.release();
    await loading;
    expect(logged(store.events)).toEqual(['3', '2', '1', 'RunInstances']);
  });

  it(`keeps at most ${MAX_EVENTS} events, dropping the oldest and the page token that no longer follows on`, async () => {
    // The engine keeps as many; the RunInstances and these tags fill its log.
    for (let n = 1; n < MAX_EVENTS; n++) tag(n);
    const store = useActivityStore();
    await store.load();
    expect(store.nextToken).toBeDefined();
    while (store.nextToken) await store.loadMore();
    expect(store.events).toHaveLength(MAX_EVENTS);
    expect(logged(store.events).at(-1)).toBe('RunInstances');
    expect(store.trimmed).toBe(false);

    tag(10_000);
    await settle();
    expect(store.events).toHaveLength(MAX_EVENTS);
    expect(store.trimmed).toBe(true);
    expect(logged(store.events)[0]).toBe('10000');
    expect(logged(store.events).at(-1)).toBe('1');
    expect(store.nextToken).toBeUndefined();

    await store.load();
    expect(store.trimmed).toBe(false);
    expect(store.events).toHaveLength(50);
  });
});
