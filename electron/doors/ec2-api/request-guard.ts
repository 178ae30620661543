/**
 * The fences a loopback API keeps before it reads a body: the request must be addressed to the
 * loopback host (so a web page cannot reach it through DNS rebinding), must not come from a web
 * page at all (browsers send `Origin`; the CLI and SDKs do not), must use GET or POST, and must
 * not announce a body larger than the limit.
 */
import { apiErrors, type Ec2ApiError } from './ec2-api-errors';

export interface RequestHead {
  method: string;
  headers: Readonly<Record<string, readonly string[] | undefined>>;
}

/** `127.0.0.1`, `localhost` or `[::1]`, with an optional port. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:[0-9]{1,5})?$/i;

export function refuseRequest(head: RequestHead, maxBodyBytes: number): Ec2ApiError | undefined {
  const hosts = head.headers['host'] ?? [];
  if (hosts.length !== 1 || !LOOPBACK_HOST.test(hosts[0]!)) return apiErrors.foreignHost(hosts.join(', '));
  // Any Origin, "null" too (sandboxed frames, file: pages), means a browser made the request.
  if (head.headers['origin'] !== undefined) return apiErrors.browserOrigin();
  if (head.method !== 'GET' && head.method !== 'POST') return apiErrors.methodNotAllowed(head.method);
  const length = Number(head.headers['content-length']?.[0] ?? 0);
  if (length > maxBodyBytes) return apiErrors.tooLarge(maxBodyBytes);
  return undefined;
}
