/**
 * A lab behind the EC2 API door for a test file that drives it with the real @aws-sdk/client-ec2:
 * the real engine in memory (making real key pairs), the door on a free loopback port, a client per region, the lab clock
 * moved by AdvanceClock (nothing sleeps), and an SDK error as its AWS code and message.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import { createEngine, type Engine } from '../../../engine/engine';
import { nodeKeyMaker } from '../../../engine/state/node-key-maker';
import { MemoryStateStore } from '../../../engine/state/state-store';
import { createAccessKeys, type AccessKeyPair } from '../access-keys';
import { startEc2ApiServer, type Ec2ApiServer } from '../ec2-api-server';

export interface SdkLab {
  readonly keys: AccessKeyPair;
  readonly engine: Engine;
  readonly server: Ec2ApiServer;
  client(region?: string, credentials?: AccessKeyPair): EC2Client;
  advance(milliseconds: number): void;
}

/** Starts the lab before the file's tests and stops it after them. */
export function useSdkLab(): SdkLab {
  const keys = createAccessKeys();
  let engine: Engine | undefined;
  let server: Ec2ApiServer | undefined;
  beforeAll(async () => {
    engine = createEngine({ store: new MemoryStateStore(), keyMaker: nodeKeyMaker });
    server = await startEc2ApiServer({ engine, port: 0, host: '127.0.0.1', credentials: keys });
  });
  afterAll(async () => {
    await server?.close();
    engine?.close();
  });
  return {
    keys,
    get engine() {
      return engine!;
    },
    get server() {
      return server!;
    },
    client: (region = 'ap-northeast-2', credentials = keys) =>
      new EC2Client({ endpoint: `http://127.0.0.1:${server!.port}`, region, credentials, maxAttempts: 1 }),
    advance: (milliseconds) => {
      engine!.dispatch({ service: 'lab', operation: 'AdvanceClock', input: { milliseconds } });
    },
  };
}

/** The AWS error an SDK call ended with: its code (the error's name), message and HTTP status. */
export async function sdkErrorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
