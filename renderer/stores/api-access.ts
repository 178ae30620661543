/**
 * How the AWS CLI and SDKs reach the lab: the EC2 API endpoint on 127.0.0.1 and the lab's access key
 * pair (GetApiAccess). An 'api-access' event brings a new endpoint or key; no polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiAccess } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { getBridge } from '../api/bridge';

export const useApiAccessStore = defineStore('api-access', () => {
  const access = ref<ApiAccess | undefined>();
  /** Why GetApiAccess itself failed, for the CLI access page; the console works on without it. */
  const loadError = ref<unknown>();

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

  getBridge().onEvent((event) => {
    if (event.type === 'api-access') access.value = event.access;
  });

  return { access, loadError, load, regenerate };
});
