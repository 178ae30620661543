/**
 * The activity log, like CloudTrail's event history: every API call that changed something or came
 * from the CLI or an SDK, with its caller, parameters, result and equivalent CLI command. The newest
 * MAX_ACTIVITY events are kept. Reads from the console are not logged: the console describes
 * constantly to stay current, and those would bury what the learner did.
 */
import type { Caller } from '../../../shared/api';
import { toCliCommand } from '../../../shared/cli-command';
import type { ActivityEvent } from '../../../shared/lab-operations';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { paginate } from '../pagination';
import type { ActivityRecord } from './activity-record';

export const MAX_ACTIVITY = 500;
const MAX_USER_DATA_CHARS = 1024;

export interface CallOutcome {
  operation: string;
  region: string;
  caller: Caller;
  input: unknown;
  output?: unknown;
  error?: { code: string; message: string };
}

export function isReadOnly(operation: string): boolean {
  return /^(Describe|Get|List)/.test(operation);
}

export function shouldLog(outcome: CallOutcome): boolean {
  return !(outcome.caller === 'console' && isReadOnly(outcome.operation));
}

/** Adds an event to the log (within the caller's unit of work) and returns it. */
export function recordActivity(ctx: EngineContext, outcome: CallOutcome): ActivityEvent {
  const log = ctx.repos.activity;
  let newest = 0;
  let oldest: ActivityRecord | undefined;
  for (const record of log.values()) {
    newest = Math.max(newest, record.sequence);
    if (!oldest || record.sequence < oldest.sequence) oldest = record;
  }
  const parameters = toPlainJson(outcome.input) ?? {};
  const record: ActivityRecord = {
    sequence: newest + 1,
    EventId: `${ctx.ids.hex(8)}-${ctx.ids.hex(4)}-4${ctx.ids.hex(3)}-a${ctx.ids.hex(3)}-${ctx.ids.hex(12)}`,
    EventTime: ctx.clock.now(),
    EventName: outcome.operation,
    Caller: outcome.caller,
    Region: outcome.region,
    ReadOnly: isReadOnly(outcome.operation),
    Parameters: shortenUserData(parameters),
    ResourceIds: resourceIds(outcome.input, outcome.output),
    ErrorCode: outcome.error?.code,
    ErrorMessage: outcome.error?.message,
    CliCommand: toCliCommand(outcome.operation, parameters, outcome.region),
  };
  if (record.ErrorCode === undefined) delete record.ErrorCode;
  if (record.ErrorMessage === undefined) delete record.ErrorMessage;
  log.put(record.EventId, record);
  if (log.size > MAX_ACTIVITY && oldest) log.delete(oldest.EventId);
  return toEvent(record);
}

export function describeActivity(
  ctx: EngineContext,
  request: { MaxResults?: number; NextToken?: string },
): { Events: ActivityEvent[]; NextToken?: string } {
  if (request.MaxResults !== undefined && typeof request.MaxResults !== 'number') {
    throw errors.invalidParameterValue('MaxResults must be a number.');
  }
  const newestFirst = [...ctx.repos.activity.values()].sort((a, b) => b.sequence - a.sequence);
  const page = paginate(newestFirst, request, { min: 1, max: MAX_ACTIVITY, scope: 'activity' });
  return { Events: page.items.map(toEvent), NextToken: page.nextToken };
}

function toEvent(record: ActivityRecord): ActivityEvent {
  const { sequence: _sequence, ...event } = record;
  return structuredClone(event);
}

/** Ids the request names or the response creates, in order, without repeats. */
function resourceIds(input: unknown, output: unknown): string[] {
  const ids = new Set<string>();
  const request = (input ?? {}) as Record<string, unknown>;
  for (const key of ['InstanceIds', 'Resources', 'ImageIds', 'VpcIds', 'SubnetIds']) {
    const list = request[key];
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.add(id);
  }
  if (typeof request.InstanceId === 'string') ids.add(request.InstanceId);
  const created = (output as { Instances?: { InstanceId?: string }[] } | undefined)?.Instances;
  if (Array.isArray(created)) for (const instance of created) if (instance.InstanceId) ids.add(instance.InstanceId);
  return [...ids];
}

/** Plain JSON for storage: bytes become base64 text, Dates ISO strings, functions and undefined vanish. */
export function toPlainJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, raw: unknown) => {
    if (raw instanceof Uint8Array) return btoa(String.fromCharCode(...raw));
    if (typeof raw === 'bigint') return raw.toString();
    if (typeof raw === 'number' && !Number.isFinite(raw)) return String(raw);
    return raw;
  });
  return text === undefined ? undefined : JSON.parse(text);
}

function shortenUserData(parameters: unknown): unknown {
  if (!parameters || typeof parameters !== 'object') return parameters;
  const copy = { ...(parameters as Record<string, unknown>) };
  if (typeof copy.UserData === 'string' && copy.UserData.length > MAX_USER_DATA_CHARS) {
    copy.UserData = `${copy.UserData.slice(0, MAX_USER_DATA_CHARS)}… (${copy.UserData.length} characters)`;
  }
  return copy;
}
