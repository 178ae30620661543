/**
 * Who may talk to browser mode: only pages the server itself served. A request whose Host is not
 * 127.0.0.1:PORT or localhost:PORT is refused (DNS rebinding), and so is any request or WebSocket
 * upgrade carrying an Origin other than the server's own (cross-site requests from other pages).
 * Clients that send no Origin (curl, tests) are local programs, which the loopback bind admits.
 */
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

export function checkRequestOrigin(request: IncomingMessage, port: number): GuardVerdict {
  const host = request.headers.host?.toLowerCase();
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!host || !allowedHosts.includes(host)) return { ok: false, reason: `Host ${host ?? '(none)'} is not this lab` };

  const origin = request.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { ok: false, reason: `Origin ${origin} is not this lab` };
  }
  // Fetch Metadata: a browser tells us when a request comes from another site.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { ok: false, reason: `Sec-Fetch-Site ${site}` };
  return { ok: true };
}
