/**
 * Whether the console can reach the lab: browser mode's server may go away (stopped, restarted,
 * the laptop asleep) and come back; the bridge says so and the console shows "Disconnected —
 * reconnecting" meanwhile. The desktop app's IPC never disconnects, so there it stays true.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { getBridge } from '../api/bridge';

export const useConnectionStore = defineStore('connection', () => {
  const connected = ref(true);
  getBridge().onConnectionChange?.((now) => {
    connected.value = now;
  });
  return { connected };
});
