// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setBridge } from '../api/bridge';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { settle } from '../testing/delivery';
import { useInstancesStore } from './instances';
import { useRegionStore } from './region';

let lab: EngineLab;

beforeEach(async () => {
  localStorage.clear();
  lab = createEngineLab();
  setBridge(lab.bridge);
  setActivePinia(createPinia());
  await useRegionStore().load(lab.region);
});

describe('instances store', () => {
  it('describes the selected region and records the action behind later changes', async () => {
    const id = lab.launch().InstanceId!;
    lab.waitFor(id, 'running');
    const store = useInstancesStore();
    await store.load();
    expect(
      lab.bridge.calls.filter((c) => c.operation === 'DescribeInstances').map((c) => c.service === 'ec2' && c.region),
    ).toEqual([lab.region]);
    lab.ec2('StopInstances', { InstanceIds: [id] });
    await store.refresh([id]);
    expect(store.instances[0]?.State?.Name).toBe('stopping');
    expect(store.lastActions[id]).toBe('stop');
  });

  it('re-reads an instance once per event while it stops, and its checks again only when it runs', async () => {
    const id = lab.launch().InstanceId!;
    lab.pass(5 * 60_000);
    const store = useInstancesStore();
    await store.load();
    await settle();
    expect(store.statuses[id]?.InstanceStatus?.Status).toBe('ok');
    const reads = () => lab.bridge.calls.filter((c) => /^Describe/.test(c.operation)).map((c) => c.operation);
    const before = reads().length;

    lab.ec2('StopInstances', { InstanceIds: [id] });
    await settle();
    lab.waitFor(id, 'stopped');
    await settle();
    expect(store.instances[0]?.State?.Name).toBe('stopped');
    expect(store.statuses[id]?.InstanceStatus?.Status).toBe('not-applicable');
    expect(store.statuses[id]?.InstanceState?.Name).toBe('stopped');
    // stopping, then stopped: one DescribeInstances each, no status read.
    expect(reads().slice(before)).toEqual(['DescribeInstances', 'DescribeInstances']);

    lab.ec2('StartInstances', { InstanceIds: [id] });
    await settle();
    lab.waitFor(id, 'running');
    await settle();
    expect(store.statuses[id]?.InstanceStatus?.Status).toBe('initializing');
    expect(reads().slice(before + 2)).toEqual(['DescribeInstances', 'DescribeInstances', 'DescribeInstanceStatus']);
  });

  it('asks for status checks again on clock events while a check is initializing', async () => {
    const id = lab.launch().InstanceId!;
    lab.waitFor(id, 'running');
    const store = useInstancesStore();
    await store.load();
    await settle();
    expect(store.statuses[id]?.InstanceStatus?.Status).toBe('initializing');

    // The checks pass a few minutes after the instance runs; the clock's events are the cue to look.
    lab.pass(5 * 60_000);
    await settle();
    expect(store.statuses[id]?.InstanceStatus?.Status).toBe('ok');

    const asked = lab.bridge.inputsOf('DescribeInstanceStatus').length;
    lab.pass(10_000);
    await settle();
    expect(lab.bridge.inputsOf('DescribeInstanceStatus')).toHaveLength(asked);
  });

  it('reads the status of stopped instances too (IncludeAllInstances), so their old checks clear', async () => {
    const running = lab.launch().InstanceId!;
    const stopped = lab.launch().InstanceId!;
    lab.pass(5 * 60_000);
    lab.ec2('StopInstances', { InstanceIds: [stopped] });
    lab.waitFor(stopped, 'stopped');
    const store = useInstancesStore();
    await store.load();
    expect(store.statuses[running]?.InstanceStatus?.Status).toBe('ok');
    // DescribeInstanceStatus answers stopped instances only when asked with IncludeAllInstances.
    expect(store.statuses[stopped]?.InstanceState?.Name).toBe('stopped');
    expect(store.statuses[stopped]?.InstanceStatus?.Status).toBe('not-applicable');
  });

  it('asks for hibernation with StopInstances Hibernate=true', async () => {
    const image = lab.quickStart('amazon-linux');
    const id = lab.launch({
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { Encrypted: true, VolumeSize: 16 } }],
    }).InstanceId!;
    lab.waitFor(id, 'running');
    const store = useInstancesStore();
    await store.load();
    await store.stop([id], { hibernate: true });
    expect(lab.bridge.inputsOf('StopInstances')).toEqual([{ InstanceIds: [id], Hibernate: true }]);
    expect(store.lastActions[id]).toBe('hibernate');
    expect(store.instances[0]?.State?.Name).toBe('stopping');
    expect(lab.instance(id).StateReason?.Code).toBe('Client.UserInitiatedHibernate');
  });
});
