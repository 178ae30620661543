/**
 * A scripted bridge for the bridge client's own tests (renderer/api): answers calls from handlers
 * the test sets. Component tests use the real engine instead (engine-lab.ts).
 */
import type { ApiCall, ApiResult } from '../../shared/api';
import { isApiError } from '../../shared/errors';
import type { EngineEvent } from '../../shared/events';
import type { RendererBridge } from '../api/bridge';

type Handler = (input: never, region: string | undefined) => unknown;

export class FakeBridge implements RendererBridge {
  readonly calls: ApiCall[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly reconnectListeners = new Set<() => void>();

  /** Answers `operation` with what `handler` returns; a thrown {code, message} becomes an API error. */
  handle(operation: string, handler: Handler): this {
    this.handlers.set(operation, handler);
    return this;
  }

  /** Makes `operation` fail with AWS's code and message. */
  fail(operation: string, code: string, message: string): this {
    return this.handle(operation, () => {
      throw { code, message };
    });
  }

  async call(call: ApiCall): Promise<ApiResult> {
    this.calls.push(structuredClone(call));
    const handler = this.handlers.get(call.operation);
    if (!handler) {
      return {
        ok: false,
        error: { code: 'InvalidAction', message: `The action ${call.operation} is not valid for this web service.` },
      };
    }
    try {
      const region = call.service === 'ec2' ? call.region : undefined;
      return { ok: true, value: structuredClone(await handler(call.input as never, region)) };
    } catch (error) {
      if (isApiError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      throw error;
    }
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }

  /** The inputs of every call of `operation`, oldest first. */
  inputsOf<T = Record<string, unknown>>(operation: string): T[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.input as T);
  }
}
