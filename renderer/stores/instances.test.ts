// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { flushPromises } from '@vue/test-utils';
import { setBridge } from '../api/bridge';
import { createWorld, instance, type FakeWorld } from '../testing/fixtures';
import { useInstancesStore } from './instances';
import { useRegionStore } from './region';

let world: FakeWorld;

beforeEach(async () => {
  localStorage.clear();
  world = createWorld();
  setBridge(world.bridge);
  setActivePinia(createPinia());
  await useRegionStore().load('ap-northeast-2');
});

describe('instances store', () => {
  it('describes the selected region and records the action behind later changes', async () => {
    world.instances.push(instance('i-0123456789abcdef0', 'running'));
    const store = useInstancesStore();
    await store.load();
    expect(
      world.bridge.calls.filter((c) => c.operation === 'DescribeInstances').map((c) => c.service === 'ec2' && c.region),
    ).toEqual(['ap-northeast-2']);
    world.instances[0] = instance('i-0123456789abcdef0', 'stopping');
    await store.refresh(['i-0123456789abcdef0']);
    expect(store.instances[0]?.State?.Name).toBe('stopping');
    expect(store.lastActions['i-0123456789abcdef0']).toBe('stop');
  });

  it('asks for status checks again on clock events while a check is initializing', async () => {
    world.instances.push(instance('i-0123456789abcdef0', 'running'));
    world.statuses.push({
      InstanceId: 'i-0123456789abcdef0',
      SystemStatus: { Status: 'initializing' },
      InstanceStatus: { Status: 'initializing' },
    });
    const store = useInstancesStore();
    await store.load();
    world.statuses[0] = {
      InstanceId: 'i-0123456789abcdef0',
      SystemStatus: { Status: 'ok' },
      InstanceStatus: { Status: 'ok' },
    };
    world.bridge.emit({ type: 'clock', clock: { now: 0, speed: 1 } });
    await flushPromises();
    expect(store.statuses['i-0123456789abcdef0']?.InstanceStatus?.Status).toBe('ok');

    const asked = world.bridge.inputsOf('DescribeInstanceStatus').length;
    world.bridge.emit({ type: 'clock', clock: { now: 1, speed: 1 } });
    await flushPromises();
    expect(world.bridge.inputsOf('DescribeInstanceStatus')).toHaveLength(asked);
  });

  it('asks for hibernation with StopInstances Hibernate=true', async () => {
    world.instances.push(instance('i-0123456789abcdef0', 'running'));
    world.bridge.handle('StopInstances', () => ({
      StoppingInstances: [{ InstanceId: 'i-0123456789abcdef0', CurrentState: { Name: 'stopping', Code: 64 } }],
    }));
    const store = useInstancesStore();
    await store.load();
    await store.stop(['i-0123456789abcdef0'], { hibernate: true });
    expect(world.bridge.inputsOf('StopInstances')).toEqual([{ InstanceIds: ['i-0123456789abcdef0'], Hibernate: true }]);
    expect(store.lastActions['i-0123456789abcdef0']).toBe('hibernate');
  });
});
