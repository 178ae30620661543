/**
 * How the AWS CLI and SDKs reach the lab: the EC2 API endpoint on 127.0.0.1 and the lab's access key
 * pair (GetApiAccess). An 'api-access' event brings a new endpoint or key; no polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiAccess } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { registerLabData, useEngineEventsStore } from './engine-events';

export const useApiAccessStore = defineStore('api-access', () => {
  const access = ref<ApiAccess | undefined>();
  /** Why GetApiAccess itself failed, for the CLI access page; the console works on without it. */
  const loadError = ref<unknown>();
  /** The port the EC2 API is being moved to, from SetApiPort's answer until the 'api-access' event. */
  const movingTo = ref<number | undefined>();
  /** Counts 'api-access' events, so an answer that arrives after its event does not undo it. */
  let events = 0;

  async function load(): Promise<void> {
    try {
      access.value = await lab.GetApiAccess({});
      loadError.value = undefined;
    } catch (error) {
      loadError.value = error;
      throw error;
    }
  }

  /** A new random key pair; the old one stops working at once. */
  async function regenerate(): Promise<ApiAccess> {
    const next = await lab.RegenerateApiAccessKey({});
    access.value = next;
    return next;
  }

  /**
   * Moves the EC2 API to `port`. The answer comes at once; the move is done when the engine sends
   * the next 'api-access' event (the new endpoint, or a Notice that the API stayed where it was).
   */
  async function setPort(port: number): Promise<void> {
    const before = events;
    movingTo.value = port;
    try {
      const answer = await lab.SetApiPort({ Port: port });
      if (events === before) access.value = answer;
    } catch (error) {
      if (events === before) movingTo.value = undefined;
      throw error;
    }
  }

  useEngineEventsStore().on('api-access', (event) => {
    events++;
    access.value = event.access;
    movingTo.value = undefined;
  });

  return { access, loadError, movingTo, load, regenerate, setPort };
});

registerLabData({
  storeId: useApiAccessStore.$id,
  stage: 'data',
  optional: true,
  reload: () => useApiAccessStore().load(),
});
