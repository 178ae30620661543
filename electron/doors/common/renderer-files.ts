/**
 * Finds a file of the built renderer (dist/renderer) for a URL path, for both doors (the desktop's
 * app:// protocol and browser mode's HTTP server): never outside the renderer directory, and
 * unknown extension-less paths fall back to index.html so the app's own routes reload.
 */
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface RendererFile {
  path: string;
  contentType: string;
}

/** The file to serve for a URL pathname (still percent-encoded), or undefined for 404. */
export async function findRendererFile(rendererDirectory: string, pathname: string): Promise<RendererFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const root = resolve(rendererDirectory);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;

  if (await isFile(candidate)) return { path: candidate, contentType: contentTypeOf(candidate) };
  // An app route such as /instances/i-0123 (no extension): serve the app and let it route.
  if (extname(candidate) === '') {
    const index = resolve(root, 'index.html');
    if (await isFile(index)) return { path: index, contentType: contentTypeOf(index) };
  }
  return undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
