/**
 * A bridge in front of another that records every call and can refuse or hold back chosen
 * operations, for the failures and in-between moments a healthy engine does not produce on demand.
 * Everything else passes through unchanged.
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { RendererBridge } from '../api/bridge';
import { deliverLater } from './delivery';

type Fault = { kind: 'fail'; code: string; message: string } | { kind: 'hold'; held: (() => void)[] };

export class FaultBridge implements RendererBridge {
  /** Every call the console made, oldest first, as it was sent. */
  readonly calls: ApiCall[] = [];
  private readonly faults = new Map<string, Fault>();

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

  call(call: ApiCall): Promise<ApiResult> {
    this.calls.push(structuredClone(call));
    const fault = this.faults.get(call.operation);
    if (fault?.kind === 'fail') {
      return deliverLater(() => ({ ok: false, error: { code: fault.code, message: fault.message } }));
    }
    if (fault?.kind === 'hold') {
      return new Promise((resolve, reject) => fault.held.push(() => this.inner.call(call).then(resolve, reject)));
    }
    return this.inner.call(call);
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    return this.inner.onEvent(listener);
  }

  onReconnect(listener: () => void): () => void {
    return this.inner.onReconnect?.(listener) ?? (() => undefined);
  }

  /** The inputs of every call of `operation`, oldest first. */
  inputsOf<T = Record<string, unknown>>(operation: string): T[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.input as T);
  }
}
