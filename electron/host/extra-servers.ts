/**
 * More servers a host starts next to the lab, each on its own 127.0.0.1 port (e.g. the EC2 Query
 * API for the AWS CLI and SDKs). To add one, write a `LabServerStarter` and append it to
 * `extraServers`; browser mode (and the desktop app) start every entry after the lab is up and
 * close them on exit.
 */
import type { DoorEngine } from '../doors/door-engine';
import { startEc2ApiDoor } from '../doors/ec2-api/ec2-api-door';
import type { ApiAccessProvider } from '../engine/lab/api-access';

export interface LabServerContext {
  engine: DoorEngine;
  dataDirectory: string;
  /** `--api-port` from the command line, when given (browser mode only). */
  apiPort?: number;
  log(line: string): void;
  /** Lets a door tell the engine how the AWS CLI reaches the lab (GetApiAccess). */
  registerApiAccess?(provider: ApiAccessProvider | undefined): void;
  /** The host's environment (browser mode: process.env), for settings such as EC2LAB_ACCESS_KEY_ID. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningLabServer {
  name: string;
  /** Where it listens, e.g. http://127.0.0.1:4566/ */
  url: string;
  close(): Promise<void>;
}

/** Starts a server, or answers undefined when it chose not to run (e.g. disabled by options). */
export type LabServerStarter = (context: LabServerContext) => Promise<RunningLabServer | undefined>;

/** The EC2 Query API on 127.0.0.1 (default port 4566) for the AWS CLI, the SDKs and Terraform. */
export const extraServers: LabServerStarter[] = [(context) => startEc2ApiDoor(context)];

/** Starts every extra server; one that fails is logged and skipped, never taking the lab down. */
export async function startExtraServers(
  context: LabServerContext,
  starters: readonly LabServerStarter[] = extraServers,
): Promise<RunningLabServer[]> {
  const running: RunningLabServer[] = [];
  for (const start of starters) {
    try {
      const server = await start(context);
      if (server) running.push(server);
    } catch (error) {
      context.log(`EC2 Lab: a server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return running;
}
