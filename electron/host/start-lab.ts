/**
 * Starts the lab for a host (the desktop app or browser mode): opens the state store in the data
 * directory, builds the engine on it, and ticks the engine every 250 ms of real time so transitions
 * that fall due on the simulation clock (pending → running …) happen without anyone asking.
 */
import { createEngine, type Engine } from '../engine/engine';
import { nodeKeyMaker } from '../engine/state/node-key-maker';
import { openSqliteStateStore } from '../engine/state/sqlite-state-store';
import type { StateStore } from '../engine/state/state-store';
import { lockDataDirectory } from './data-directory-lock';
import { createErrorLog } from './error-log';

export const TICK_INTERVAL_MS = 250;

export interface StartLabOptions {
  dataDirectory: string;
  version: string;
  /** Opens the store; the SQLite file `<dataDirectory>/lab.sqlite` unless a test says otherwise. */
  openStore?: (dataDirectory: string, options: { appVersion: string }) => StateStore;
}

export interface Lab {
  engine: Engine;
  /** Stops ticking and closes the engine and its store. Safe to call twice. */
  stop(): void;
}

export function startLab({ dataDirectory, version, openStore = openSqliteStateStore }: StartLabOptions): Lab {
  const lock = lockDataDirectory(dataDirectory);
  let store: StateStore | undefined;
  let engine: Engine;
  try {
    store = openStore(dataDirectory, { appVersion: version });
    engine = createEngine({
      store,
      version,
      dataDirectory,
      keyMaker: nodeKeyMaker,
      onUnexpectedError: createErrorLog(dataDirectory),
    });
  } catch (error) {
    store?.close();
    lock.release();
    throw error;
  }
  const timer = setInterval(() => {
    try {
      engine.tick();
    } catch (error) {
      // A failed tick must not stop the clock for good; the next one tries again.
      console.error('EC2 Lab: engine.tick failed', error);
    }
  }, TICK_INTERVAL_MS);
  // The timer alone must not keep the process alive: servers and windows do.
  timer.unref();

  let stopped = false;
  return {
    engine,
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      try {
        engine.close();
      } finally {
        store!.close();
        lock.release();
      }
    },
  };
}
