/**
 * POST /api/call: an encodeWire(ApiCall) JSON body in, encodeWire(ApiResult) out. A request that
 * never reaches the engine (wrong method or type, too large, not JSON, malformed call) answers a
 * 4xx status with an ApiResult error; a dispatched call answers 200 with the engine's ApiResult,
 * success or AWS error alike, exactly as the desktop IPC door does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../../../shared/errors';
import { decodeWire } from '../../../shared/wire-codec';
import type { DoorEngine } from '../door-engine';
import { validateCall } from '../common/validate-call';
import { sendApiError, sendApiResult } from './responses';

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

export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  engine: DoorEngine,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendApiError(response, 405, ErrorCode.UnsupportedOperation, `${request.method} is not supported; POST a call.`);
    return;
  }
  if (!isJson(request.headers['content-type'])) {
    sendApiError(response, 415, ErrorCode.InvalidParameterValue, 'The request Content-Type must be application/json.');
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_DRAIN_BYTES) {
    response.setHeader('Connection', 'close');
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, TOO_LARGE_FOR_IMPORT);
    request.destroy();
    return;
  }

  const body = await readBody(request);
  if (!body.ok) {
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, TOO_LARGE_FOR_IMPORT);
    return;
  }
  let payload: unknown;
  try {
    payload = decodeWire(body.text);
  } catch {
    sendApiError(response, 400, ErrorCode.InvalidParameterValue, 'The request body is not valid JSON.');
    return;
  }
  if (body.bytes > MAX_BODY_BYTES && !isImport(payload)) {
    sendApiError(response, 413, ErrorCode.InvalidParameterValue, 'The request body is larger than 1 MiB.');
    return;
  }
  const checked = validateCall(payload);
  if (!checked.ok) {
    sendApiResult(response, 400, checked);
    return;
  }
  let result;
  try {
    result = engine.dispatch(checked.call);
  } catch (error) {
    // The engine promises never to throw; if it does, the lab still answers.
    console.error('EC2 Lab: engine.dispatch threw', error);
    sendApiError(response, 500, ErrorCode.InternalError, 'An internal error has occurred.');
    return;
  }
  sendApiResult(response, 200, result);
}
