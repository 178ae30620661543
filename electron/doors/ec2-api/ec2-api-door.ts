/**
 * The EC2 API as a host starts it next to the lab (a `LabServerStarter` for electron/host's
 * `extraServers`): the lab's key pair from the environment (browser mode: EC2LAB_ACCESS_KEY_ID /
 * EC2LAB_SECRET_ACCESS_KEY) or from the data directory, made on first start; the port the host was
 * given, else 4566.
 */
import { join } from 'node:path';
import type { ApiAccess } from '../../../shared/lab-operations';
import type { ApiAccessProvider } from '../../engine/lab/api-access';
import { ACCESS_KEY_FILE_NAME, loadOrCreateAccessKeys, saveAccessKeys } from './access-key-file';
import { accessKeysFromEnv, createAccessKeys } from './access-keys';
import type { Ec2ApiEngine } from './ec2-api-handler';
import { DEFAULT_EC2_API_PORT, startEc2ApiServer } from './ec2-api-server';

export interface Ec2ApiDoorContext {
  engine: Ec2ApiEngine;
  dataDirectory: string;
  apiPort?: number;
  log(line: string): void;
  /** Where EC2LAB_ACCESS_KEY_ID / EC2LAB_SECRET_ACCESS_KEY are read from (browser mode passes process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Tells the engine how the CLI reaches the lab (the CLI access page shows it); undefined when closed. */
  registerApiAccess?(provider: ApiAccessProvider | undefined): void;
}

export interface RunningEc2ApiDoor {
  name: string;
  url: string;
  close(): Promise<void>;
}

export async function startEc2ApiDoor(context: Ec2ApiDoorContext): Promise<RunningEc2ApiDoor> {
  const keyFile = join(context.dataDirectory, ACCESS_KEY_FILE_NAME);
  const fromEnv = accessKeysFromEnv(context.env ?? {});
  let keys = fromEnv ?? loadOrCreateAccessKeys(keyFile);
  const port = context.apiPort ?? DEFAULT_EC2_API_PORT;
  let server;
  try {
    server = await startEc2ApiServer({ engine: context.engine, port, host: '127.0.0.1', credentials: () => keys });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `Port ${port} on 127.0.0.1 is in use by another program. Start browser mode with --api-port N to choose another port.`
        : `The EC2 API could not start: ${error instanceof Error ? error.message : String(error)}`;
    context.registerApiAccess?.({
      access: () => ({ Available: false, Reason: reason }),
      regenerate: () => ({ Available: false, Reason: reason }),
    });
    throw error;
  }
  const url = `http://127.0.0.1:${server.port}/`;
  const access = (): ApiAccess => ({
    Available: true,
    Endpoint: url,
    AccessKeyId: keys.accessKeyId,
    SecretAccessKey: keys.secretAccessKey,
    KeySource: fromEnv ? 'environment' : 'generated',
  });
  context.registerApiAccess?.({
    access,
    regenerate: () => {
      const next = createAccessKeys();
      saveAccessKeys(keyFile, next);
      keys = next;
      return access();
    },
  });
  context.log(
    `EC2 API for the AWS CLI and SDKs at ${url} (--endpoint-url ${url}); access key id ${keys.accessKeyId}, ` +
      `secret ${fromEnv ? 'from EC2LAB_SECRET_ACCESS_KEY' : `in ${keyFile}`}`,
  );
  return {
    name: 'EC2 API',
    url,
    close: async () => {
      context.registerApiAccess?.(undefined);
      await server.close();
    },
  };
}
