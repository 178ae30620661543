/**
 * Signs a request with AWS's own signer (@smithy/signature-v4, what the SDK uses), for tests that
 * need a known-good SigV4 request without going through a whole client.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import type { AccessKeyPair } from '../access-keys';
import type { SignedRequest } from '../sigv4-verifier';

/** The SDK's `Checksum` interface over node:crypto (HMAC when given a key). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export interface RequestToSign {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  host?: string;
  region?: string;
  /** The service the request is signed for (default ec2). */
  service?: string;
  keys: AccessKeyPair;
  signingDate?: Date;
}

export async function signRequest(request: RequestToSign): Promise<SignedRequest> {
  const host = request.host ?? '127.0.0.1:4566';
  const signer = new SignatureV4({
    credentials: request.keys,
    region: request.region ?? 'ap-northeast-2',
    service: request.service ?? 'ec2',
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: request.method ?? 'POST',
      protocol: 'http:',
      hostname: host.replace(/:\d+$/, ''),
      path: request.path ?? '/',
      query: request.query ?? {},
      headers: {
        host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        ...request.headers,
      },
      body: request.body ?? '',
    },
    { signingDate: request.signingDate },
  );
  const query = new URLSearchParams(request.query ?? {}).toString().replace(/\+/g, '%20');
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = [value];
  return {
    method: signed.method,
    url: `${request.path ?? '/'}${query ? `?${query}` : ''}`,
    headers,
    body:
      typeof request.body === 'string' || request.body === undefined
        ? new TextEncoder().encode(request.body ?? '')
        : request.body,
  };
}
