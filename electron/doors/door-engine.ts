/**
 * The narrow port through which doors (and later the shells) reach the engine: dispatch a call,
 * hear its events, and the types a door hands the engine. Doors depend on this view only (the
 * engine's `Engine` satisfies it), never on the engine's internals, so each door can be tested with
 * any engine; it is the one door file the import allow-list lets name the engine, for types only.
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';

/** How the EC2 API door tells the engine the CLI's way in (GetApiAccess); the engine defines it. */
export type { ApiAccessProvider } from '../engine/lab/api-access';

export interface DoorEngine {
  dispatch(call: ApiCall): ApiResult;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}
