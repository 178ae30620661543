/**
 * Browser mode's HTTP server, bound to 127.0.0.1 only: the built renderer, POST /api/call (one
 * call) and /api/calls (a batch), and the /api/events WebSocket. Every request and upgrade first
 * passes the origin guard; the API and the events also need the run's access token
 * (access-token.ts), which the address the server prints carries once and a cookie carries after that.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WEB_API_PATHS } from '../../../shared/api';
import { ErrorCode } from '../../../shared/errors';
import { contentSecurityPolicy } from '../common/content-security-policy';
import type { DoorEngine } from '../door-engine';
import { handleApiCall, handleApiCalls } from './api-handler';
import { createEventSocket } from './event-socket';
import { TOKEN_PARAMETER, carriesToken, sameToken, tokenCookie } from './access-token';
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
  /** The run's access token (makeAccessToken). */
  token: string;
  /** The SSH door's "Download SSH config" file, served at GET /ssh_config without the token (it holds no secret). */
  sshConfig?: () => string;
}

export const SSH_CONFIG_PATH = '/ssh_config';

export interface WebServer {
  port: number;
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** http://127.0.0.1:PORT/?token=…: the address to open, which hands the browser the token. */
  openUrl: string;
  close(): Promise<void>;
}

export async function startWebServer({
  engine,
  port,
  rendererDirectory,
  token,
  sshConfig,
}: WebServerOptions): Promise<WebServer> {
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
    const target = targetOf(request);
    if (target === undefined) {
      request.resume();
      sendText(response, 400, 'Bad Request');
      return;
    }
    const { pathname } = target;
    const offered = target.searchParams.get(TOKEN_PARAMETER);
    if (offered !== null) return exchangeToken(request, response, target, offered);
    if (pathname === WEB_API_PATHS.call || pathname === WEB_API_PATHS.calls) {
      if (!carriesToken(request, boundPort, token)) {
        request.resume();
        sendApiError(response, 401, ErrorCode.AuthFailure, NO_TOKEN);
        return;
      }
      return (pathname === WEB_API_PATHS.call ? handleApiCall : handleApiCalls)(request, response, engine);
    }
    if (pathname === SSH_CONFIG_PATH && sshConfig) {
      request.resume();
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendText(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return sendText(response, 200, sshConfig(), {
        'Content-Disposition': 'attachment; filename="lab_ssh_config"',
        'Cache-Control': 'no-store',
      });
    }
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
    const pathname = targetOf(request)?.pathname;
    if (!verdict.ok) return refuseUpgrade(socket, '403 Forbidden');
    if (pathname !== WEB_API_PATHS.events) return refuseUpgrade(socket, '404 Not Found');
    if (!carriesToken(request, boundPort, token)) return refuseUpgrade(socket, '401 Unauthorized');
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

  /**
   * The address with the token: a right token becomes this server's cookie and the browser is sent
   * to the same address without it, so the token leaves the address bar and its history.
   */
  function exchangeToken(request: IncomingMessage, response: ServerResponse, target: URL, offered: string): void {
    request.resume();
    if (!sameToken(offered, token)) {
      sendText(response, 401, `Unauthorized: ${WRONG_TOKEN}`, { Connection: 'close' });
      return;
    }
    target.searchParams.delete(TOKEN_PARAMETER);
    response.writeHead(303, {
      Location: `${target.pathname}${target.search}`,
      'Set-Cookie': tokenCookie(boundPort, token),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Length': 0,
    });
    response.end();
  }

  const url = `http://${LOOPBACK}:${boundPort}/`;
  return {
    port: boundPort,
    url,
    openUrl: `${url}?${TOKEN_PARAMETER}=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const NO_TOKEN =
  'This lab answers only the browser that opened the address it printed when it started ' +
  '(EC2 Lab ready at http://127.0.0.1:PORT/?token=…), or a script that sends Authorization: Bearer <token>.';
const WRONG_TOKEN = 'that is not this lab’s token. Open the address EC2 Lab printed when it started.';

/** The request's target as a URL, or undefined when it is not one (never throws). */
function targetOf(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}
