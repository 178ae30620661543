/** Serves the built renderer (dist/renderer) under the strict Content-Security-Policy. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { findRendererFile } from '../common/renderer-files';
import { send, sendText } from './responses';

export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  rendererDirectory: string,
  contentSecurityPolicy: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const pathname = URL.parse(request.url ?? '/', 'http://127.0.0.1')?.pathname ?? '/';
  const file = await findRendererFile(rendererDirectory, pathname);
  if (!file) {
    sendText(response, 404, 'Not Found');
    return;
  }
  const body = await readFile(file.path);
  send(response, 200, file.contentType, body, {
    'Content-Security-Policy': contentSecurityPolicy,
    // Hashed asset names change with their content; the page itself is always revalidated.
    'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}
