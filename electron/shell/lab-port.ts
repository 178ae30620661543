/**
 * The one port the doors serve: EC2 and lab calls go to the engine, terminal calls to the
 * terminal service, and both push their events through it, so a door needs no terminal code.
 */
import type { DoorEngine } from '../doors/door-engine';
import type { Terminals } from './terminals';

export function labPort(engine: DoorEngine, terminals: Pick<Terminals, 'dispatch' | 'onEvent'>): DoorEngine {
  return {
    dispatch: (call) => (call?.service === 'terminal' ? terminals.dispatch(call) : engine.dispatch(call)),
    onEvent(listener) {
      const stopEngine = engine.onEvent(listener);
      const stopTerminals = terminals.onEvent(listener);
      return () => {
        stopEngine();
        stopTerminals();
      };
    },
  };
}
