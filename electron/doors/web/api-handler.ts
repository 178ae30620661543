/**
 * POST /api/call: an encodeWire(ApiCall) JSON body in, encodeWire(ApiResult) out. A request that
 * never reaches the engine (wrong method or type, too large, not JSON, malformed call) answers a
 * 4xx status with an ApiResult error; a dispatched call answers 200 with the engine's ApiResult,
 * success or AWS error alike, exactly as the desktop IPC door does.
 *
 * POST /api/calls: an encodeWire(ApiCall[]) body, the calls the console made in one tick (at most
 * WEB_BATCH_LIMITS.calls, body at most 1 MiB, no ImportLab), answers 200 with encodeWire(ApiResult[]):
 * each call checked and dispatched as if it came alone, one after the other in the order sent, its
 * refusal or failure its own result. A batch that is not a list of calls answers 400.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEB_BATCH_LIMITS, type ApiCall, type ApiResult } from '../../../shared/api';
import { ErrorCode } from '../../../shared/errors';
import { decodeWire, encodeWire } from '../../../shared/wire-codec';
import type { DoorEngine } from '../door-engine';
import { validateCall } from '../common/validate-call';
import { send, sendApiError, sendApiResult } from './responses';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * ImportLab carries a whole lab file (up to 64 MiB, lab-file.ts) as a JSON string, where escaping
 * can double it: its call may be this large. Only a caller with the token gets this far.
 */
export const MAX_IMPORT_BODY_BYTES = 2 * 64 * 1024 * 1024 + MAX_BODY_BYTES;
/** Past this, a too-large body is no longer read to the end: the connection is dropped. */
const MAX_DRAIN_BYTES = MAX_IMPORT_BODY_BYTES + 16 * MAX_BODY_BYTES;

type Body = { ok: true; text: string; bytes: number } | { ok: false; tooLarge: true };

/** Reads the body; a body over the limit is drained (so the client can read our 413) but not kept. */
function readBody(request: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        request.destroy();
        reject(new Error('request body far too large'));
      } else if (size <= MAX_IMPORT_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () =>
      resolve(
        size > MAX_IMPORT_BODY_BYTES
          ? { ok: false, tooLarge: true }
          : { ok: true, text: Buffer.concat(chunks).toString('utf8'), bytes: size },
      ),
    );
    request.on('error', reject);
    // A client that hangs up mid-body; does nothing once 'end' has resolved the promise.
    request.on('close', () => reject(new Error('request closed before its body ended')));
  });
}

const TOO_LARGE_FOR_IMPORT = `The request body is larger than ${MAX_IMPORT_BODY_BYTES / 1024 / 1024} MiB, more than even a lab file can need.`;

const isImport = (payload: unknown) =>
  typeof payload === 'object' &&
  payload !== null &&
  (payload as { service?: unknown }).service === 'lab' &&
  (payload as { operation?: unknown }).operation === 'ImportLab';

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && contentType.split(';')[0].trim().toLowerCase() === 'application/json';

/**
 * The POSTed JSON body, decoded; or undefined once the request has been answered with its refusal.
 * A body over 1 MiB is refused unless it is an ImportLab call and `importAllowed`.
 */
async function readPostedJson(
  request: IncomingMessage,
  response: ServerResponse,
  importAllowed: boolean,
): Promise<unknown> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendApiError(response, 405, ErrorCode.UnsupportedOperation, `${request.method} is not supported; POST a call.`);
    return undefined;
  }
  if (!isJson(request.headers['content-type'])) {
    sendApiError(response, 415, ErrorCode.InvalidParameterValue, 'The request Content-Type must be application/json.');
    return undefined;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_DRAIN_BYTES) {
    response.setHeader('Connection', 'close');
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, TOO_LARGE_FOR_IMPORT);
    request.destroy();
    return undefined;
  }

  const body = await readBody(request);
  if (!body.ok) {
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, TOO_LARGE_FOR_IMPORT);
    return undefined;
  }
  let payload: unknown;
  try {
    payload = decodeWire(body.text);
  } catch {
    sendApiError(response, 400, ErrorCode.InvalidParameterValue, 'The request body is not valid JSON.');
    return undefined;
  }
  if (body.bytes > MAX_BODY_BYTES && !(importAllowed && isImport(payload))) {
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, 'The request body is larger than 1 MiB.');
    return undefined;
  }
  return payload;
}

const INTERNAL_ERROR: ApiResult = {
  ok: false,
  error: { code: ErrorCode.InternalError, message: 'An internal error has occurred.' },
};

/** The engine's answer to a checked call; InternalError if it broke its promise never to throw. */
function dispatch(engine: DoorEngine, call: ApiCall): ApiResult {
  try {
    return engine.dispatch(call);
  } catch (error) {
    // The engine promises never to throw; if it does, the lab still answers.
    console.error('EC2 Lab: engine.dispatch threw', error);
    return INTERNAL_ERROR;
  }
}

export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  engine: DoorEngine,
): Promise<void> {
  const payload = await readPostedJson(request, response, true);
  if (payload === undefined) return;
  const checked = validateCall(payload);
  if (!checked.ok) {
    sendApiResult(response, 400, checked);
    return;
  }
  const result = dispatch(engine, checked.call);
  sendApiResult(response, result === INTERNAL_ERROR ? 500 : 200, result);
}

export async function handleApiCalls(
  request: IncomingMessage,
  response: ServerResponse,
  engine: DoorEngine,
): Promise<void> {
  const calls = await readPostedJson(request, response, false);
  if (calls === undefined) return;
  if (!Array.isArray(calls) || calls.length === 0 || calls.length > WEB_BATCH_LIMITS.calls) {
    const message = `The request must be a list of 1 to ${WEB_BATCH_LIMITS.calls} calls.`;
    sendApiError(response, 400, ErrorCode.InvalidParameterValue, message);
    return;
  }
  const results = calls.map((payload): ApiResult => {
    if (isImport(payload)) {
      return {
        ok: false,
        error: { code: ErrorCode.InvalidParameterValue, message: 'ImportLab goes alone, to /api/call.' },
      };
    }
    const checked = validateCall(payload);
    return checked.ok ? dispatch(engine, checked.call) : checked;
  });
  send(response, 200, 'application/json; charset=utf-8', encodeWire(results), { 'Cache-Control': 'no-store' });
}
