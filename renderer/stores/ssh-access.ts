/**
 * Real SSH from the learner's own terminal, as the console sees the host's SSH server
 * (shared/terminal-operations.ts, SshAccess): whether this host has one, whether it is on, each
 * instance's loopback port and host key fingerprint, and the ssh_config to download. An
 * 'ssh-access' event brings every change (a port opened or refused, the setting turned); no polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SshAccess } from '../../shared/terminal-operations';
import { terminal } from '../api/client';
import { registerLabData, useEngineEventsStore } from './engine-events';

export const useSshAccessStore = defineStore('ssh-access', () => {
  const access = ref<SshAccess | undefined>();
  /** The setting being turned, from SetSshEnabled's call until its answer or event. */
  const switching = ref(false);
  /** Counts 'ssh-access' events, so an answer that arrives after its event does not undo it. */
  let events = 0;

  async function load(): Promise<void> {
    const before = events;
    const answer = await terminal.DescribeSshAccess({});
    if (events === before) access.value = answer;
  }

  /** Turns the SSH server on or off; the ports open or close as the next 'ssh-access' event says. */
  async function setEnabled(enabled: boolean): Promise<void> {
    const before = events;
    switching.value = true;
    try {
      const answer = await terminal.SetSshEnabled({ Enabled: enabled });
      if (events === before) access.value = answer;
    } finally {
      switching.value = false;
    }
  }

  useEngineEventsStore().on('ssh-access', (event) => {
    events++;
    access.value = event.access;
  });

  return { access, switching, load, setEnabled };
});

registerLabData({
  storeId: useSshAccessStore.$id,
  stage: 'data',
  optional: true,
  reload: () => useSshAccessStore().load(),
});
