/**
 * An in-process RendererBridge over the real engine, for component tests. Calls and answers pass
 * through structuredClone, as they do crossing IPC, and both answers and engine events arrive on a
 * later task, as they do from the preload or the WebSocket.
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { DoorEngine } from '../../electron/doors/door-engine';
import type { RendererBridge } from '../api/bridge';
import { deliverLater } from './delivery';

export class EngineBridge implements RendererBridge {
  private readonly reconnectListeners = new Set<() => void>();

  /** @param engine the engine, or the port the doors serve (engine and terminals together). */
  constructor(private readonly engine: DoorEngine) {}

  call(call: ApiCall): Promise<ApiResult> {
    const sent = structuredClone(call);
    return deliverLater(() => structuredClone(this.engine.dispatch(sent)));
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    return this.engine.onEvent((event) => {
      const sent = structuredClone(event);
      void deliverLater(() => listener(sent));
    });
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Says the event stream came back after a loss, as the WebSocket bridge does. */
  reconnect(): void {
    for (const listener of this.reconnectListeners) void deliverLater(listener);
  }
}
