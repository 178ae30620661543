/**
 * Waits, for tests whose lab works on real timers (the terminal shells run commands
 * asynchronously): lets the lab answer and settle, again and again, until `done` holds, or fails
 * after about two seconds naming what it waited for.
 */
import { settle } from './delivery';

export async function settleUntil(done: () => boolean, what: string): Promise<void> {
  for (let round = 0; round < 100 && !done(); round++) {
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}
