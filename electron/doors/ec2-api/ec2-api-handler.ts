/**
 * One EC2 Query API request → one reply, independent of the HTTP server: authenticate (SigV4),
 * find the Action in AWS's model, parse its parameters, call the engine, write EC2's XML. A request
 * signed for STS is GetCallerIdentity, answered beside EC2 (sts-handler.ts). Every
 * failure becomes EC2's error envelope; only a bug in the lab becomes InternalError (500).
 */
import { randomUUID } from 'node:crypto';
import type { Caller, Ec2Call } from '../../../shared/api';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import { httpStatusOf } from '../../../shared/errors';
import type { DoorEngine } from '../door-engine';
import type { AccessKeyPair } from './access-keys';
import { apiErrors, Ec2ApiError, errorEnvelope } from './ec2-api-errors';
import { EC2_API_VERSION, findOperation } from '../common/ec2-model';
import { decodeUtf8, parseFormParams } from './form-params';
import { parseQueryInput } from './query-input-parser';
import { verifySigV4, type SignedRequest } from './sigv4-verifier';
import { answerSts } from './sts-handler';
import { serializeOutputChunks } from './xml-output-serializer';

/** What the door needs of the engine: its one entry point (synchronous, never throws). */
export type Ec2ApiEngine = Pick<DoorEngine, 'dispatch'>;

export interface Ec2ApiHandlerOptions {
  engine: Ec2ApiEngine;
  /** The lab's key pair, read on every request so a host may replace it. */
  credentials: () => AccessKeyPair;
  /** Real time for the signature's 15-minute window (never the simulation clock). */
  realNow?: () => number;
  /** Told about lab bugs (exceptions) that became InternalError replies. */
  onInternalError?: (error: unknown) => void;
}

export interface Ec2ApiReply {
  status: number;
  requestId: string;
  /** XML text: a response document or an error envelope. */
  readonly body: string;
  /** The same document as the bytes to send, where it was written as bytes (a success). */
  readonly chunks?: readonly Buffer[];
}

/** A success: its XML as written (byte chunks), and as text only if someone asks for it. */
class ChunkedReply implements Ec2ApiReply {
  readonly status = 200;

  constructor(
    readonly requestId: string,
    readonly chunks: readonly Buffer[],
  ) {}

  get body(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

const SERVED = new Set<string>(EC2_OPERATION_NAMES);

export function createEc2ApiHandler(options: Ec2ApiHandlerOptions): (request: SignedRequest) => Ec2ApiReply {
  const realNow = options.realNow ?? Date.now;
  const onInternalError = options.onInternalError ?? ((error) => console.error('EC2 API door:', error));

  return (request) => {
    const requestId = randomUUID();
    try {
      const reply = answer(request, requestId);
      return 'chunks' in reply ? new ChunkedReply(requestId, reply.chunks) : { requestId, ...reply };
    } catch (error) {
      const known = error instanceof Ec2ApiError ? error : undefined;
      if (!known) onInternalError(error);
      const reply = known ?? apiErrors.internalError();
      return { status: reply.status, requestId, body: errorEnvelope(reply, requestId) };
    }
  };

  function answer(
    request: SignedRequest,
    requestId: string,
  ): { status: number; body: string } | { chunks: readonly Buffer[] } {
    if (request.headers['authorization'] === undefined) refuseUnsigned(request);
    const { region, service, accessKeyId } = verifySigV4(request, options.credentials(), realNow());
    const params = readParams(request);
    if (service === 'sts') return answerSts(params, { accountId: accountIdOf(options.engine), accessKeyId }, requestId);

    const action = params.get('Action');
    if (!action) throw apiErrors.missingAction();
    const version = params.get('Version');
    if (version === undefined) throw apiErrors.missingParameter('Version');
    if (version !== EC2_API_VERSION) throw apiErrors.noSuchVersion(version);
    const operation = findOperation(action);
    if (!operation) throw apiErrors.invalidAction(action);
    if (!SERVED.has(action)) throw apiErrors.notImplemented(action);

    params.delete('Action');
    params.delete('Version');
    const input = parseQueryInput(operation.input, params);
    const call = { service: 'ec2', operation: action, region, input, caller: callerOf(request) } as Ec2Call;
    const result = options.engine.dispatch(call);
    if (!result.ok) {
      return { status: httpStatusOf(result.error.code), body: errorEnvelope(result.error, requestId) };
    }
    return { chunks: serializeOutputChunks(action, operation.output, result.value, requestId) };
  }
}

/** The lab's account id, as the lab reports it. */
function accountIdOf(engine: Ec2ApiEngine): string {
  const status = engine.dispatch({ service: 'lab', operation: 'GetStatus', input: {} });
  if (!status.ok) throw apiErrors.internalError();
  return (status.value as { accountId: string }).accountId;
}

/** The query string's parameters, plus a form-encoded POST body's. */
function readParams(request: SignedRequest): Map<string, string> {
  const queryStart = request.url.indexOf('?');
  const params = parseFormParams(queryStart === -1 ? '' : request.url.slice(queryStart + 1));
  if (request.body.length === 0) return params;
  const contentType = request.headers['content-type']?.[0] ?? '';
  if (contentType !== '' && !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
    throw apiErrors.invalidQuery(
      `EC2's Query API takes application/x-www-form-urlencoded bodies, not '${contentType.slice(0, 100)}'.`,
    );
  }
  return parseFormParams(decodeUtf8(request.body), params);
}

/**
 * No Authorization header: EC2's answer is that the access key id is missing. Pre-signed URLs and
 * Signature Version 2 carry their credentials as parameters instead; the lab takes neither, and says so.
 */
function refuseUnsigned(request: SignedRequest): never {
  let params = new Map<string, string>();
  try {
    params = readParams(request);
  } catch {
    // Unreadable parameters hold no hint either.
  }
  if (params.has('X-Amz-Signature') || params.has('X-Amz-Credential')) {
    throw apiErrors.authFailure(
      'EC2 Lab does not accept pre-signed URLs: sign the request with an Authorization header.',
    );
  }
  if (params.has('AWSAccessKeyId') || params.has('Signature')) {
    throw apiErrors.authFailure('EC2 Lab accepts only Signature Version 4 requests (AWS4-HMAC-SHA256).');
  }
  throw apiErrors.missingCredentials();
}

/** For the activity log: the AWS CLI, an AWS SDK for JavaScript, or anything else. */
function callerOf(request: SignedRequest): Caller {
  const userAgent = ['user-agent', 'x-amz-user-agent'].flatMap((name) => request.headers[name] ?? []).join(' ');
  if (userAgent.includes('aws-cli')) return 'cli';
  if (userAgent.includes('aws-sdk-js')) return 'sdk';
  return 'api';
}
