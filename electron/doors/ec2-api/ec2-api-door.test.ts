import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiAccess } from '../../../shared/lab-operations';
import { createEngine } from '../../engine/engine';
import { MemoryStateStore } from '../../engine/state/state-store';
import { ACCESS_KEY_FILE_NAME } from './access-key-file';
import { API_PORT_FILE_NAME, loadApiPort, saveApiPort } from './api-port-setting';
import type { AccessKeyPair } from './access-keys';
import { startEc2ApiDoor, type RunningEc2ApiDoor } from './ec2-api-door';

const regionsVia = async (url: string, credentials: AccessKeyPair) => {
  const client = new EC2Client({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const { Regions } = await client.send(new DescribeRegionsCommand({}));
  client.destroy();
  return Regions!.length;
};

describe('the EC2 API door as a host starts it', () => {
  const engine = createEngine({ store: new MemoryStateStore() });
  let directory: string;
  let door: RunningEc2ApiDoor | undefined;
  const lines: string[] = [];
  const start = (env?: Record<string, string>, apiPort: number | 'not given' = 0, savedPort?: number) => {
    directory = mkdtempSync(join(tmpdir(), 'ec2lab-door-'));
    if (savedPort !== undefined) saveApiPort(join(directory, API_PORT_FILE_NAME), savedPort);
    return startEc2ApiDoor({
      engine,
      dataDirectory: directory,
      apiPort: apiPort === 'not given' ? undefined : apiPort,
      log: (line) => lines.push(line),
      env,
      registerApiAccess: (provider) => engine.setApiAccessProvider(provider),
    });
  };
  const lab = <T>(operation: 'GetApiAccess' | 'RegenerateApiAccessKey') => {
    const result = engine.dispatch({ service: 'lab', operation, input: {} });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  afterEach(async () => {
    await door?.close();
    door = undefined;
    rmSync(directory, { recursive: true, force: true });
  });
  afterAll(() => engine.close());

  it('makes the key pair in the data directory on first start and answers requests signed with it', async () => {
    door = await start();
    const keys = JSON.parse(readFileSync(join(directory, ACCESS_KEY_FILE_NAME), 'utf8')) as AccessKeyPair;
    expect(door.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await regionsVia(door.url, keys)).toBeGreaterThan(0);
    expect(lines.at(-1)).toContain(keys.accessKeyId);
    expect(lines.at(-1)).not.toContain(keys.secretAccessKey);
  });

  it('takes the key pair from EC2LAB_ACCESS_KEY_ID / EC2LAB_SECRET_ACCESS_KEY when set', async () => {
    const keys = { accessKeyId: 'AKIAEC2LABTESTKEY001', secretAccessKey: 'test-secret-from-the-environment' };
    door = await start({ EC2LAB_ACCESS_KEY_ID: keys.accessKeyId, EC2LAB_SECRET_ACCESS_KEY: keys.secretAccessKey });
    expect(await regionsVia(door.url, keys)).toBeGreaterThan(0);
  });

  it('tells the engine its endpoint and key, and a regenerated key replaces the old one at once', async () => {
    door = await start();
    const before = lab<ApiAccess>('GetApiAccess');
    expect(before).toMatchObject({ Available: true, Endpoint: door.url, KeySource: 'generated' });
    const old = { accessKeyId: before.AccessKeyId!, secretAccessKey: before.SecretAccessKey! };
    expect(await regionsVia(door.url, old)).toBeGreaterThan(0);

    const after = lab<ApiAccess>('RegenerateApiAccessKey');
    expect(after.AccessKeyId).not.toBe(old.accessKeyId);
    const fresh = { accessKeyId: after.AccessKeyId!, secretAccessKey: after.SecretAccessKey! };
    expect(JSON.parse(readFileSync(join(directory, ACCESS_KEY_FILE_NAME), 'utf8'))).toEqual(fresh);
    expect(await regionsVia(door.url, fresh)).toBeGreaterThan(0);
    await expect(regionsVia(door.url, old)).rejects.toMatchObject({ name: 'AuthFailure' });

    await door.close();
    door = undefined;
    expect(lab<ApiAccess>('GetApiAccess')).toMatchObject({ Available: false });
  });

  it('says why the API is unavailable when its port is taken, and keeps running without it', async () => {
    const blocker = await occupy();
    const port = (blocker.address() as AddressInfo).port;
    try {
      door = await start(undefined, port);
      expect(door.url).toBe('');
      const access = lab<ApiAccess>('GetApiAccess');
      expect(access.Available).toBe(false);
      expect(access.Reason).toContain(`Port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });

  it('moves to the port chosen in the lab, remembers it, and refuses while --api-port is in force', async () => {
    const [first, second] = [await freePort(), await freePort()];
    door = await start(undefined, 'not given', first);
    expect(lab<ApiAccess>('GetApiAccess')).toMatchObject({ Port: first, PortSource: 'setting' });
    const keys = lab<ApiAccess>('GetApiAccess');
    const pair = { accessKeyId: keys.AccessKeyId!, secretAccessKey: keys.SecretAccessKey! };

    const moved = nextAccessEvent();
    const interim = setPort(second);
    expect(interim.ok && (interim.value as ApiAccess).Notice).toBe(`Moving the EC2 API to port ${second}…`);
    expect((await moved).Endpoint).toBe(`http://127.0.0.1:${second}/`);
    expect(door.url).toBe(`http://127.0.0.1:${second}/`);
    expect(await regionsVia(`http://127.0.0.1:${second}/`, pair)).toBeGreaterThan(0);
    await expect(regionsVia(`http://127.0.0.1:${first}/`, pair)).rejects.toThrow();
    expect(loadApiPort(join(directory, API_PORT_FILE_NAME))).toBe(second);

    // A taken port: the API stays where it is, and says why.
    const blocker = await occupy();
    try {
      const refused = nextAccessEvent();
      setPort((blocker.address() as AddressInfo).port);
      expect((await refused).Notice).toContain(`The EC2 API stays on port ${second}.`);
      expect(await regionsVia(`http://127.0.0.1:${second}/`, pair)).toBeGreaterThan(0);
    } finally {
      blocker.close();
    }

    expect(setPort(80)).toMatchObject({ ok: false, error: { code: 'InvalidParameterValue' } });
    await door.close();
    door = await start();
    expect(setPort(second)).toMatchObject({ ok: false, error: { code: 'OperationNotPermitted' } });
  });

  function setPort(port: number) {
    return engine.dispatch({ service: 'lab', operation: 'SetApiPort', input: { Port: port } });
  }

  function nextAccessEvent(): Promise<ApiAccess> {
    return new Promise((resolve) => {
      const stop = engine.onEvent((event) => {
        if (event.type === 'api-access' && !event.access.Notice?.startsWith('Moving')) {
          stop();
          resolve(event.access);
        }
      });
    });
  }
});

function occupy(): Promise<Server> {
  const blocker = createServer();
  return new Promise((resolve) => blocker.listen(0, '127.0.0.1', () => resolve(blocker)));
}

async function freePort(): Promise<number> {
  const server = await occupy();
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
