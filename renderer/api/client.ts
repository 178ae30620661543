/**
 * Typed clients over the bridge: `ec2.StopInstances(region, input)` resolves to AWS's output or
 * rejects with a ClientError carrying AWS's code and message (an ApiError in shape). A call names no
 * caller: every door marks what comes through it as the console's (validateCall).
 */
import type {
  ApiError,
  ApiResult,
  Ec2Call,
  Ec2Client,
  LabCall,
  LabClient,
  TerminalCall,
  TerminalClient,
} from '../../shared/api';
import { EC2_OPERATION_NAMES, type Ec2OperationName, type Ec2Operations } from '../../shared/ec2-operations';
import { LAB_OPERATION_NAMES, type LabOperationName, type LabOperations } from '../../shared/lab-operations';
import {
  TERMINAL_OPERATION_NAMES,
  type TerminalOperationName,
  type TerminalOperations,
} from '../../shared/terminal-operations';
import { getBridge, type RendererBridge } from './bridge';

export class ClientError extends Error implements ApiError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
  }
}

/** The value of a result; the door answers each operation with that operation's output. */
function unwrap<Output>(result: ApiResult): Output {
  if (result.ok) return result.value as Output;
  throw new ClientError(result.error.code, result.error.message);
}

// Each call is checked against its own operation K; widening it to a call of any operation needs
// `as`, because TypeScript does not relate a generic K to each member of the union.
function ec2Operation<K extends Ec2OperationName>(bridge: () => RendererBridge, operation: K) {
  return async (region: string, input: Ec2Operations[K]['input']): Promise<Ec2Operations[K]['output']> => {
    const call: Ec2Call<K> = { service: 'ec2', operation, region, input };
    return unwrap(await bridge().call(call as Ec2Call));
  };
}

function labOperation<K extends LabOperationName>(bridge: () => RendererBridge, operation: K) {
  return async (input: LabOperations[K]['input']): Promise<LabOperations[K]['output']> => {
    const call: LabCall<K> = { service: 'lab', operation, input };
    return unwrap(await bridge().call(call as LabCall));
  };
}

function terminalOperation<K extends TerminalOperationName>(bridge: () => RendererBridge, operation: K) {
  return async (input: TerminalOperations[K]['input']): Promise<TerminalOperations[K]['output']> => {
    const call: TerminalCall<K> = { service: 'terminal', operation, input };
    return unwrap(await bridge().call(call as TerminalCall));
  };
}

export function createEc2Client(bridge: () => RendererBridge): Ec2Client {
  return Object.fromEntries(
    EC2_OPERATION_NAMES.map((operation) => [operation, ec2Operation(bridge, operation)]),
  ) as Ec2Client;
}

export function createLabClient(bridge: () => RendererBridge): LabClient {
  return Object.fromEntries(
    LAB_OPERATION_NAMES.map((operation) => [operation, labOperation(bridge, operation)]),
  ) as LabClient;
}

export function createTerminalClient(bridge: () => RendererBridge): TerminalClient {
  return Object.fromEntries(
    TERMINAL_OPERATION_NAMES.map((operation) => [operation, terminalOperation(bridge, operation)]),
  ) as TerminalClient;
}

/** The clients every store uses; they follow whatever bridge getBridge() currently returns. */
export const ec2: Ec2Client = createEc2Client(getBridge);
export const lab: LabClient = createLabClient(getBridge);
export const terminal: TerminalClient = createTerminalClient(getBridge);
