/**
 * Browser mode's HTTP server, bound to 127.0.0.1 only: the built renderer, POST /api/call and the
 * /api/events WebSocket. Every request and upgrade first passes the origin guard.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WEB_API_PATHS } from '../../../shared/api';
import { ErrorCode } from '../../../shared/errors';
import { contentSecurityPolicy } from '../common/content-security-policy';
import type { DoorEngine } from '../door-engine';
import { handleApiCall } from './api-handler';
import { createEventSocket } from './event-socket';
import { checkRequestOrigin } from './origin-guard';
import { sendApiError, sendText } from './responses';
import { serveStaticFile } from './static-files';

export const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  engine: DoorEngine;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer, normally dist/renderer. */
  rendererDirectory: string;
}

export interface WebServer {
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

export async function startWebServer({ engine, port, rendererDirectory }: WebServerOptions): Promise<WebServer> {
  const events = createEventSocket(engine);
  let boundPort = port;
  let csp = '';

  // A stalled client is dropped: headers within 30 s, a request within 60 s (an import may be large),
  // checked every second; idle keep-alive connections close after 5 s.
  const limits = {
    requestTimeout: 60_000,
    headersTimeout: 30_000,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
  };
  const server = createServer(limits, (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('EC2 Lab: request failed', error);
      sendApiError(response, 500, ErrorCode.InternalError, 'An internal error has occurred.');
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = checkRequestOrigin(request, boundPort);
    if (!verdict.ok) {
      request.resume();
      sendText(response, 403, `Forbidden: ${verdict.reason}.`, { Connection: 'close' });
      return;
    }
    const pathname = pathnameOf(request);
    if (pathname === undefined) {
      request.resume();
      sendText(response, 400, 'Bad Request');
      return;
    }
    if (pathname === WEB_API_PATHS.call) return handleApiCall(request, response, engine);
    if (pathname.startsWith('/api/')) {
      request.resume();
      sendApiError(response, 404, ErrorCode.InvalidAction, `No lab API at ${pathname}.`);
      return;
    }
    return serveStaticFile(request, response, rendererDirectory, csp);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = checkRequestOrigin(request, boundPort);
    const pathname = pathnameOf(request);
    if (!verdict.ok) return refuseUpgrade(socket, '403 Forbidden');
    if (pathname !== WEB_API_PATHS.events) return refuseUpgrade(socket, '404 Not Found');
    events.accept(request, socket, head);
  });

  // Malformed HTTP from a client: answer 400 and hang up, never crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  csp = contentSecurityPolicy([`ws://${LOOPBACK}:${boundPort}`, `ws://localhost:${boundPort}`]);

  return {
    port: boundPort,
    url: `http://${LOOPBACK}:${boundPort}/`,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request's path, or undefined when its target is not a URL (never throws). */
function pathnameOf(request: IncomingMessage): string | undefined {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return undefined;
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}
