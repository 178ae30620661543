/**
 * Checks a call arriving through a door (IPC or HTTP) before the engine sees it: a known service
 * and operation, a region for EC2, an input object. An EC2 input is also checked against the
 * operation's input shape in AWS's model (model-input-validator.ts), so a member of the wrong type
 * answers an AWS error (UnknownParameter, MissingParameter, InvalidParameterValue) instead of
 * reaching the engine. The engine applies AWS's rules to the values themselves; lab and terminal
 * inputs are checked by their handlers.
 */
import type { ApiCall } from '../../../shared/api';
import { EC2_OPERATION_NAMES } from '../../../shared/ec2-operations';
import { ErrorCode, type ApiError } from '../../../shared/errors';
import { LAB_OPERATION_NAMES } from '../../../shared/lab-operations';
import { TERMINAL_OPERATION_NAMES } from '../../../shared/terminal-operations';
import { validateModelInput } from './model-input-validator';

export type CallCheck = { ok: true; call: ApiCall } | { ok: false; error: ApiError };

const ec2Operations: ReadonlySet<string> = new Set(EC2_OPERATION_NAMES);
const labOperations: ReadonlySet<string> = new Set(LAB_OPERATION_NAMES);
const terminalOperations: ReadonlySet<string> = new Set(TERMINAL_OPERATION_NAMES);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const invalid = (message: string): CallCheck => ({
  ok: false,
  error: { code: ErrorCode.InvalidParameterValue, message },
});

// EC2 API Reference, "Common client errors": InvalidAction — "The action or operation requested is
// not valid"; EC2 words it "The action <name> is not valid for this web service."
const invalidAction = (name: string): CallCheck => ({
  ok: false,
  error: { code: ErrorCode.InvalidAction, message: `The action ${name} is not valid for this web service.` },
});

const describe = (value: unknown): string => (typeof value === 'string' ? value : String(JSON.stringify(value)));

/** Checks a door's payload. Calls through a door come from the console UI, so `caller` is 'console'. */
export function validateCall(payload: unknown): CallCheck {
  if (!isPlainObject(payload)) return invalid('The request must be an object with service, operation and input.');
  const { service, operation, input } = payload;
  if (typeof operation !== 'string' || operation === '') return invalid('The request must name an operation.');
  if (service === 'ec2') {
    if (!ec2Operations.has(operation)) return invalidAction(operation);
    const region = payload.region;
    if (typeof region !== 'string' || region === '') {
      return invalid(`Value (${describe(region)}) for parameter region is invalid. A region name is required.`);
    }
    if (!isPlainObject(input)) return invalid(`The input of ${operation} must be an object.`);
    const members = validateModelInput(operation, input);
    if (!members.ok) return members;
    return { ok: true, call: { service, operation, region, input, caller: 'console' } as ApiCall };
  }
  if (service === 'lab' || service === 'terminal') {
    if (!(service === 'lab' ? labOperations : terminalOperations).has(operation)) return invalidAction(operation);
    if (!isPlainObject(input)) return invalid(`The input of ${operation} must be an object.`);
    return { ok: true, call: { service, operation, input } as ApiCall };
  }
  return invalid(`Value (${describe(service)}) for parameter service is invalid. Expected 'ec2', 'lab' or 'terminal'.`);
}
