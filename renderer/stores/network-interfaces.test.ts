// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setBridge } from '../api/bridge';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { settle } from '../testing/delivery';
import { useEngineEventsStore } from './engine-events';
import { useNetworkInterfacesStore } from './network-interfaces';
import { useRegionStore } from './region';

let lab: EngineLab;

beforeEach(async () => {
  localStorage.clear();
  lab = createEngineLab();
  setBridge(lab.bridge);
  setActivePinia(createPinia());
  useEngineEventsStore();
  await useRegionStore().load(lab.region);
});

const eniOf = (instanceId: string) => lab.instance(instanceId).NetworkInterfaces![0]!.NetworkInterfaceId!;

describe('network interfaces store', () => {
  it('describes again only the interfaces an event names, keeping the others as they were', async () => {
    const stopped = lab.launch().InstanceId!;
    const kept = lab.launch().InstanceId!;
    lab.waitFor(stopped, 'running');
    lab.waitFor(kept, 'running');
    const store = useNetworkInterfacesStore();
    await store.load();
    await settle();
    const keptBefore = store.interfaces.find((eni) => eni.NetworkInterfaceId === eniOf(kept));
    expect(
      store.interfaces.find((eni) => eni.NetworkInterfaceId === eniOf(stopped))?.Association?.PublicIp,
    ).toBeTruthy();
    const asked = lab.bridge.inputsOf('DescribeNetworkInterfaces').length;

    // Stopping releases the instance's public IPv4 address: its interface changes, the other does not.
    lab.ec2('StopInstances', { InstanceIds: [stopped] });
    lab.waitFor(stopped, 'stopped');
    await settle();

    const reads = lab.bridge.inputsOf('DescribeNetworkInterfaces').slice(asked);
    expect(reads.length).toBeGreaterThan(0);
    for (const input of reads) expect(input).toEqual({ NetworkInterfaceIds: [eniOf(stopped)] });
    expect(store.interfaces).toHaveLength(2);
    expect(store.interfaces.find((eni) => eni.NetworkInterfaceId === eniOf(stopped))?.Association).toBeUndefined();
    expect(store.interfaces.find((eni) => eni.NetworkInterfaceId === eniOf(kept))).toBe(keptBefore);
  });

  it('drops an interface deleted with its instance', async () => {
    const gone = lab.launch().InstanceId!;
    const kept = lab.launch().InstanceId!;
    lab.waitFor(gone, 'running');
    const goneEni = eniOf(gone);
    const store = useNetworkInterfacesStore();
    await store.load();
    expect(store.interfaces).toHaveLength(2);

    lab.ec2('TerminateInstances', { InstanceIds: [gone] });
    lab.waitFor(gone, 'terminated');
    await settle();

    expect(store.interfaces.map((eni) => eni.NetworkInterfaceId)).toEqual([eniOf(kept)]);
    expect(store.interfaces.some((eni) => eni.NetworkInterfaceId === goneEni)).toBe(false);
  });
});
