import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, respondWithRendererFile } from './app-protocol';

describe('app:// protocol', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-app-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>EC2 Lab</title>');
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'assets', 'noto-sans-kr-119-400-normal-1a2b.woff2'), 'wOF2');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('recognises only its own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://ec2lab/instances')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://ec2lab/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves the renderer with a strict CSP', async () => {
    const response = await respondWithRendererFile(directory, new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(await response.text()).toContain('EC2 Lab');
  });

  it('serves the bundled Korean font as font/woff2, which the CSP lets the page load', async () => {
    const url = 'app://ec2lab/assets/noto-sans-kr-119-400-normal-1a2b.woff2';
    const response = await respondWithRendererFile(directory, new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('font/woff2');
    expect(response.headers.get('content-security-policy')).toContain("font-src 'self' data:");
    expect(await response.text()).toBe('wOF2');
  });

  it('answers 404 for missing files and other hosts', async () => {
    expect((await respondWithRendererFile(directory, new Request('app://ec2lab/assets/x.js'))).status).toBe(404);
    expect((await respondWithRendererFile(directory, new Request('app://other/index.html'))).status).toBe(404);
  });
});
