/** The desktop door: the preload's one-function-per-operation API, seen as a LabBridge. */
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../../shared/api';
import type { RendererBridge } from './bridge';

type AnyOperation = (...args: unknown[]) => Promise<ApiResult>;

export function createIpcBridge(api: Ec2LabWindowApi): RendererBridge {
  return {
    async call(call: ApiCall): Promise<ApiResult> {
      const table = (call.service === 'ec2' ? api.ec2 : api.lab) as unknown as Record<string, AnyOperation | undefined>;
      const operation = table[call.operation];
      if (typeof operation !== 'function') {
        return {
          ok: false,
          error: { code: 'InvalidAction', message: `The action ${call.operation} is not valid for this web service.` },
        };
      }
      try {
        return call.service === 'ec2' ? await operation(call.region, call.input) : await operation(call.input);
      } catch (error) {
        // The preload resolves engine errors as ApiResults; a rejection means IPC itself failed.
        return { ok: false, error: { code: 'InternalError', message: describe(error) } };
      }
    },
    onEvent: (listener) => api.onEvent(listener),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
