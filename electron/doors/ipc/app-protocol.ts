/**
 * The desktop window loads the renderer from app://ec2lab/, a privileged custom scheme, rather than
 * file://: it gives the page a real origin to check IPC senders against, and lets us attach the
 * Content-Security-Policy header to every file.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../common/content-security-policy';
import { findRendererFile } from '../common/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ec2lab';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL belongs to the app's own pages (Node gives non-special schemes a 'null' origin). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** What `protocol.registerSchemesAsPrivileged` needs, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Answers app:// requests with the built renderer's files. */
export async function respondWithRendererFile(rendererDirectory: string, request: Request): Promise<Response> {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (!isAppUrl(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response('Not Found', { status: 404, headers });
  }
  const file = await findRendererFile(rendererDirectory, new URL(request.url).pathname);
  if (!file) return new Response('Not Found', { status: 404, headers });
  const body = await readFile(file.path);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
}

export function registerAppProtocol(protocol: Protocol, rendererDirectory: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithRendererFile(rendererDirectory, request));
}
