/**
 * The lab itself: status (version, data directory, notices), reset, export and import. It also
 * starts the app and, when the lab is replaced or the event stream comes back, reloads every store
 * through the list in engine-events.ts.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LabExport, LabStatus } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { downloadTextFile } from '../composables/download';
import { useEngineEventsStore } from './engine-events';
import { useRegionStore } from './region';

export const useLabStore = defineStore('lab', () => {
  const status = ref<LabStatus | undefined>();
  const ready = ref(false);
  const loadError = ref<unknown>();
  const notices = computed(() => status.value?.notices ?? []);
  let reloading: Promise<void> | undefined;

  const region = useRegionStore();
  const engineEvents = useEngineEventsStore();

  async function loadStatus(): Promise<LabStatus> {
    status.value = await lab.GetStatus({});
    return status.value;
  }

  /** Loads everything, in order: status (for the default region), then the registered stores, stage by stage. */
  function reloadAll(): Promise<void> {
    reloading ??= (async () => {
      try {
        await engineEvents.reloadAll(await loadStatus());
        loadError.value = undefined;
        ready.value = true;
      } catch (error) {
        loadError.value = error;
        throw error;
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  }

  async function changeRegion(regionName: string): Promise<void> {
    region.select(regionName);
    await engineEvents.reloadRegional(status.value ?? (await loadStatus()));
  }

  async function dismissNotice(at: number): Promise<void> {
    status.value = await lab.DismissNotice({ at });
  }

  async function reset(): Promise<void> {
    status.value = await lab.ResetLab({});
    await reloadAll();
  }

  async function exportLab(): Promise<LabExport> {
    const file = await lab.ExportLab({});
    downloadTextFile(file.fileName, file.content);
    return file;
  }

  async function importLab(content: string): Promise<void> {
    status.value = await lab.ImportLab({ content });
    await reloadAll();
  }

  engineEvents.on('lab-replaced', (event) => {
    status.value = event.status;
    reloadAll().catch(() => undefined);
  });
  engineEvents.onReconnect(() => {
    reloadAll().catch(() => undefined);
  });

  return {
    status,
    notices,
    ready,
    loadError,
    reloadAll,
    changeRegion,
    dismissNotice,
    reset,
    exportLab,
    importLab,
  };
});
