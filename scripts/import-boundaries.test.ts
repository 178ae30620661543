/**
 * The layers of the house (STYLE.md) are allow-lists in eslint.config.js, checked by
 * scripts/eslint-rules/allowed-imports.js. This proves they bite: a probe file in each layer
 * imports what it must not (each such line must be refused) and what it may (each must pass),
 * including the holes a review found in the old deny-lists, and a folder no entry names.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The lines of `code` that ESLint's `ruleId` reports when the code sits at `filePath`. */
async function reportedLines(filePath: string, code: string, ruleId = 'local/allowed-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((message) => message.fatal);
  expect(fatal).toEqual([]);
  const lines = code.split('\n');
  return [...new Set(result!.messages.filter((m) => m.ruleId === ruleId).map((m) => lines[m.line - 1]!))];
}

interface Probe {
  /** Where the probe pretends to live. */
  file: string;
  refused: string[];
  allowed: string[];
}

async function expectProbe({ file, refused, allowed }: Probe): Promise<void> {
  const code = [...refused, ...allowed].join('\n');
  expect(await reportedLines(file, code)).toEqual(refused);
}

// The first probe pays ESLint's start (its config and TypeScript): slow on a busy machine.
describe('import allow-lists', { timeout: 30_000 }, () => {
  it('shared/ imports only shared/ and, as types only, the AWS SDK', async () => {
    await expectProbe({
      file: 'shared/probe.ts',
      refused: [
        "import { app } from 'electron';",
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'path';",
        "import { Ec2Error } from '../electron/engine/errors';",
        "import { EC2Client } from '@aws-sdk/client-ec2';",
        "import { ref } from 'vue';",
        "import { api } from '../renderer/api/client';",
      ],
      allowed: [
        "import type { Instance } from '@aws-sdk/client-ec2';",
        "import { type Reservation } from '@aws-sdk/client-ec2';",
        "import type { ApiError } from './errors';",
        "import { MAX_TAGS } from './rules/tags';",
      ],
    });
  });

  it('the engine imports only itself, shared/, its catalog and AWS types; no child processes, e2e, doors or UI', async () => {
    await expectProbe({
      file: 'electron/engine/instances/probe.ts',
      refused: [
        "import { spawn } from 'node:child_process';",
        "import { readFileSync } from 'node:fs';",
        "import { startWebServer } from '../../../e2e/support/web-server';",
        "import type { DoorEngine } from '../../doors/door-engine';",
        "import { startLab } from '../../host/start-lab';",
        "import { useInstancesStore } from '../../../renderer/stores/instances';",
        "import { app } from 'electron';",
        "import { ref } from 'vue';",
        "import WebSocket from 'ws';",
        "import { describe } from 'vitest';",
        "import { EC2Client } from '@aws-sdk/client-ec2';",
        "export { execFile } from 'node:child_process';",
        "const child = await import('node:child_process');",
        "const { exec } = require('node:child_process');",
        "type Stats = import('node:fs').Stats;",
      ],
      allowed: [
        "import { engineErrors } from '../errors';",
        "import type { ApiCall } from '../../../shared/api';",
        "import regions from '../../../resources/catalog/regions.json';",
        "import type { Instance } from '@aws-sdk/client-ec2';",
        "type Reservation = import('@aws-sdk/client-ec2').Reservation;",
        "export { findInstances } from './find-instances';",
      ],
    });
  });

  it("only the engine's state/ touches the disk through node:*", async () => {
    await expectProbe({
      file: 'electron/engine/state/probe.ts',
      refused: ["import { registerIpcDoor } from '../../doors/ipc/ipc-handler';"],
      allowed: ["import { DatabaseSync } from 'node:sqlite';", "import { renameSync } from 'node:fs';"],
    });
  });

  it('engine tests and test support may add vitest, fast-check and node:*, and nothing else', async () => {
    for (const file of ['electron/engine/instances/probe.test.ts', 'electron/engine/test-support/probe.ts']) {
      await expectProbe({
        file,
        refused: [
          "import { launchBrowser } from '../../../e2e/support/browser';",
          "import { chromium } from 'playwright-core';",
        ],
        allowed: [
          "import { describe } from 'vitest';",
          "import fc from 'fast-check';",
          "import { mkdtempSync } from 'node:fs';",
        ],
      });
    }
  });

  it('a door imports shared/, the engine port, the shared door module and its own folder only', async () => {
    await expectProbe({
      file: 'electron/doors/web/probe.ts',
      refused: [
        "import { app } from 'electron';",
        "import { useInstancesStore } from '../../../renderer/stores/instances';",
        "import { runInstances } from '../../engine/instances/run-instances';",
        "import { Engine } from '../../engine/engine';",
        "import type { ApiAccessProvider } from '../../engine/lab/api-access';",
        "import { CALL_CHANNEL } from '../ipc/channels';",
        "import { createAccessKeys } from '../ec2-api/access-keys';",
        "import { startLab } from '../../host/start-lab';",
      ],
      allowed: [
        "import WebSocket from 'ws';",
        "import { createServer } from 'node:http';",
        "import type { DoorEngine } from '../door-engine';",
        "import { validateCall } from '../common/validate-call';",
        "import { startWebServer } from './server';",
        "import type { ApiCall } from '../../../shared/api';",
      ],
    });
    await expectProbe({
      file: 'electron/doors/ipc/probe.ts',
      refused: [
        "import WebSocket from 'ws';",
        "import { startWebServer } from '../web/server';",
        "import { useInstancesStore } from '../../../renderer/stores/instances';",
      ],
      allowed: ["import { ipcMain } from 'electron';", "import { CALL_CHANNEL } from './channels';"],
    });
    await expectProbe({
      file: 'electron/doors/ec2-api/probe.ts',
      refused: [
        "import { API_NOT_RUNNING } from '../../engine/lab/api-access';",
        "import { app } from 'electron';",
        "import { validateCall } from '../../doors/web/api-handler';",
      ],
      allowed: [
        "import { apiErrors } from './ec2-api-errors';",
        "import { findOperation } from '../common/ec2-model';",
      ],
    });
  });

  it("the shared door module imports no door, and may read AWS's model", async () => {
    await expectProbe({
      file: 'electron/doors/common/probe.ts',
      refused: [
        "import { startWebServer } from '../web/server';",
        "import { apiErrors } from '../ec2-api/ec2-api-errors';",
        "import { app } from 'electron';",
        "import { Engine } from '../../engine/engine';",
      ],
      allowed: [
        "import modelText from '../../../resources/aws-model/ec2-2016-11-15.min.json?raw';",
        "import { parameterErrors } from './parameter-errors';",
        "import type { DoorEngine } from '../door-engine';",
      ],
    });
  });

  it('the engine port names engine types only, never engine code', async () => {
    await expectProbe({
      file: 'electron/doors/door-engine.ts',
      refused: ["import { API_NOT_RUNNING } from '../engine/lab/api-access';"],
      allowed: ["export type { ApiAccessProvider } from '../engine/lab/api-access';"],
    });
  });

  it('door tests may start a real engine in memory, but not reach its internals', async () => {
    await expectProbe({
      file: 'electron/doors/web/probe.test.ts',
      refused: ["import { runInstances } from '../../engine/instances/run-instances';"],
      allowed: [
        "import { describe } from 'vitest';",
        "import { createTestLab } from '../../engine/test-support/test-lab';",
        "import { Engine } from '../../engine/engine';",
        "import { MemoryStateStore } from '../../engine/state/state-store';",
        "import { EC2Client } from '@aws-sdk/client-ec2';",
      ],
    });
  });

  it('shells reach the engine through the port only, and the SSH door reaches shells through theirs', async () => {
    await expectProbe({
      file: 'electron/shell/probe.ts',
      refused: [
        "import { Engine } from '../engine/engine';",
        "import { runInstances } from '../engine/instances/run-instances';",
        "import { readFileSync } from 'node:fs';",
        "import { spawn } from 'node:child_process';",
        "import { app } from 'electron';",
        "import { startWebServer } from '../doors/web/server';",
      ],
      allowed: [
        "import type { DoorEngine } from '../doors/door-engine';",
        "import { parentPort } from 'node:worker_threads';",
        "import { openSession } from './terminal-session';",
        "import type { EngineEvent } from '../../shared/events';",
      ],
    });
    await expectProbe({
      file: 'electron/doors/ssh/probe.ts',
      refused: [
        "import { fileSystem } from '../../shell/linux/file-system';",
        "import { Engine } from '../../engine/engine';",
        "import { app } from 'electron';",
      ],
      allowed: [
        "import { Server } from 'ssh2';",
        "import type { ShellPort } from '../../shell/shell-port';",
        "import { hostKeys } from './host-keys';",
        "import type { DoorEngine } from '../door-engine';",
      ],
    });
  });

  it('a folder the table does not name imports nothing, not even its own files', async () => {
    for (const file of ['electron/sandbox/probe.ts', 'electron/probe.ts', 'tools/probe.ts']) {
      const code = [
        "import { runInstances } from '../engine/instances/run-instances';",
        "import type { ApiCall } from '../shared/api';",
        "import { helper } from './helper';",
        "import { ref } from 'vue';",
      ].join('\n');
      expect(await reportedLines(file, code)).toEqual(code.split('\n'));
    }
  });

  it('hosts compose the engine and the doors, without Electron or the renderer', async () => {
    await expectProbe({
      file: 'electron/host/probe.ts',
      refused: [
        "import { app } from 'electron';",
        "import { useInstancesStore } from '../../renderer/stores/instances';",
      ],
      allowed: [
        "import { Engine } from '../engine/engine';",
        "import { startEc2ApiDoor } from '../doors/ec2-api/ec2-api-door';",
        "import { mkdirSync } from 'node:fs';",
      ],
    });
  });

  it("the composition roots compose everything; browser mode's has no Electron", async () => {
    await expectProbe({
      file: 'electron/web-main.ts',
      refused: [
        "import { app } from 'electron';",
        "import { registerIpcDoor } from './doors/ipc/ipc-handler';",
        "import { mountApp } from '../renderer/main';",
      ],
      allowed: [
        "import { startLab } from './host/start-lab';",
        "import { startWebServer } from './doors/web/server';",
        "import { version } from '../package.json';",
        "import { resolve } from 'node:path';",
      ],
    });
    await expectProbe({
      file: 'electron/main.ts',
      refused: ["import { useInstancesStore } from '../renderer/stores/instances';", "import WebSocket from 'ws';"],
      allowed: [
        "import { app } from 'electron';",
        "import { registerIpcDoor } from './doors/ipc/ipc-handler';",
        "import { startLab } from './host/start-lab';",
      ],
    });
    await expectProbe({
      file: 'electron/preload.ts',
      refused: [
        "import { Engine } from './engine/engine';",
        "import { startLab } from './host/start-lab';",
        "import { readFileSync } from 'node:fs';",
      ],
      allowed: [
        "import { contextBridge } from 'electron';",
        "import { buildWindowApi } from './doors/ipc/window-api';",
      ],
    });
  });

  it('the renderer imports itself, shared/, Vue, Pinia, vue-i18n and AWS types only', async () => {
    await expectProbe({
      file: 'renderer/stores/probe.ts',
      refused: [
        "import { ipcRenderer } from 'electron';",
        "import { readFileSync } from 'node:fs';",
        "import { join } from 'path';",
        "import WebSocket from 'ws';",
        "import { Ec2Error } from '../../electron/engine/errors';",
        "import type { DoorEngine } from '../../electron/doors/door-engine';",
        "import { EC2Client } from '@aws-sdk/client-ec2';",
        "import { describe } from 'vitest';",
      ],
      allowed: [
        "import { ref } from 'vue';",
        "import { defineStore } from 'pinia';",
        "import { useI18n } from 'vue-i18n';",
        "import { encodeWire } from '../../shared/wire-codec';",
        "import { ec2 } from '../api/client';",
        "import type { Instance } from '@aws-sdk/client-ec2';",
      ],
    });
    await expectProbe({
      file: 'renderer/views/probe.test.ts',
      refused: ["import { startLab } from '../../electron/host/start-lab';"],
      allowed: ["import { describe } from 'vitest';", "import { mount } from '@vue/test-utils';"],
    });
  });

  it('checks the script of a single-file component too', async () => {
    const code = [
      '<script setup lang="ts">',
      "import { ipcRenderer } from 'electron';",
      "import { ref } from 'vue';",
      'const open = ref(ipcRenderer);',
      '</script>',
      '<template><p>{{ open }}</p></template>',
    ].join('\n');
    expect(await reportedLines('renderer/components/Probe.vue', code)).toEqual([
      "import { ipcRenderer } from 'electron';",
    ]);
  });

  it('end-to-end tests start the Node side but never import the renderer or Electron', async () => {
    await expectProbe({
      file: 'e2e/probe.test.ts',
      refused: ["import { useInstancesStore } from '../renderer/stores/instances';", "import { app } from 'electron';"],
      allowed: [
        "import { chromium } from 'playwright-core';",
        "import { startWebServer } from './support/web-server';",
        "import { Engine } from '../electron/engine/engine';",
      ],
    });
  });
});

describe('engine errors', () => {
  it('are built by the named factories in errors.ts only, never `new Ec2Error(` elsewhere', async () => {
    const code = [
      "import { Ec2Error } from '../errors';",
      "export const refused = new Ec2Error('InvalidVpcID.NotFound', 'The vpc ID does not exist');",
      'export const subclassed = class extends Ec2Error {};',
    ].join('\n');
    expect(await reportedLines('electron/engine/network/probe.ts', code, 'no-restricted-syntax')).toEqual([
      "export const refused = new Ec2Error('InvalidVpcID.NotFound', 'The vpc ID does not exist');",
    ]);
    const factories =
      "export const notFound = () => new Ec2Error('InvalidVpcID.NotFound', 'The vpc ID does not exist');";
    expect(await reportedLines('electron/engine/errors.ts', factories, 'no-restricted-syntax')).toEqual([]);
  });
});
