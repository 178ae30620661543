/**
 * The one API every door serves and the renderer calls. A call names a service ('ec2' or 'lab'),
 * an operation and its input; an EC2 call also names its region, as an EC2 endpoint does.
 */
import type { ApiError } from './errors';
import type { EngineEvent } from './events';
import type { Ec2OperationName, Ec2Operations } from './ec2-operations';
import type { LabOperationName, LabOperations } from './lab-operations';
import type { TerminalOperationName, TerminalOperations } from './terminal-operations';

/** Who made a call, for the activity log: the console UI, or a client of the EC2 API. */
export type Caller = 'console' | 'cli' | 'sdk' | 'api';

/** A call of EC2 operation K. */
interface Ec2CallOf<K extends Ec2OperationName> {
  service: 'ec2';
  operation: K;
  region: string;
  input: Ec2Operations[K]['input'];
  caller?: Caller;
}
/**
 * A call of any of the operations K (all by default). Written as a mapped type indexed by K, so a
 * function generic in K can build a call of its operation and pass it as an Ec2Call.
 */
export type Ec2Call<K extends Ec2OperationName = Ec2OperationName> = { [P in K]: Ec2CallOf<P> }[K];

/** A call of lab operation K. */
interface LabCallOf<K extends LabOperationName> {
  service: 'lab';
  operation: K;
  input: LabOperations[K]['input'];
}
/** A call of any of the lab operations K (all by default); see Ec2Call. */
export type LabCall<K extends LabOperationName = LabOperationName> = { [P in K]: LabCallOf<P> }[K];

/** A call of terminal operation K. */
interface TerminalCallOf<K extends TerminalOperationName> {
  service: 'terminal';
  operation: K;
  input: TerminalOperations[K]['input'];
}
/** A call of any of the terminal operations K (all by default); see Ec2Call. */
export type TerminalCall<K extends TerminalOperationName = TerminalOperationName> = {
  [P in K]: TerminalCallOf<P>;
}[K];

export type ApiCall = Ec2Call | LabCall | TerminalCall;

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer holds: one async function per operation. Errors reject with an ApiError. */
export type Ec2Client = {
  [K in Ec2OperationName]: (region: string, input: Ec2Operations[K]['input']) => Promise<Ec2Operations[K]['output']>;
};
export type LabClient = {
  [K in LabOperationName]: (input: LabOperations[K]['input']) => Promise<LabOperations[K]['output']>;
};

export type TerminalClient = {
  [K in TerminalOperationName]: (input: TerminalOperations[K]['input']) => Promise<TerminalOperations[K]['output']>;
};

/** The low-level bridge a door provides (IPC preload or WebSocket); the renderer wraps it once. */
export interface LabBridge {
  call(call: ApiCall): Promise<ApiResult>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export type { ApiError };

/**
 * What the desktop preload exposes on `window.ec2lab` through contextBridge: the bridge itself, one
 * `call` and `onEvent`, and nothing else (no ipcRenderer, no channel name). `call` hands the ApiCall
 * as it is to the main process, which checks it (validateCall) before the engine sees it, and
 * resolves to an ApiResult, never rejecting with an engine error, because error objects lose their
 * code crossing IPC. IPC carries Dates and bytes (Uint8Array) as they are (structured clone).
 */
export type Ec2LabWindowApi = LabBridge;

/**
 * Browser mode's wire: POST /api/call with an encodeWire(ApiCall) body and
 * `Content-Type: application/json` answers encodeWire(ApiResult); POST /api/calls with an
 * encodeWire(ApiCall[]) body (the calls the page made in one tick, at most WEB_BATCH_LIMITS.calls)
 * answers encodeWire(ApiResult[]), one result per call in the same order, each call checked and
 * dispatched on its own, one after the other; the WebSocket at /api/events pushes
 * encodeWire(EngineEvent) messages. Same origin only.
 */
export const WEB_API_PATHS = { call: '/api/call', calls: '/api/calls', events: '/api/events' } as const;

/**
 * What goes into one /api/calls request: at most `calls` calls, each at most `callChars` characters
 * of wire JSON (so a batch stays under the 1 MiB body limit of a call). A larger call, and ImportLab,
 * go alone to /api/call.
 */
export const WEB_BATCH_LIMITS = { calls: 32, callChars: 8192 } as const;
