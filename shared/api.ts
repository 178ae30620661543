/**
 * The one API every door serves and the renderer calls. A call names a service ('ec2' or 'lab'),
 * an operation and its input; an EC2 call also names its region, as an EC2 endpoint does.
 */
import type { ApiError } from './errors';
import type { EngineEvent } from './events';
import type { Ec2OperationName, Ec2Operations } from './ec2-operations';
import type { LabOperationName, LabOperations } from './lab-operations';

/** Who made a call, for the activity log: the console UI, or a client of the EC2 API. */
export type Caller = 'console' | 'cli' | 'sdk' | 'api';

export type Ec2Call = {
  [K in Ec2OperationName]: {
    service: 'ec2';
    operation: K;
    region: string;
    input: Ec2Operations[K]['input'];
    caller?: Caller;
  };
}[Ec2OperationName];

export type LabCall = {
  [K in LabOperationName]: { service: 'lab'; operation: K; input: LabOperations[K]['input'] };
}[LabOperationName];

export type ApiCall = Ec2Call | LabCall;

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer holds: one async function per operation. Errors reject with an ApiError. */
export type Ec2Client = {
  [K in Ec2OperationName]: (region: string, input: Ec2Operations[K]['input']) => Promise<Ec2Operations[K]['output']>;
};
export type LabClient = {
  [K in LabOperationName]: (input: LabOperations[K]['input']) => Promise<LabOperations[K]['output']>;
};

/** The low-level bridge a door provides (IPC preload or WebSocket); the renderer wraps it once. */
export interface LabBridge {
  call(call: ApiCall): Promise<ApiResult>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export type { ApiError };

/**
 * What the desktop preload exposes on `window.ec2lab` through contextBridge: one function per
 * contract method. They resolve to an ApiResult (never reject with an engine error), because
 * error objects lose their code crossing IPC.
 */
export interface Ec2LabWindowApi {
  ec2: {
    [K in Ec2OperationName]: (
      region: string,
      input: Ec2Operations[K]['input'],
    ) => Promise<ApiResult<Ec2Operations[K]['output']>>;
  };
  lab: {
    [K in LabOperationName]: (input: LabOperations[K]['input']) => Promise<ApiResult<LabOperations[K]['output']>>;
  };
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

/**
 * Browser mode's wire: POST /api/call with an encodeWire(ApiCall) body and
 * `Content-Type: application/json` answers encodeWire(ApiResult); the WebSocket at /api/events
 * pushes encodeWire(EngineEvent) messages. Same origin only.
 */
export const WEB_API_PATHS = { call: '/api/call', events: '/api/events' } as const;
