/**
 * Instances of the selected region. Loaded with DescribeInstances; a 'resources-changed' event
 * re-describes just the ids it names and merges them. No polling: the engine's events drive updates.
 * Each action answers the AWS CLI command that does the same, for the success banner.
 */
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type {
  Instance,
  InstanceStateChange,
  InstanceStateName,
  InstanceStatus,
  Reservation,
  Tag,
} from '@aws-sdk/client-ec2';
import { ec2 } from '../api/client';
import { isApiError } from '../../shared/errors';
import { toCliCommand } from '../../shared/cli-command';
import { actionBehind, type LifecycleAction } from '../domain/instances/instance-lifecycle';
import { collectPages } from '../domain/pages';
import { mergeById } from '../domain/merge-by-id';
import { registerLabData, useEngineEventsStore } from './engine-events';
import { useRegionStore } from './region';

const NOT_FOUND = 'InvalidInstanceID.NotFound';
const idOf = (instance: Instance) => instance.InstanceId ?? '';

/** The status DescribeInstanceStatus answers for an instance that is not running: nothing to check. */
function notApplicable(instance: Instance): InstanceStatus {
  const summary = { Status: 'not-applicable' as const };
  return {
    InstanceId: instance.InstanceId,
    AvailabilityZone: instance.Placement?.AvailabilityZone,
    InstanceState: instance.State,
    InstanceStatus: summary,
    SystemStatus: summary,
    AttachedEbsStatus: summary,
    Events: [],
  };
}

export const useInstancesStore = defineStore('instances', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  // Replaced whole on every change, never changed in place: no deep proxies over thousands of instances.
  const instances = shallowRef<Instance[]>([]);
  const statuses = shallowRef<Record<string, InstanceStatus>>({});
  /** The last lifecycle action per instance, for the state diagram. */
  const lastActions = ref<Record<string, LifecycleAction>>({});
  /** The state each last action began from, so the diagram lights only the path taken. */
  const lastActionOrigins = ref<Record<string, InstanceStateName>>({});
  const loading = ref(false);
  const loaded = ref(false);
  let statusRequest: Promise<void> | undefined;

  async function describe(regionName: string, ids?: string[]): Promise<Instance[]> {
    const pages = await collectPages((NextToken) =>
      ec2.DescribeInstances(regionName, ids ? { InstanceIds: ids } : { NextToken }),
    );
    return pages.flatMap((page) => page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);
  }

  async function load(): Promise<void> {
    const regionName = region.value;
    loading.value = true;
    try {
      const fresh = await describe(regionName);
      if (regionName !== region.value) return;
      instances.value = fresh;
      statuses.value = {};
      lastActions.value = {};
      lastActionOrigins.value = {};
      loaded.value = true;
      await loadStatuses();
    } finally {
      loading.value = false;
    }
  }

  /** Re-describes `ids`; an id that no longer exists (a terminated instance aged out) drops off the list. */
  async function refresh(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const regionName = region.value;
    let fresh: Instance[];
    try {
      fresh = await describe(regionName, ids);
    } catch (error) {
      if (!isApiError(error) || error.code !== NOT_FOUND) throw error;
      // InstanceIds fails as a whole when one id is gone; the full list tells us which remain.
      fresh = (await describe(regionName)).filter((instance) => ids.includes(instance.InstanceId ?? ''));
    }
    if (regionName !== region.value) return;
    const freshIds = new Set(fresh.map(idOf));
    const before = new Map<string, InstanceStateName | undefined>();
    for (const instance of instances.value) {
      if (freshIds.has(idOf(instance))) before.set(idOf(instance), instance.State?.Name);
    }
    merge(ids, fresh);
    await loadStatuses(statusesToRead(fresh, before));
  }

  /**
   * One read per event where it can be: only a running instance has status checks to read, and one
   * that was already running with its checks passed keeps them (they reset only when it stops). An
   * instance in any other state gets the not-applicable status DescribeInstanceStatus would answer
   * (API_DescribeInstanceStatus: IncludeAllInstances) without asking.
   */
  function statusesToRead(fresh: Instance[], before: Map<string, InstanceStateName | undefined>): string[] {
    const next = { ...statuses.value };
    const toRead: string[] = [];
    for (const instance of fresh) {
      const id = instance.InstanceId ?? '';
      const known = statuses.value[id];
      if (instance.State?.Name !== 'running') next[id] = notApplicable(instance);
      else if (!(before.get(id) === 'running' && known?.InstanceStatus?.Status === 'ok')) toRead.push(id);
    }
    statuses.value = next;
    return toRead;
  }

  function merge(requestedIds: string[], fresh: Instance[]): void {
    const freshIds = new Set(fresh.map(idOf));
    const previousStates = new Map<string, InstanceStateName | undefined>();
    for (const instance of instances.value) {
      if (freshIds.has(idOf(instance))) previousStates.set(idOf(instance), instance.State?.Name);
    }
    const next = mergeById(instances.value, idOf, requestedIds, fresh);
    const actions = { ...lastActions.value };
    const origins = { ...lastActionOrigins.value };
    for (const instance of fresh) {
      const id = instance.InstanceId ?? '';
      const previous = previousStates.get(id);
      const action = actionBehind(actions[id], previous, instance);
      // A newly inferred action (the CLI, an OS shutdown) began from the state seen before it.
      if (action !== actions[id]) {
        if (previous && action !== 'launch') origins[id] = previous;
        else delete origins[id];
      }
      if (action) actions[id] = action;
      else delete actions[id];
    }
    instances.value = next;
    lastActions.value = actions;
    lastActionOrigins.value = origins;
  }

  /** Status checks via DescribeInstanceStatus (all states, so stopped instances clear theirs). */
  async function loadStatuses(ids?: string[]): Promise<void> {
    const regionName = region.value;
    if (ids && ids.length === 0) return;
    let result: InstanceStatus[];
    try {
      const pages = await collectPages((NextToken) =>
        ec2.DescribeInstanceStatus(
          regionName,
          ids ? { InstanceIds: ids, IncludeAllInstances: true } : { IncludeAllInstances: true, NextToken },
        ),
      );
      result = pages.flatMap((page) => page.InstanceStatuses ?? []);
    } catch (error) {
      if (isApiError(error) && error.code === NOT_FOUND) return;
      throw error;
    }
    if (regionName !== region.value) return;
    const next = ids ? { ...statuses.value } : {};
    for (const id of ids ?? []) delete next[id];
    for (const status of result) if (status.InstanceId) next[status.InstanceId] = status;
    statuses.value = next;
  }

  /**
   * Running instances whose checks are still initializing (or not read yet). Kept until the instances
   * or their statuses change, so a clock event with nothing to look at scans no list.
   */
  const initializingIds = computed(() =>
    instances.value
      .filter((instance) => instance.State?.Name === 'running')
      .map(idOf)
      .filter((id) => {
        const status = statuses.value[id];
        return (
          !status || status.SystemStatus?.Status === 'initializing' || status.InstanceStatus?.Status === 'initializing'
        );
      }),
  );

  /** While some check is initializing, the clock's events are the cue to look again. */
  function refreshInitializingStatuses(): void {
    if (statusRequest) return;
    const ids = initializingIds.value;
    if (ids.length === 0) return;
    statusRequest = loadStatuses(ids)
      .catch(() => undefined)
      .finally(() => (statusRequest = undefined));
  }

  function record(action: LifecycleAction, ids: string[], changes?: InstanceStateChange[]): void {
    const actions = { ...lastActions.value };
    const origins = { ...lastActionOrigins.value };
    const previous = new Map((changes ?? []).map((change) => [change.InstanceId, change.PreviousState?.Name]));
    for (const id of ids) {
      actions[id] = action;
      const from = action === 'reboot' ? 'running' : previous.get(id);
      if (from) origins[id] = from;
      else delete origins[id];
    }
    lastActions.value = actions;
    lastActionOrigins.value = origins;
  }

  function applyStateChanges(changes: InstanceStateChange[] | undefined): void {
    const byId = new Map((changes ?? []).map((change) => [change.InstanceId, change.CurrentState]));
    instances.value = instances.value.map((instance) =>
      byId.has(instance.InstanceId) ? { ...instance, State: byId.get(instance.InstanceId) } : instance,
    );
  }

  async function start(ids: string[]): Promise<string> {
    const regionName = region.value;
    const input = { InstanceIds: ids };
    const result = await ec2.StartInstances(regionName, input);
    record('start', ids, result.StartingInstances);
    applyStateChanges(result.StartingInstances);
    return toCliCommand('StartInstances', input, regionName);
  }

  async function stop(ids: string[], options: { hibernate?: boolean } = {}): Promise<string> {
    const regionName = region.value;
    const input = options.hibernate ? { InstanceIds: ids, Hibernate: true } : { InstanceIds: ids };
    const result = await ec2.StopInstances(regionName, input);
    record(options.hibernate ? 'hibernate' : 'stop', ids, result.StoppingInstances);
    applyStateChanges(result.StoppingInstances);
    return toCliCommand('StopInstances', input, regionName);
  }

  async function reboot(ids: string[]): Promise<string> {
    const regionName = region.value;
    const input = { InstanceIds: ids };
    await ec2.RebootInstances(regionName, input);
    record('reboot', ids);
    return toCliCommand('RebootInstances', input, regionName);
  }

  async function terminate(ids: string[]): Promise<string> {
    const regionName = region.value;
    const input = { InstanceIds: ids };
    const result = await ec2.TerminateInstances(regionName, input);
    record('terminate', ids, result.TerminatingInstances);
    applyStateChanges(result.TerminatingInstances);
    return toCliCommand('TerminateInstances', input, regionName);
  }

  /**
   * Tags as the Tags tab saves them: DeleteTags for removed keys, CreateTags for new and changed ones.
   * Answers the equivalent CLI commands, one a line.
   */
  async function updateTags(id: string, upserts: Tag[], removedKeys: string[]): Promise<string> {
    const regionName = region.value;
    const commands: string[] = [];
    if (removedKeys.length > 0) {
      const input = { Resources: [id], Tags: removedKeys.map((Key) => ({ Key })) };
      await ec2.DeleteTags(regionName, input);
      commands.push(toCliCommand('DeleteTags', input, regionName));
    }
    if (upserts.length > 0) {
      const input = { Resources: [id], Tags: upserts };
      await ec2.CreateTags(regionName, input);
      commands.push(toCliCommand('CreateTags', input, regionName));
    }
    await refresh([id]);
    return commands.join('\n');
  }

  /** Adds what RunInstances answered, so the new instances show before their first event. */
  function addLaunched(reservation: Reservation): void {
    const launched = reservation.Instances ?? [];
    merge(
      launched.map((instance) => instance.InstanceId ?? ''),
      launched,
    );
    record(
      'launch',
      launched.map((instance) => instance.InstanceId ?? ''),
    );
  }

  /** Re-describes the instances an engine event named, if they are in the region shown. */
  function changed(ids: string[], regionName: string): void {
    if (regionName === region.value) refresh(ids).catch(() => undefined);
  }

  useEngineEventsStore().on('clock', () => {
    if (loaded.value) refreshInitializingStatuses();
  });

  return {
    instances,
    statuses,
    lastActions,
    lastActionOrigins,
    loading,
    loaded,
    load,
    refresh,
    loadStatuses,
    start,
    stop,
    reboot,
    terminate,
    updateTags,
    addLaunched,
    changed,
  };
});

registerLabData({
  storeId: useInstancesStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useInstancesStore().load(),
  changed: { instance: (ids, region) => useInstancesStore().changed(ids, region) },
});
