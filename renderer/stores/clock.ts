/**
 * The simulation clock: speed and time come from the engine (GetClock and 'clock' events); between
 * events the display runs on locally at the known speed, so a clock on screen ticks without polling.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ClockSpeed, ClockState } from '../../shared/lab-operations';
import { lab } from '../api/client';
import { registerLabData, useEngineEventsStore } from './engine-events';

export const useClockStore = defineStore('clock', () => {
  const now = ref(0);
  const speed = ref<ClockSpeed>(1);
  /** What the clock shows: `now` advanced by the real time since the last sync, times the speed. */
  const displayNow = ref(0);
  let syncedAtReal = Date.now();

  function apply(clock: ClockState): void {
    now.value = clock.now;
    speed.value = clock.speed;
    syncedAtReal = Date.now();
    displayNow.value = clock.now;
  }

  /** Moves the displayed time on; a component calls this from its own timer while it is mounted. */
  function tick(realNow = Date.now()): void {
    displayNow.value = now.value + Math.max(0, realNow - syncedAtReal) * speed.value;
  }

  async function load(): Promise<void> {
    apply(await lab.GetClock({}));
  }

  async function setSpeed(next: ClockSpeed): Promise<void> {
    apply(await lab.SetClockSpeed({ speed: next }));
  }

  async function advance(milliseconds: number): Promise<void> {
    apply(await lab.AdvanceClock({ milliseconds }));
  }

  useEngineEventsStore().on('clock', (event) => apply(event.clock));

  return { now, speed, displayNow, load, setSpeed, advance, tick, apply };
});

registerLabData({ storeId: useClockStore.$id, stage: 'settings', reload: () => useClockStore().load() });
