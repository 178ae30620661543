/**
 * The lab itself: status (version, data directory, notices), reset, export and import. It also
 * starts the app and reloads every store (activity and API access too) when the lab is replaced or
 * the event stream comes back.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LabExport, LabStatus } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { getBridge } from '../api/bridge';
import { downloadTextFile } from '../composables/download';
import { useActivityStore } from './activity';
import { useApiAccessStore } from './api-access';
import { useCatalogStore } from './catalog';
import { useClockStore } from './clock';
import { useInstancesStore } from './instances';
import { useRegionStore } from './region';

export const useLabStore = defineStore('lab', () => {
  const status = ref<LabStatus | undefined>();
  const ready = ref(false);
  const loadError = ref<unknown>();
  const notices = computed(() => status.value?.notices ?? []);
  let reloading: Promise<void> | undefined;

  const region = useRegionStore();
  const clock = useClockStore();
  const instances = useInstancesStore();
  const catalog = useCatalogStore();
  const activity = useActivityStore();
  const apiAccess = useApiAccessStore();

  async function loadStatus(): Promise<LabStatus> {
    status.value = await lab.GetStatus({});
    return status.value;
  }

  /** Loads everything, in order: status (for the default region), regions and clock, then the region's data. */
  function reloadAll(): Promise<void> {
    reloading ??= (async () => {
      try {
        const current = await loadStatus();
        await Promise.all([region.load(current.defaultRegion), clock.load()]);
        // The developer tools keep their own errors (shown on their pages); they never block the console.
        await Promise.all([
          instances.load(),
          catalog.load(),
          activity.load().catch(() => undefined),
          apiAccess.load().catch(() => undefined),
        ]);
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
    await Promise.all([instances.load(), catalog.load()]);
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

  const bridge = getBridge();
  bridge.onEvent((event) => {
    if (event.type !== 'lab-replaced') return;
    status.value = event.status;
    reloadAll().catch(() => undefined);
  });
  bridge.onReconnect?.(() => {
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
