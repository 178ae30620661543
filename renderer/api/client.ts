/**
 * Typed clients over the bridge: `ec2.StopInstances(region, input)` resolves to AWS's output or
 * rejects with a ClientError carrying AWS's code and message (an ApiError in shape).
 */
import type { ApiCall, ApiError, ApiResult, Ec2Client, LabClient } from '../../shared/api';
import { EC2_OPERATION_NAMES } from '../../shared/ec2-operations';
import { LAB_OPERATION_NAMES } from '../../shared/lab-operations';
import { getBridge, type RendererBridge } from './bridge';

export class ClientError extends Error implements ApiError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

function unwrap(result: ApiResult): unknown {
  if (result.ok) return result.value;
  throw new ClientError(result.error.code, result.error.message);
}

type Operation = (...args: never[]) => Promise<unknown>;

export function createEc2Client(bridge: () => RendererBridge): Ec2Client {
  const client: Record<string, Operation> = {};
  for (const operation of EC2_OPERATION_NAMES) {
    client[operation] = async (region: string, input: unknown) =>
      unwrap(await bridge().call({ service: 'ec2', operation, region, input, caller: 'console' } as ApiCall));
  }
  return client as unknown as Ec2Client;
}

export function createLabClient(bridge: () => RendererBridge): LabClient {
  const client: Record<string, Operation> = {};
  for (const operation of LAB_OPERATION_NAMES) {
    client[operation] = async (input: unknown) =>
      unwrap(await bridge().call({ service: 'lab', operation, input } as ApiCall));
  }
  return client as unknown as LabClient;
}

/** The clients every store uses; they follow whatever bridge getBridge() currently returns. */
export const ec2: Ec2Client = createEc2Client(getBridge);
export const lab: LabClient = createLabClient(getBridge);
