/**
 * The EC2 API as a host starts it next to the lab (a `LabServerStarter` for electron/host's
 * `extraServers`): the lab's key pair from the environment (browser mode: EC2LAB_ACCESS_KEY_ID /
 * EC2LAB_SECRET_ACCESS_KEY) or from the data directory, made on first start; the port from
 * --api-port, else the one chosen in the lab, else 4566.
 */
import { join } from 'node:path';
import type { ApiAccess } from '../../../shared/lab-operations';
import type { ApiAccessProvider } from '../door-engine';
import { ACCESS_KEY_FILE_NAME, loadOrCreateAccessKeys, saveAccessKeys } from './access-key-file';
import { accessKeysFromEnv, createAccessKeys } from './access-keys';
import type { Ec2ApiEngine } from './ec2-api-handler';
import { API_PORT_FILE_NAME, loadApiPort, saveApiPort } from './api-port-setting';
import { DEFAULT_EC2_API_PORT, startEc2ApiServer, type Ec2ApiServer } from './ec2-api-server';

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
  /** Where it listens now ('' while it could not start). */
  readonly url: string;
  close(): Promise<void>;
}

type PortSource = NonNullable<ApiAccess['PortSource']>;

/**
 * Starts the EC2 API and keeps it running: on the port from --api-port, the saved setting or 4566;
 * moved to another port on request (SetApiPort) without a gap — the old server stops only once the
 * new one listens. A port that is taken is reported to the CLI access page, never fatal.
 */
export async function startEc2ApiDoor(context: Ec2ApiDoorContext): Promise<RunningEc2ApiDoor> {
  const keyFile = join(context.dataDirectory, ACCESS_KEY_FILE_NAME);
  const portFile = join(context.dataDirectory, API_PORT_FILE_NAME);
  const fromEnv = accessKeysFromEnv(context.env ?? {});
  let keys = fromEnv ?? loadOrCreateAccessKeys(keyFile);
  const saved = loadApiPort(portFile);
  const portSource: PortSource =
    context.apiPort !== undefined ? 'command-line' : saved !== undefined ? 'setting' : 'default';
  let port = context.apiPort ?? saved ?? DEFAULT_EC2_API_PORT;
  let server: Ec2ApiServer | undefined;
  let notice: string | undefined;
  let closed = false;
  let moving = Promise.resolve();

  const url = () => (server ? `http://127.0.0.1:${server.port}/` : '');
  const access = (): ApiAccess =>
    server
      ? {
          Available: true,
          Endpoint: url(),
          AccessKeyId: keys.accessKeyId,
          SecretAccessKey: keys.secretAccessKey,
          KeySource: fromEnv ? 'environment' : 'generated',
          Port: server.port,
          PortSource: portSource,
          Notice: notice,
        }
      : { Available: false, Reason: notice, Port: port, PortSource: portSource };

  const listen = (on: number) =>
    startEc2ApiServer({ engine: context.engine, port: on, host: '127.0.0.1', credentials: () => keys });

  const provider: ApiAccessProvider = {
    access,
    regenerate: () => {
      const next = createAccessKeys();
      saveAccessKeys(keyFile, next);
      keys = next;
      return access();
    },
    setPort: (next) => {
      moving = moving.then(() => move(next));
      return { ...access(), Notice: `Moving the EC2 API to port ${next}…` };
    },
  };
  const announce = () => {
    if (!closed) context.registerApiAccess?.(provider);
  };

  async function move(next: number): Promise<void> {
    if (closed) return;
    if (server?.port === next) {
      notice = undefined;
      saveApiPort(portFile, next);
      return announce();
    }
    try {
      const started = await listen(next);
      if (closed) return void (await started.close());
      const previous = server;
      server = started;
      port = next;
      notice = undefined;
      saveApiPort(portFile, next);
      await previous?.close();
      context.log(`EC2 API moved to ${url()}`);
    } catch (error) {
      notice = server
        ? `${whyNotListening(next, error)} The EC2 API stays on port ${server.port}.`
        : whyNotListening(next, error);
    }
    announce();
  }

  try {
    server = await listen(port);
    port = server.port;
    context.log(
      `EC2 API for the AWS CLI and SDKs at ${url()} (--endpoint-url ${url()}); access key id ${keys.accessKeyId}, ` +
        `secret ${fromEnv ? 'from EC2LAB_SECRET_ACCESS_KEY' : `in ${keyFile}`}`,
    );
  } catch (error) {
    notice = whyNotListening(port, error);
    context.log(`EC2 Lab: ${notice}`);
  }
  announce();

  return {
    name: 'EC2 API',
    get url() {
      return url();
    },
    close: async () => {
      closed = true;
      context.registerApiAccess?.(undefined);
      await moving;
      await server?.close();
    },
  };
}

function whyNotListening(port: number, error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
    ? `Port ${port} on 127.0.0.1 is in use by another program. Choose another port on the CLI access page, or start browser mode with --api-port N.`
    : `The EC2 API could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`;
}
