/**
 * What a door needs from the engine: dispatch a call, hear its events. Doors depend on this narrow
 * view (the engine's `Engine` satisfies it), so each door can be tested with any engine.
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';

export interface DoorEngine {
  dispatch(call: ApiCall): ApiResult;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}
