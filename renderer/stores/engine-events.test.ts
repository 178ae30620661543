// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, defineStore, setActivePinia } from 'pinia';
import { setBridge } from '../api/bridge';
import { settle } from '../testing/delivery';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { registerLabData, useEngineEventsStore } from './engine-events';
import { useActivityStore } from './activity';
import { useApiAccessStore } from './api-access';
import { useCatalogStore } from './catalog';
import { useClockStore } from './clock';
import { useInstanceAttributesStore } from './instance-attributes';
import { useInstancesStore } from './instances';
import { useLabStore } from './lab';

/** A store of the test's own, registered like the console's stores. */
const seen: { ids: string[]; region: string }[] = [];
const reloads: string[] = [];
const useProbeStore = defineStore('probe', () => ({}));
registerLabData({
  storeId: useProbeStore.$id,
  stage: 'data',
  reload: async (status) => {
    reloads.push(status.defaultRegion);
  },
  changed: { instance: (ids, region) => seen.push({ ids, region }) },
});

let lab: EngineLab;

beforeEach(() => {
  localStorage.clear();
  seen.length = 0;
  reloads.length = 0;
  lab = createEngineLab();
  setBridge(lab.bridge);
  setActivePinia(createPinia());
});

describe('engine events', () => {
  it('subscribes to the bridge once, however many stores listen', () => {
    const subscribe = vi.spyOn(lab.bridge, 'onEvent');
    const reconnect = vi.spyOn(lab.bridge, 'onReconnect');
    useLabStore();
    useInstancesStore();
    useInstanceAttributesStore();
    useCatalogStore();
    useClockStore();
    useActivityStore();
    useApiAccessStore();
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(reconnect).toHaveBeenCalledTimes(1);
  });

  it('sends resources-changed events of a registered kind to stores in use only', async () => {
    useEngineEventsStore();
    const first = lab.launch().InstanceId!;
    await settle();
    expect(seen).toEqual([]);

    useProbeStore();
    const second = lab.launch({}, 'us-east-1').InstanceId!;
    lab.ec2('CreateTags', { Resources: [first], Tags: [{ Key: 'Name', Value: 'web' }] });
    await settle();
    expect(seen).toEqual([
      { ids: [second], region: 'us-east-1' },
      { ids: [first], region: lab.region },
    ]);
  });

  it('reloads every registered store when the lab is replaced and when the stream comes back', async () => {
    await useLabStore().reloadAll();
    expect(reloads).toEqual([lab.region]);
    expect(useInstancesStore().loaded).toBe(true);
    expect(useCatalogStore().loaded).toBe(true);

    const launched = lab.launch().InstanceId!;
    lab.lab('ResetLab', {});
    await settle();
    expect(reloads).toHaveLength(2);
    expect(useLabStore().notices.map((notice) => notice.code)).toEqual(['StateReset']);
    expect(useInstancesStore().instances.map((instance) => instance.InstanceId)).not.toContain(launched);

    lab.engineBridge.reconnect();
    await settle();
    expect(reloads).toHaveLength(3);
  });
});
