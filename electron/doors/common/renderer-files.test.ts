import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRendererFile } from './renderer-files';

describe('findRendererFile', () => {
  let parent: string;
  let root: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'ec2lab-renderer-'));
    root = join(parent, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'noto-sans-kr-119-400-normal-1a2b.woff2'), 'wOF2');
    writeFileSync(join(parent, 'secret.txt'), 'not for the page');
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('serves index.html for / and files with their content type', async () => {
    expect(await findRendererFile(root, '/')).toEqual({
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect((await findRendererFile(root, '/assets/app-1a2b.js'))?.contentType).toBe('text/javascript; charset=utf-8');
    expect((await findRendererFile(root, '/assets/app-1a2b.css'))?.contentType).toBe('text/css; charset=utf-8');
    // The slices of the bundled Korean font, with their registered type (both doors send nosniff).
    expect((await findRendererFile(root, '/assets/noto-sans-kr-119-400-normal-1a2b.woff2'))?.contentType).toBe(
      'font/woff2',
    );
  });

  it('falls back to the app for an extension-less route, but not for a missing asset', async () => {
    expect((await findRendererFile(root, '/instances/i-0123'))?.path).toBe(join(root, 'index.html'));
    expect(await findRendererFile(root, '/assets/missing.js')).toBeUndefined();
  });

  it('never leaves the renderer directory', async () => {
    expect(await findRendererFile(root, '/../secret.txt')).toBeUndefined();
    expect(await findRendererFile(root, '/%2e%2e/secret.txt')).toBeUndefined();
    expect(await findRendererFile(root, '/..%2fsecret.txt')).toBeUndefined();
    expect(await findRendererFile(root, '/..%5csecret.txt')).toBeUndefined();
    expect(await findRendererFile(root, '/index.html%00.js')).toBeUndefined();
    expect(await findRendererFile(root, '/%E0%A4%A')).toBeUndefined();
  });
});
