/**
 * The activity log, like CloudTrail's event history: DescribeActivity pages newest first, and each
 * 'activity' event is put on top as it happens (no polling). The page keeps at most MAX_EVENTS.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ActivityEvent } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { registerLabData, useEngineEventsStore } from './engine-events';

export const ACTIVITY_PAGE_SIZE = 50;
export const MAX_EVENTS = 500;

export const useActivityStore = defineStore('activity', () => {
  // Replaced whole on every change, never changed in place: no deep proxies over 500 events and their ids.
  const events = shallowRef<ActivityEvent[]>([]);
  const nextToken = ref<string | undefined>();
  /** True once older events were dropped to stay within MAX_EVENTS (they can no longer be paged to). */
  const trimmed = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const loadError = ref<unknown>();
  /** Events pushed while a first page is on its way, so the page does not lose them. */
  let arrivedDuringLoad: ActivityEvent[] | undefined;
  let generation = 0;

  function keep(list: ActivityEvent[]): void {
    const seen = new Set<string>();
    const unique = list.filter((event) => !seen.has(event.EventId) && seen.add(event.EventId));
    // Newest first; the sort is stable, so events of the same moment keep the order they came in.
    unique.sort((a, b) => b.EventTime - a.EventTime);
    if (unique.length > MAX_EVENTS) {
      unique.length = MAX_EVENTS;
      trimmed.value = true;
      nextToken.value = undefined;
    }
    events.value = unique;
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    arrivedDuringLoad = [];
    loading.value = true;
    try {
      const page = await lab.DescribeActivity({ MaxResults: ACTIVITY_PAGE_SIZE });
      if (mine !== generation) return;
      trimmed.value = false;
      nextToken.value = page.NextToken || undefined;
      keep([...arrivedDuringLoad, ...page.Events]);
      loaded.value = true;
      loadError.value = undefined;
    } catch (error) {
      if (mine === generation) loadError.value = error;
      throw error;
    } finally {
      if (mine === generation) {
        arrivedDuringLoad = undefined;
        loading.value = false;
      }
    }
  }

  async function loadMore(): Promise<void> {
    const token = nextToken.value;
    if (!token || loading.value) return;
    const mine = generation;
    loading.value = true;
    try {
      const page = await lab.DescribeActivity({ MaxResults: ACTIVITY_PAGE_SIZE, NextToken: token });
      if (mine !== generation) return;
      nextToken.value = page.NextToken || undefined;
      keep([...events.value, ...page.Events]);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function add(event: ActivityEvent): void {
    arrivedDuringLoad?.unshift(event);
    keep([event, ...events.value]);
  }

  useEngineEventsStore().on('activity', (event) => add(event.event));

  return { events, nextToken, trimmed, loading, loaded, loadError, load, loadMore };
});

// The developer tools keep their own errors (shown on their pages); they never block the console.
registerLabData({
  storeId: useActivityStore.$id,
  stage: 'data',
  optional: true,
  reload: () => useActivityStore().load(),
});
