/**
 * A bridge in front of another that records every call and can refuse or hold back chosen
 * operations, or lose the lab altogether (browser mode's server gone) until it comes back, for the
 * failures and in-between moments a healthy engine does not produce on demand. Everything else
 * passes through unchanged.
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { RendererBridge } from '../api/bridge';
import { LAB_UNREACHABLE } from '../api/renderer-bridge';
import { deliverLater } from './delivery';

type Fault = { kind: 'fail'; code: string; message: string } | { kind: 'hold'; held: (() => void)[] };

export class FaultBridge implements RendererBridge {
  /** Every call the console made, oldest first, as it was sent. */
  readonly calls: ApiCall[] = [];
  private readonly faults = new Map<string, Fault>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private lost = false;

  constructor(private readonly inner: RendererBridge) {}

  /** Makes every later call of `operation` fail with AWS's code and message. */
  fail(operation: string, code: string, message: string): this {
    this.faults.set(operation, { kind: 'fail', code, message });
    return this;
  }

  /** Holds calls of `operation` back until `release()` passes them on. */
  hold(operation: string): { release(): void } {
    const fault: Fault = { kind: 'hold', held: [] };
    this.faults.set(operation, fault);
    return {
      release: () => {
        this.faults.delete(operation);
        fault.held.splice(0).forEach((pass) => pass());
      },
    };
  }

  /** The lab stops answering, as when browser mode's server goes away. */
  disconnect(): void {
    this.lost = true;
    this.connectionListeners.forEach((listener) => listener(false));
  }

  /** The lab answers again and the event stream is back (events may have been missed meanwhile). */
  reconnect(): void {
    this.lost = false;
    this.connectionListeners.forEach((listener) => listener(true));
    this.reconnectListeners.forEach((listener) => listener());
  }

  call(call: ApiCall): Promise<ApiResult> {
    this.calls.push(structuredClone(call));
    if (this.lost) {
      return deliverLater(() => ({
        ok: false,
        error: { code: LAB_UNREACHABLE, message: 'The lab did not answer: Failed to fetch' },
      }));
    }
    const fault = this.faults.get(call.operation);
    if (fault?.kind === 'fail') {
      return deliverLater(() => ({ ok: false, error: { code: fault.code, message: fault.message } }));
    }
    if (fault?.kind === 'hold') {
      return new Promise((resolve, reject) => fault.held.push(() => this.inner.call(call).then(resolve, reject)));
    }
    return this.inner.call(call);
  }

  /** Events pass through, except while the lab is lost: those are missed, as over a closed socket. */
  onEvent(listener: (event: EngineEvent) => void): () => void {
    return this.inner.onEvent((event) => {
      if (!this.lost) listener(event);
    });
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    const inner = this.inner.onReconnect?.(listener);
    return () => {
      this.reconnectListeners.delete(listener);
      inner?.();
    };
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** The inputs of every call of `operation`, oldest first. */
  inputsOf<T = Record<string, unknown>>(operation: string): T[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.input as T);
  }
}
