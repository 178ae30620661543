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
import { describeItems } from '../describe';
import type { Repository } from '../state/repository';
import { ACTIVITY, type ActivityRecord } from './activity-record';

export const MAX_ACTIVITY = 500;
/** Older events are dropped this many at a time (one change per 50 calls, not one per call); never shown. */
const TRIM_BATCH = 50;
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
/** Which members name resources: in a request, and in what a changing call answers. */
export interface ActivityIdKeys {
  request: readonly string[];
  created: readonly string[];
}

/** The log's event ids oldest first, as of a revision of the log: kept, so logging a call reads no other event. */
const orders = new WeakMap<Repository<ActivityRecord>, { revision: number; ids: string[] }>();

function eventIdsOldestFirst(log: Repository<ActivityRecord>): string[] {
  const known = orders.get(log);
  if (known?.revision === log.revision) return known.ids;
  const ids = [...log.values()].sort((a, b) => a.sequence - b.sequence).map((record) => record.EventId);
  orders.set(log, { revision: log.revision, ids });
  return ids;
}

export function recordActivity(ctx: EngineContext, outcome: CallOutcome, idKeys: ActivityIdKeys): ActivityEvent {
  const log = ctx.records(ACTIVITY);
  const order = eventIdsOldestFirst(log);
  const newest = order.length ? log.get(order[order.length - 1]!)!.sequence : 0;
  const parameters = toPlainJson(outcome.input) ?? {};
  const event: ActivityEvent = {
    EventId: eventId(ctx.ids.hex(32)),
    EventTime: ctx.clock.now(),
    EventName: outcome.operation,
    Caller: outcome.caller,
    Region: outcome.region,
    ReadOnly: isReadOnly(outcome.operation),
    Parameters: Object.freeze(shortenUserData(parameters)),
    ResourceIds: Object.freeze(resourceIds(outcome, idKeys)) as string[],
    // Built whole (no `delete` of an absent error): objects stay in V8's fast shape.
    ...(outcome.error ? { ErrorCode: outcome.error.code, ErrorMessage: outcome.error.message } : {}),
    CliCommand: toCliCommand(outcome.operation, parameters, outcome.region),
  };
  const record: ActivityRecord = { sequence: newest + 1, ...event };
  log.put(record.EventId, record);
  // The kept order is brought along in place (it belongs to this module alone).
  order.push(record.EventId);
  if (log.size > MAX_ACTIVITY + TRIM_BATCH) {
    for (const id of order.splice(0, log.size - MAX_ACTIVITY)) log.delete(id);
  }
  orders.set(log, { revision: log.revision, ids: order });
  // The entry is never changed (the collection is immutable) and what it holds is frozen: listeners share it.
  return event;
}

export function describeActivity(
  ctx: EngineContext,
  request: { MaxResults?: number; NextToken?: string },
): { Events: ActivityEvent[]; NextToken?: string } {
  if (request.MaxResults !== undefined && typeof request.MaxResults !== 'number') {
    throw errors.invalidParameterValue('MaxResults must be a number.');
  }
  const newestFirst = [...ctx.records(ACTIVITY).values()]
    .sort((a, b) => b.sequence - a.sequence)
    .slice(0, MAX_ACTIVITY);
  const page = describeItems(newestFirst, request, {
    filters: {},
    paging: { min: 1, max: MAX_ACTIVITY, scope: 'activity' },
    shape: toEvent,
  });
  return { Events: page.items, NextToken: page.nextToken };
}

function toEvent(record: ActivityRecord): ActivityEvent {
  const { sequence: _sequence, ...event } = record;
  return structuredClone(event);
}

/**
 * Ids the request names or a change creates, in order, without repeats: the request's members that
 * name resources (InstanceIds, Resources …), and the created ids a changing call answers, at its top
 * level or in its top-level lists (RunInstances' Instances[].InstanceId).
 */
function resourceIds(outcome: CallOutcome, idKeys: ActivityIdKeys): string[] {
  const ids = new Set<string>();
  const collect = (source: unknown, keys: readonly string[]) => {
    if (!source || typeof source !== 'object') return;
    for (const key of keys) {
      const value = (source as Record<string, unknown>)[key];
      // An empty id is AWS's "none" (CreateVolume answers SnapshotId "" for a volume made from none).
      if (typeof value === 'string' && value) ids.add(value);
      else if (Array.isArray(value)) for (const id of value) if (typeof id === 'string' && id) ids.add(id);
    }
  };
  collect(outcome.input, idKeys.request);
  if (!isReadOnly(outcome.operation) && outcome.output && typeof outcome.output === 'object') {
    collect(outcome.output, idKeys.created);
    for (const value of Object.values(outcome.output)) {
      if (Array.isArray(value)) for (const item of value) collect(item, idKeys.created);
    }
  }
  return [...ids];
}

/**
 * Plain JSON for storage, as a frozen copy: what JSON.stringify would keep (bytes become base64
 * text, Dates ISO strings, non-finite numbers and bigints text; functions and undefined vanish, or
 * become null in a list), copied directly instead of through a JSON round trip.
 */
export function toPlainJson(value: unknown): unknown {
  return plainCopy(value, false);
}

function plainCopy(value: unknown, inArray: boolean): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'object': {
      if (value === null) return null;
      if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value));
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        return plainCopy((value as { toJSON(): unknown }).toJSON(), inArray);
      }
      if (Array.isArray(value)) return Object.freeze(value.map((item) => plainCopy(item, true) ?? null));
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const member = plainCopy((value as Record<string, unknown>)[key], false);
        if (member !== undefined) copy[key] = member;
      }
      return Object.freeze(copy);
    }
    default:
      // undefined, functions and symbols: JSON leaves them out (null in a list).
      return inArray ? null : undefined;
  }
}

/** The parameters as logged: a long UserData shortened (in a copy); anything else as it is. */
function shortenUserData(parameters: unknown): unknown {
  if (!parameters || typeof parameters !== 'object') return parameters;
  const userData = (parameters as { UserData?: unknown }).UserData;
  if (typeof userData !== 'string' || userData.length <= MAX_USER_DATA_CHARS) return parameters;
  return { ...parameters, UserData: `${userData.slice(0, MAX_USER_DATA_CHARS)}… (${userData.length} characters)` };
}

/**
 * A version-4 UUID (RFC 9562) from 32 random hex digits drawn at once: the version and variant
 * digits stand in for two of them (the 16th and 20th are left out), so a seeded lab's ids stay
 * what five draws of 8, 4, 3, 3 and 12 digits gave.
 */
function eventId(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-a${hex.slice(16, 19)}-${hex.slice(20, 32)}`;
}
