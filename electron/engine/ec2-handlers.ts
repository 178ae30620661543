/**
 * Every EC2 operation the lab serves, by AWS's name, merged from the families' handlers
 * (`families.ts`). An operation lives in its family's `*-family.ts`: StopInstances in
 * `instances/instances-family.ts`, DescribeVpcs in `vpcs/vpcs-family.ts`. The type below fails to
 * compile if an operation of the contract has no handler.
 */
import type { Ec2OperationName } from '../../shared/ec2-operations';
import type { Ec2Handlers } from './ec2-handler';
import { FAMILIES } from './families';

type KeysOf<T> = T extends unknown ? keyof T : never;
type HandledOperations = KeysOf<(typeof FAMILIES)[number]['handlers']>;
type Unhandled = Exclude<Ec2OperationName, HandledOperations>;

/** Compiles only when every EC2 operation of the contract has a handler in some family. */
const EVERY_OPERATION_HANDLED: [Unhandled] extends [never] ? true : Unhandled = true;

export const EC2_HANDLERS: Ec2Handlers = Object.assign({}, ...FAMILIES.map((family) => family.handlers)) as Ec2Handlers;

void EVERY_OPERATION_HANDLED;
