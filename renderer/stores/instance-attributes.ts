/**
 * The instance attributes behind Actions → Instance settings and the Details tab, read with
 * DescribeInstanceAttribute (one attribute per call) and changed with ModifyInstanceAttribute (one
 * attribute per call) — EC2 API Reference: API_DescribeInstanceAttribute, API_ModifyInstanceAttribute.
 * Termination protection, stop protection and shutdown behavior are cached per instance; the cache of
 * the instance the Details pane shows is read again after a change and on its 'resources-changed' events.
 * Each change answers the AWS CLI command that does the same, for the success banner.
 */
import { defineStore, storeToRefs } from 'pinia';
import { ref, watch } from 'vue';
import type { InstanceAttributeName, ModifyInstanceAttributeRequest, ShutdownBehavior } from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { toCliCommand } from '../../shared/cli-command';
import { decodeUserData } from '../domain/instances/user-data';
import { useInstancesStore } from './instances';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export interface InstanceSettings {
  disableApiTermination: boolean;
  disableApiStop: boolean;
  shutdownBehavior: ShutdownBehavior;
}

export type ProtectionKind = 'termination' | 'stop';

export const useInstanceAttributesStore = defineStore('instanceAttributes', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const instancesStore = useInstancesStore();
  /** Instance id → its settings as last read. */
  const settings = ref<Record<string, InstanceSettings>>({});
  /** The instance whose settings the Details pane shows; its events trigger a fresh read. */
  const shown = ref<string | undefined>();
  /** The newest read per instance, so an older answer never overwrites a newer one. */
  const reads = new Map<string, number>();

  async function attribute(regionName: string, id: string, name: InstanceAttributeName) {
    return ec2.DescribeInstanceAttribute(regionName, { InstanceId: id, Attribute: name });
  }

  /** Reads the three settings of `id` and caches them. */
  async function load(id: string): Promise<InstanceSettings> {
    const regionName = region.value;
    const read = (reads.get(id) ?? 0) + 1;
    reads.set(id, read);
    const [termination, stop, shutdown] = await Promise.all([
      attribute(regionName, id, 'disableApiTermination'),
      attribute(regionName, id, 'disableApiStop'),
      attribute(regionName, id, 'instanceInitiatedShutdownBehavior'),
    ]);
    const value: InstanceSettings = {
      disableApiTermination: termination.DisableApiTermination?.Value ?? false,
      disableApiStop: stop.DisableApiStop?.Value ?? false,
      shutdownBehavior: (shutdown.InstanceInitiatedShutdownBehavior?.Value as ShutdownBehavior | undefined) ?? 'stop',
    };
    if (regionName === region.value && reads.get(id) === read) settings.value = { ...settings.value, [id]: value };
    return value;
  }

  /** The Details pane shows `id` (or nothing): read its settings unless they are cached. */
  function show(id: string | undefined): void {
    shown.value = id;
    if (id && !settings.value[id]) load(id).catch(() => undefined);
  }

  function forget(ids: string[]): void {
    const next = { ...settings.value };
    for (const id of ids) delete next[id];
    settings.value = next;
  }

  /** Sends one attribute change; answers the equivalent CLI command. */
  async function modify(id: string, change: Omit<ModifyInstanceAttributeRequest, 'InstanceId'>): Promise<string> {
    const regionName = region.value;
    const request: ModifyInstanceAttributeRequest = { InstanceId: id, ...change };
    await ec2.ModifyInstanceAttribute(regionName, request);
    return toCliCommand('ModifyInstanceAttribute', request, regionName);
  }

  async function afterChange(id: string): Promise<void> {
    await load(id).catch(() => forget([id]));
  }

  async function setProtection(id: string, kind: ProtectionKind, enabled: boolean): Promise<string> {
    const change =
      kind === 'termination' ? { DisableApiTermination: { Value: enabled } } : { DisableApiStop: { Value: enabled } };
    const command = await modify(id, change);
    await afterChange(id);
    return command;
  }

  async function setShutdownBehavior(id: string, behavior: ShutdownBehavior): Promise<string> {
    const command = await modify(id, { InstanceInitiatedShutdownBehavior: { Value: behavior } });
    await afterChange(id);
    return command;
  }

  /** Instance type and user data change only while stopped; the engine answers IncorrectInstanceState otherwise. */
  async function setInstanceType(id: string, instanceType: string): Promise<string> {
    const command = await modify(id, { InstanceType: { Value: instanceType } });
    await instancesStore.refresh([id]).catch(() => undefined);
    return command;
  }

  async function readUserData(id: string): Promise<string> {
    const result = await attribute(region.value, id, 'userData');
    return decodeUserData(result.UserData?.Value);
  }

  async function setUserData(id: string, text: string): Promise<string> {
    // A blob is bytes (BlobAttributeValue): the doors carry them as they are; the engine encodes them.
    return modify(id, { UserData: { Value: new TextEncoder().encode(text) } });
  }

  watch(region, () => {
    settings.value = {};
    reads.clear();
  });

  /** Forgets everything read and reads the shown instance's settings again (lab replaced, reconnected). */
  async function reloadShown(): Promise<void> {
    settings.value = {};
    if (shown.value) await load(shown.value).catch(() => undefined);
  }

  /** An engine event named these instances: forget what was read, and read the shown one again. */
  function changed(ids: string[], regionName: string): void {
    if (regionName !== region.value) return;
    const cached = ids.filter((id) => settings.value[id]);
    forget(cached.filter((id) => id !== shown.value));
    if (shown.value && ids.includes(shown.value)) load(shown.value).catch(() => undefined);
  }

  return {
    settings,
    shown,
    load,
    show,
    setProtection,
    setShutdownBehavior,
    setInstanceType,
    readUserData,
    setUserData,
    reloadShown,
    changed,
  };
});

registerLabData({
  storeId: useInstanceAttributesStore.$id,
  stage: 'data',
  optional: true,
  reload: () => useInstanceAttributesStore().reloadShown(),
  changed: { instance: (ids, region) => useInstanceAttributesStore().changed(ids, region) },
});
