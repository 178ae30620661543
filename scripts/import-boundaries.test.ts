/**
 * The layers of the house (STYLE.md) are enforced by ESLint (eslint.config.js). This proves the
 * rules bite: a wrong import in each layer fails lint, and the right ones pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports') || m.ruleId === 'no-restricted-globals')
    .map((m) => code.split('\n')[m.line - 1]);
}

describe('import boundaries', () => {
  it('shared/ imports only shared/ and, as types only, the AWS SDK', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      "import { Ec2Error } from '../electron/engine/errors';",
      "import { EC2Client } from '@aws-sdk/client-ec2';",
      "import { ref } from 'vue';",
      "import type { Instance } from '@aws-sdk/client-ec2';",
      "import type { ApiError } from './errors';",
      "import { encodeWire } from './wire-codec';",
      'export const x: unknown[] = [app, readFileSync, Ec2Error, EC2Client, ref, encodeWire];',
      'export type Y = Instance | ApiError;',
    ].join('\n');
    expect(await restrictedImports('shared/probe.ts', code)).toEqual([
      "import { app } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      "import { Ec2Error } from '../electron/engine/errors';",
      "import { EC2Client } from '@aws-sdk/client-ec2';",
      "import { ref } from 'vue';",
    ]);
  });

  it('the engine imports no Electron, door, host or UI code', async () => {
    const code = [
      "import { app } from 'electron';",
      "import { startLab } from '../host/start-lab';",
      "import { startWebServer } from '../doors/web/server';",
      "import { ref } from 'vue';",
      "import { defineStore } from 'pinia';",
      "import { api } from '../../renderer/api/client';",
      "import { DatabaseSync } from 'node:sqlite';",
      "import { Ec2Error } from './errors';",
      "import type { ApiCall } from '../../shared/api';",
      'export const x: unknown[] = [app, startLab, startWebServer, ref, defineStore, api, DatabaseSync, Ec2Error];',
      'export type Y = ApiCall;',
    ].join('\n');
    expect(await restrictedImports('electron/engine/probe.ts', code)).toEqual(code.split('\n').slice(0, 6));
  });

  it('the renderer imports no electron/, Electron, Node built-in or ws', async () => {
    const code = [
      "import { ipcRenderer } from 'electron';",
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import WebSocket from 'ws';",
      "import { Ec2Error } from '../electron/engine/errors';",
      "import { encodeWire } from '../shared/wire-codec';",
      "import { ref } from 'vue';",
      'export const x: unknown[] = [ipcRenderer, readFileSync, join, WebSocket, Ec2Error, encodeWire, ref];',
    ].join('\n');
    const lines = await restrictedImports('renderer/probe.ts', code);
    expect([...new Set(lines)]).toEqual(code.split('\n').slice(0, 5));
  });
});
