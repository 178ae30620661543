/**
 * Builds `window.ec2lab` for the preload: one function per operation of the contract, each one
 * invoke on the call channel. The page never sees ipcRenderer, a channel name or an IPC event.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ApiCall, ApiResult, Ec2LabWindowApi } from '../../../shared/api';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import type { EngineEvent } from '../../../shared/events';
import { LAB_OPERATION_NAMES } from '../../../shared/lab-operations';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildWindowApi(ipc: PreloadIpc): Ec2LabWindowApi {
  const call = (apiCall: ApiCall): Promise<ApiResult> => ipc.invoke(CALL_CHANNEL, apiCall);

  const ec2 = Object.fromEntries(
    EC2_OPERATION_NAMES.map((operation) => [
      operation,
      (region: string, input: unknown) => call({ service: 'ec2', operation, region, input } as ApiCall),
    ]),
  ) as unknown as Ec2LabWindowApi['ec2'];

  const lab = Object.fromEntries(
    LAB_OPERATION_NAMES.map((operation) => [
      operation,
      (input: unknown) => call({ service: 'lab', operation, input } as ApiCall),
    ]),
  ) as unknown as Ec2LabWindowApi['lab'];

  return {
    ec2,
    lab,
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
