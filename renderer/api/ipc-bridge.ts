/**
 * The desktop door: the preload's `window.ec2lab` is already a bridge (one `call`, `onEvent`), so a
 * call passes through as it is; the main process checks it. Only a failure of IPC itself (a
 * rejection) is turned into an error result here.
 */
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../../shared/api';
import type { RendererBridge } from './renderer-bridge';

export function createIpcBridge(api: Ec2LabWindowApi): RendererBridge {
  return {
    async call(call: ApiCall): Promise<ApiResult> {
      try {
        return await api.call(call);
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
