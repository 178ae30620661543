/**
 * An @aws-sdk/client-ec2 client that also times the wire: from the signed request leaving the SDK
 * to the last byte of the reply (the SDK's own parsing is the same against the lab and the bare
 * server, so it is left out). It keeps the last reply's bytes per operation, for the bare server to
 * answer the same bytes.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { Readable } from 'node:stream';
import type { Keys } from './processes';

export interface WireClient {
  client: EC2Client;
  /** Wire time of the last request, in ms. */
  lastWireMs(): number;
  /** The bytes of the last reply to `operation`'s request (as the Action parameter names it). */
  lastReply(operation: string): Buffer;
  /** The last signed request for `operation`, to replay without the SDK (valid for SigV4's 15 minutes). */
  lastRequest(operation: string): SignedRequest;
  destroy(): void;
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface HandlerRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}
interface HandlerResponse {
  response: { body: unknown };
}
interface RequestHandler {
  handle(request: HandlerRequest, options?: unknown): Promise<HandlerResponse>;
}

export function createWireClient(endpoint: string, keys: Keys, region = 'ap-northeast-2'): WireClient {
  const client = new EC2Client({ endpoint, region, credentials: keys });
  const handler = client.config.requestHandler as unknown as RequestHandler;
  const inner = handler.handle.bind(handler);
  const replies = new Map<string, Buffer>();
  const requests = new Map<string, SignedRequest>();
  let wireMs = 0;
  handler.handle = async (request, options) => {
    const body = String(request.body ?? '');
    const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body)?.[1] ?? '';
    requests.set(action, { method: request.method, path: request.path, headers: { ...request.headers }, body });
    const started = performance.now();
    const answer = await inner(request, options);
    const chunks: Buffer[] = [];
    for await (const chunk of answer.response.body as AsyncIterable<Buffer>) chunks.push(chunk);
    wireMs = performance.now() - started;
    const reply = Buffer.concat(chunks);
    replies.set(action, reply);
    answer.response.body = Readable.from([reply]);
    return answer;
  };
  return {
    client,
    lastWireMs: () => wireMs,
    lastReply: (operation) => {
      const reply = replies.get(operation);
      if (!reply) throw new Error(`no reply to ${operation} yet`);
      return reply;
    },
    lastRequest: (operation) => {
      const request = requests.get(operation);
      if (!request) throw new Error(`no request for ${operation} yet`);
      return request;
    },
    destroy: () => client.destroy(),
  };
}
