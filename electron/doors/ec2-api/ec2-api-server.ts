/**
 * The EC2-compatible endpoint on the loopback interface, so the real AWS CLI and SDKs drive the lab:
 * `aws ec2 describe-instances --endpoint-url http://127.0.0.1:4566`. HTTP glue only: fences and a
 * body limit here, everything EC2 in ec2-api-handler.ts.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { AccessKeyPair } from './access-keys';
import { apiErrors, errorEnvelope, type Ec2ApiError } from './ec2-api-errors';
import { createEc2ApiHandler, type Ec2ApiEngine, type Ec2ApiReply } from './ec2-api-handler';
import { refuseRequest } from './request-guard';

export const DEFAULT_EC2_API_PORT = 4566;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Node's default, stated so the 431 message stays true. */
const MAX_HEADER_BYTES = 16 * 1024;
const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

/**
 * How long a client may take, so a slow or stalled one cannot hold the port: the request line and
 * headers within 10 s, the whole request within 30 s (an SDK sends both at once), an idle
 * keep-alive connection 5 s (the SDKs reconnect at once); Node checks every second. At most 256
 * connections at a time (the CLI and SDKs use a few each).
 */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };
const MAX_CONNECTIONS = 256;

export interface Ec2ApiServerOptions {
  engine: Ec2ApiEngine;
  /** Default 4566; 0 picks a free port (tests). */
  port?: number;
  /** Loopback only: the API must never be reachable from the network. */
  host?: (typeof LOOPBACK_HOSTS)[number];
  /** The lab's key pair, or a getter if the host may replace it while running. */
  credentials: AccessKeyPair | (() => AccessKeyPair);
  /** Larger bodies get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** Real time, for the signature's 15-minute window (tests inject it). */
  realNow?: () => number;
  onInternalError?: (error: unknown) => void;
  /** Client time limits (tests shorten them). */
  timeouts?: Partial<typeof DEFAULT_TIMEOUTS>;
}

export interface Ec2ApiServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

export async function startEc2ApiServer(options: Ec2ApiServerOptions): Promise<Ec2ApiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) throw new Error(`The EC2 API binds to loopback only, not '${String(host)}'.`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { credentials } = options;
  const handle = createEc2ApiHandler({
    engine: options.engine,
    credentials: typeof credentials === 'function' ? credentials : () => credentials,
    realNow: options.realNow,
    onInternalError: options.onInternalError,
  });

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const limits = {
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkEveryMs,
  };
  const server = createServer(limits, (request, response) => {
    const head = { method: request.method ?? '', headers: request.headersDistinct };
    const refusal = refuseRequest(head, maxBodyBytes);
    if (refusal) {
      refuse(request, response, refusal);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) refuse(request, response, apiErrors.tooLarge(maxBodyBytes));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (response.headersSent) return;
      send(response, handle({ ...head, url: request.url ?? '/', body: Buffer.concat(chunks) }));
    });
    request.on('error', () => request.destroy());
  });
  // Malformed HTTP never reaches the handler; answer it in EC2's envelope too, then hang up.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const { status, code, message } = clientErrorReply(error.code);
    const body = errorEnvelope({ code, message }, randomUUID());
    socket.end(
      `HTTP/1.1 ${status}\r\n` +
        `Content-Type: text/xml;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  server.maxConnections = MAX_CONNECTIONS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_EC2_API_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What a request that never became one is answered: too large, too slow, or not HTTP. */
function clientErrorReply(errorCode: string | undefined): { status: string; code: string; message: string } {
  if (errorCode === 'HPE_HEADER_OVERFLOW') {
    return {
      status: '431 Request Header Fields Too Large',
      code: 'RequestHeaderSectionTooLarge',
      message: 'The request line and headers are larger than 16 KiB.',
    };
  }
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: '408 Request Timeout',
      code: 'RequestTimeout',
      message: 'The request did not arrive within the time EC2 Lab allows; the connection was closed.',
    };
  }
  return { status: '400 Bad Request', code: 'MalformedHttpRequest', message: 'The HTTP request is malformed.' };
}

function send(response: ServerResponse, reply: Ec2ApiReply, close = false): void {
  if (response.headersSent || response.destroyed) return;
  // Bytes as the serializer wrote them (kept fragments are sent as they are), else the text encoded once.
  const chunks = reply.chunks ?? [Buffer.from(reply.body)];
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  response.writeHead(reply.status, {
    'Content-Type': 'text/xml;charset=UTF-8',
    'Content-Length': length,
    'x-amzn-RequestId': reply.requestId,
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  // One chunk (most replies) goes with the headers in end(); more are corked, so the headers and
  // every chunk leave in as few writes as the socket takes.
  if (chunks.length === 1) {
    response.end(chunks[0]);
    return;
  }
  response.cork();
  for (const chunk of chunks) response.write(chunk);
  response.end();
  response.uncork();
}

/** Answers before (or instead of) reading the body, and closes the connection so the rest is never read. */
function refuse(request: IncomingMessage, response: ServerResponse, error: Ec2ApiError): void {
  const requestId = randomUUID();
  send(response, { status: error.status, requestId, body: errorEnvelope(error, requestId) }, true);
  request.removeAllListeners('data');
  request.resume();
}
