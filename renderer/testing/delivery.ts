/**
 * How the test bridges answer: on a later task, as IPC and the WebSocket do, never in the same
 * turn. They count what is still on its way, so a test can wait until the lab has settled.
 */
import { flushPromises } from '@vue/test-utils';

let onTheWay = 0;

/** Runs `work` on a later task and answers what it returns. */
export function deliverLater<T>(work: () => T): Promise<T> {
  onTheWay++;
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      onTheWay--;
      try {
        resolve(work());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0);
  });
}

/** After every timer already due (deliveries are timers) and the promise work they cause. */
async function nextTask(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}

/**
 * Waits until no call or event is on its way and the console has reacted to the last of them (an
 * event may cause calls, whose answers may cause more). Held calls (FaultBridge.hold) do not count.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 200; round++) {
    await nextTask();
    if (onTheWay === 0) {
      await nextTask();
      if (onTheWay === 0) return;
    }
  }
  throw new Error('The lab did not settle: calls or events kept coming.');
}
