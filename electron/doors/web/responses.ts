/**
 * Writing responses for browser mode. Every response carries the same defensive headers and
 * never a CORS header: the lab answers only its own pages.
 */
import type { ServerResponse } from 'node:http';
import type { ApiResult } from '../../../shared/api';
import { encodeWire } from '../../../shared/wire-codec';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendApiResult(response: ServerResponse, status: number, result: ApiResult): void {
  send(response, status, 'application/json; charset=utf-8', encodeWire(result), { 'Cache-Control': 'no-store' });
}

export function sendApiError(response: ServerResponse, status: number, code: string, message: string): void {
  sendApiResult(response, status, { ok: false, error: { code, message } });
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(response, status, 'text/plain; charset=utf-8', text, headers);
}

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
