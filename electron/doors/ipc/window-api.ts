/**
 * Builds `window.ec2lab` for the preload: `call` sends the ApiCall as it is on the call channel
 * (the main process validates it, ipc-handler.ts), `onEvent` hears the event channel. The page never
 * sees ipcRenderer, a channel name or an IPC event.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildWindowApi(ipc: PreloadIpc): Ec2LabWindowApi {
  return {
    // A fresh function, so the page holds no reference to ipcRenderer.invoke itself.
    call: (apiCall: ApiCall): Promise<ApiResult> => ipc.invoke(CALL_CHANNEL, apiCall),
    onEvent(listener: (event: EngineEvent) => void): () => void {
      // Hand the page the event only: IpcRendererEvent carries `sender`, i.e. ipcRenderer itself.
      const forward = (_event: IpcRendererEvent, engineEvent: EngineEvent) => listener(engineEvent);
      ipc.on(EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, forward);
      };
    },
  };
}
