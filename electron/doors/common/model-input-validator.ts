/**
 * Checks an EC2 call's input from a console door (IPC, browser mode) against the operation's input
 * shape in AWS's model, generically: no per-operation code. The input is the SDK v3 request object
 * the engine takes (`{ Filters: [{ Name, Values }] }`), so a member is named by its model member
 * name, never by its Query name (`Filter.1.Name`).
 *
 * The rules mirror the EC2 Query API door's parser (../ec2-api/query-input-parser.ts), with the same
 * codes and messages (EC2 API Reference, "Common client errors"):
 * - a structure is a plain object whose keys are member names; any other key is UnknownParameter
 *   ("The parameter X is not recognized"); a required member that is absent (or undefined) is
 *   MissingParameter ("The request must contain the parameter X");
 * - a value of the wrong type is InvalidParameterValue ("Value (v) for parameter X is invalid.
 *   Expected: 'Integer'."), with the parser's words for the expected type;
 * - strings are free: AWS's Query layer enforces neither enums nor lengths, and nor does the parser;
 *   the engine applies the rules AWS applies to each value;
 * - integers are whole numbers within 32 bits, longs are safe integers, floats and doubles finite;
 *   timestamps are a valid Date, an ISO 8601 string or an epoch number; blobs are bytes
 *   (Uint8Array) only: IPC carries them as they are and the web door's JSON as {"$bytes": base64}
 *   (shared/wire-codec.ts), so base64 text is a string, never a blob.
 * `null` is a value of the wrong type, never "absent": the engine takes undefined as absent only.
 *
 * Parameters are named by their path in the request object, as the caller wrote it:
 * `Filters[0].Name`, `TagSpecifications[1].Tags[0].Key`, and `Name["key"]` for a map entry.
 *
 * Guards, so hostile input (IPC can carry shared references, so a small message can stand for a huge
 * tree) cannot make a check slow: at most 20 levels of nesting, 1,000 members per list (the model
 * gives lists no maximum) and 100,000 values per request. Checks stop at the first error.
 */
import { ErrorCode, type ApiError } from '../../../shared/errors';
import { findOperation, resolveShape, type Shape } from './ec2-model';
import { parameterErrors } from './parameter-errors';

export type InputCheck = { ok: true } | { ok: false; error: ApiError };

export const INPUT_LIMITS = { depth: 20, listMembers: 1000, values: 100_000 } as const;

/** Stops a check at its first error; caught in validateShapeInput, never escapes it. */
class InputError {
  constructor(readonly error: ApiError) {}
}

/** The error the Query door would raise, as plain ApiError data (what doors carry). */
const fail = (error: ApiError): never => {
  throw new InputError(error);
};

const limit = (message: string): never => fail({ code: ErrorCode.InvalidParameterValue, message });

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** Checks `input` against the model's input shape of EC2 operation `operation`. Never throws. */
export function validateModelInput(operation: string, input: unknown): InputCheck {
  let shape: Shape | undefined;
  try {
    const model = findOperation(operation);
    if (!model) return { ok: false, error: parameterErrors.invalidAction(operation) };
    shape = model.input;
  } catch {
    return { ok: false, error: parameterErrors.internalError() };
  }
  return validateShapeInput(shape, input);
}

/** Checks `input` against an input shape (undefined: the operation takes no parameters). Never throws. */
export function validateShapeInput(shape: Shape | undefined, input: unknown): InputCheck {
  try {
    // An operation without parameters has no input shape: only an empty object fits it.
    checkStructure(shape ?? EMPTY_STRUCTURE, input, '', 0, { values: 0 });
    return { ok: true };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: error.error };
    // A bug here must not take the door down; the engine would answer InternalError the same way.
    return { ok: false, error: parameterErrors.internalError() };
  }
}

const EMPTY_STRUCTURE: Shape = { type: 'structure', members: {}, required: [] };

interface Walk {
  /** Values visited so far in this request. */
  values: number;
}

function checkValue(shape: Shape, value: unknown, path: string, depth: number, walk: Walk): void {
  if (++walk.values > INPUT_LIMITS.values) {
    limit(`The request has more than ${INPUT_LIMITS.values} parameter values.`);
  }
  if (depth > INPUT_LIMITS.depth) {
    limit(`The parameter ${path} is nested more than ${INPUT_LIMITS.depth} levels deep.`);
  }
  switch (shape.type) {
    case 'structure':
      return checkStructure(shape, value, path, depth, walk);
    case 'list':
      return checkList(shape, value, path, depth, walk);
    case 'map':
      return checkMap(shape, value, path, depth, walk);
    default:
      return checkScalar(shape, value, path);
  }
}

function checkStructure(shape: Shape, value: unknown, path: string, depth: number, walk: Walk): void {
  if (!isPlainObject(value)) return invalid(path, value, 'structure');
  for (const name of Object.keys(value)) {
    const memberPath = path ? `${path}.${name}` : name;
    // Own members only: `constructor` or `__proto__` are not members of any shape.
    if (!Object.hasOwn(shape.members, name)) fail(parameterErrors.unknownParameter(memberPath));
    const member = value[name];
    if (member !== undefined) checkValue(resolveShape(shape.members[name]!), member, memberPath, depth + 1, walk);
  }
  for (const name of shape.required) {
    if (!Object.hasOwn(value, name) || value[name] === undefined) {
      fail(parameterErrors.missingParameter(path ? `${path}.${name}` : name));
    }
  }
}

function checkList(shape: Shape, value: unknown, path: string, depth: number, walk: Walk): void {
  if (!Array.isArray(value)) return invalid(path, value, 'list');
  if (value.length > INPUT_LIMITS.listMembers) {
    limit(`The parameter ${path} has ${value.length} members; EC2 Lab accepts at most ${INPUT_LIMITS.listMembers}.`);
  }
  const member = resolveShape(shape.member ?? {});
  // An index loop, so a hole in a sparse array is checked (as undefined) rather than skipped.
  for (let index = 0; index < value.length; index++) {
    checkValue(member, value[index], `${path}[${index}]`, depth + 1, walk);
  }
}

function checkMap(shape: Shape, value: unknown, path: string, depth: number, walk: Walk): void {
  if (!isPlainObject(value)) return invalid(path, value, 'map');
  const keyShape = resolveShape(shape.key ?? {});
  const valueShape = resolveShape(shape.value ?? {});
  for (const key of Object.keys(value)) {
    const entryPath = `${path}[${JSON.stringify(truncate(key, 100))}]`;
    checkScalar(keyShape, key, entryPath);
    checkValue(valueShape, value[key], entryPath, depth + 1, walk);
  }
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const INT32 = { min: -2147483648, max: 2147483647 };

/** The parser's rules for each scalar type, on the values JSON, the wire codec and IPC can carry. */
function checkScalar(shape: Shape, value: unknown, path: string): void {
  switch (shape.type) {
    case 'boolean':
      if (typeof value !== 'boolean') invalid(path, value, 'Boolean');
      return;
    case 'integer':
      if (!Number.isInteger(value) || (value as number) < INT32.min || (value as number) > INT32.max) {
        invalid(path, value, 'Integer');
      }
      return;
    case 'long':
      if (!Number.isSafeInteger(value)) invalid(path, value, 'Long');
      return;
    case 'float':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        invalid(path, value, shape.type === 'float' ? 'Float' : 'Double');
      }
      return;
    case 'timestamp':
      if (!isTimestamp(value)) invalid(path, value, 'Timestamp (ISO 8601)');
      return;
    case 'blob':
      if (!(value instanceof Uint8Array)) invalid(path, value, 'Blob (bytes)');
      return;
    default:
      if (typeof value !== 'string') invalid(path, value, 'String');
  }
}

function isTimestamp(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(new Date(value).getTime());
}

function invalid(path: string, value: unknown, expected: string): never {
  // The request object itself has no parameter name; the doors call it the input.
  return fail(parameterErrors.invalidValue(path || 'input', preview(value), expected));
}

/**
 * At most ~200 characters of a value for a message, as JSON-like text (a string as itself, as EC2
 * echoes a parameter). Bounded by a budget, so a huge, deep or cyclic value costs little.
 */
function preview(value: unknown): string {
  if (typeof value === 'string') return value;
  const budget = { left: 200 };
  const text = render(value, budget);
  return budget.left < 0 ? `${text.slice(0, 200)}…` : text;
}

function render(value: unknown, budget: { left: number }): string {
  if (budget.left < 0) return '';
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(truncate(value, Math.max(budget.left, 0)));
  else if (value === undefined) text = 'undefined';
  else if (typeof value !== 'object' || value === null) text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (value instanceof Uint8Array) text = `Uint8Array(${value.length})`;
  else if (Array.isArray(value)) {
    budget.left -= 2;
    const items: string[] = [];
    for (let index = 0; index < value.length && budget.left >= 0; index++) items.push(render(value[index], budget));
    return `[${items.join(',')}]`;
  } else if (isPlainObject(value)) {
    budget.left -= 2;
    const entries: string[] = [];
    for (const key of Object.keys(value)) {
      if (budget.left < 0) break;
      const name = JSON.stringify(truncate(key, Math.max(budget.left, 0)));
      budget.left -= name.length + 1;
      entries.push(`${name}:${render(value[key], budget)}`);
    }
    return `{${entries.join(',')}}`;
  } else text = Object.prototype.toString.call(value);
  budget.left -= text.length + 1;
  return text;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
