/**
 * The console's one subscription to the engine's events, and the one list of what each store
 * reloads. Beside its definition, a store registers (registerLabData) the ResourceKinds whose
 * 'resources-changed' events it re-describes and how it loads everything it shows; the lab store
 * reloads through this list when the lab is replaced or the event stream comes back, so it names
 * no other store. The other events (clock, activity, api-access, lab-replaced) go by type to the
 * stores that listen with on().
 */
import { defineStore, getActivePinia } from 'pinia';
import type { EngineEvent, ResourceKind } from '../../shared/events';
import type { LabStatus } from '../../shared/lab-operations';
import { getBridge } from '../api/bridge';

/** What one store loads and re-describes. */
export interface LabData {
  /** The store's Pinia id: events reach only stores in use. */
  storeId: string;
  /** 'settings' loads first (regions, clock: what the others read), then every 'data' source at once. */
  stage: 'settings' | 'data';
  /** Loads everything the store shows. Called in the active Pinia, so it may create the store. */
  reload(status: LabStatus): Promise<void>;
  /** A failure does not stop the console (the developer tools show their own load errors). */
  optional?: boolean;
  /** Loads again when another region is selected. */
  regional?: boolean;
  /** Re-describes the ids of a kind that changed in `region` (the store knows which region it shows). */
  changed?: Partial<Record<ResourceKind, (ids: string[], region: string) => void>>;
}

const STAGES: LabData['stage'][] = ['settings', 'data'];
const sources: LabData[] = [];

/** Adds a store's data to the list (once per store, however often its module is evaluated). */
export function registerLabData(data: LabData): void {
  const index = sources.findIndex((source) => source.storeId === data.storeId);
  if (index >= 0) sources.splice(index, 1, data);
  else sources.push(data);
}

type EventOf<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;
type Listener = (event: EngineEvent) => void;

export const useEngineEventsStore = defineStore('engine-events', () => {
  const pinia = getActivePinia();
  const listeners = new Map<EngineEvent['type'], Set<Listener>>();
  const reconnectListeners = new Set<() => void>();
  const inUse = (source: LabData) => pinia?.state.value[source.storeId] !== undefined;

  /** Calls `listener` with every event of `type`. */
  function on<T extends EngineEvent['type']>(type: T, listener: (event: EventOf<T>) => void): void {
    let forType = listeners.get(type);
    if (!forType) listeners.set(type, (forType = new Set()));
    forType.add(listener as Listener);
  }

  /** Calls `listener` when the event stream came back after a loss (events may have been missed). */
  function onReconnect(listener: () => void): void {
    reconnectListeners.add(listener);
  }

  function load(source: LabData, status: LabStatus): Promise<void> {
    const loading = source.reload(status);
    return source.optional ? loading.catch(() => undefined) : loading;
  }

  /** Loads every registered store, stage by stage; rejects with the first required load that failed. */
  async function reloadAll(status: LabStatus): Promise<void> {
    for (const stage of STAGES) {
      await Promise.all(sources.filter((source) => source.stage === stage).map((source) => load(source, status)));
    }
  }

  /** Loads again what depends on the selected region. */
  async function reloadRegional(status: LabStatus): Promise<void> {
    await Promise.all(sources.filter((source) => source.regional).map((source) => load(source, status)));
  }

  function route(event: EngineEvent): void {
    if (event.type === 'resources-changed') {
      for (const source of sources) {
        const changed = source.changed?.[event.resource];
        if (changed && inUse(source)) changed(event.ids, event.region);
      }
    }
    listeners.get(event.type)?.forEach((listener) => listener(event));
  }

  const bridge = getBridge();
  bridge.onEvent(route);
  bridge.onReconnect?.(() => reconnectListeners.forEach((listener) => listener()));

  return { on, onReconnect, reloadAll, reloadRegional };
});
