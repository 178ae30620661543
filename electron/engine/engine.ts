/**
 * The engine: the simulated EC2 of one lab. It owns the records, the simulation clock and the
 * event stream, and serves every operation of the shared API through `dispatch`. It knows no door:
 * IPC, browser mode and the EC2 Query API all call it the same way.
 */
import type { ApiCall, ApiResult, Ec2Call } from '../../shared/api';
import { EC2_OPERATION_NAMES } from '../../shared/ec2-operations';
import { ErrorCode } from '../../shared/errors';
import type { EngineEvent, ResourceKind } from '../../shared/events';
import {
  LAB_OPERATION_NAMES,
  type ActivityEvent,
  type ApiAccess,
  type ClockSpeed,
  type LabNotice,
  type LabStatus,
} from '../../shared/lab-operations';
import { describeActivity, recordActivity, shouldLog, type CallOutcome } from './activity/activity-log';
import type { Catalog } from './catalog/catalog';
import { loadCatalog } from './catalog/load-catalog';
import { SimulationClock } from './clock';
import type { EngineContext, LabSettingsRecord, Repositories } from './context';
import { EC2_HANDLERS } from './ec2-handlers';
import { Ec2Error, errors } from './errors';
import { IdGenerator, cryptoRandom, type RandomSource } from './ids';
import { advanceInstances } from './instances/instance-lifecycle';
import { API_NOT_RUNNING, type ApiAccessProvider } from './lab/api-access';
import { LAB_HANDLERS, type LabHost } from './lab/lab-handlers';
import { readLabFile, writeLabFile } from './lab/lab-file';
import { validateImportedRecord } from './lab/imported-records';
import { ensureDefaultVpc } from './network/default-vpc';
import { UnitOfWork } from './state/repository';
import type { StateStore, StoredRecord } from './state/state-store';

export interface EngineOptions {
  store: StateStore;
  /** Real time in epoch ms; the simulation clock runs over it. Tests pass a hand-driven function. */
  realNow?: () => number;
  random?: RandomSource;
  catalog?: Catalog;
  version?: string;
  /** The folder the host keeps the lab in, shown to the user. */
  dataDirectory?: string;
}

type Listener = (event: EngineEvent) => void;

const SETTINGS_ID = 'settings';
/** How often (real ms) a running clock is announced and saved while nothing else happens. */
const CLOCK_ANNOUNCE_MS = 5_000;

export class Engine {
  private readonly store: StateStore;
  private readonly realNow: () => number;
  private readonly catalog: Catalog;
  private readonly version: string;
  private readonly dataDirectory: string;
  private readonly work: UnitOfWork;
  private readonly repos: Repositories;
  private readonly ids: IdGenerator;
  private readonly clock: SimulationClock;
  private readonly ctx: EngineContext;
  private readonly listeners = new Set<Listener>();
  private readonly changes = new Map<string, Set<string>>();
  private lastClockAnnounce = 0;
  private apiAccess: ApiAccessProvider | undefined;
  private readonly logged: ActivityEvent[] = [];
  private closed = false;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.realNow = options.realNow ?? Date.now;
    this.catalog = options.catalog ?? loadCatalog();
    this.version = options.version ?? '0.0.0';
    this.dataDirectory = options.dataDirectory ?? this.store.location;
    this.ids = new IdGenerator(options.random ?? cryptoRandom);
    this.work = new UnitOfWork(this.store);
    this.repos = {
      instances: this.work.repository('instances'),
      vpcs: this.work.repository('vpcs'),
      subnets: this.work.repository('subnets'),
      settings: this.work.repository('settings'),
      activity: this.work.repository('activity'),
    };
    this.clock = new SimulationClock(this.realNow, { now: this.realNow(), speed: 1 });
    this.ctx = {
      clock: this.clock,
      ids: this.ids,
      catalog: this.catalog,
      repos: this.repos,
      emit: (event) => this.emit(event),
      changed: (region, resource, id) => this.noteChange(region, resource, id),
      accountId: () => this.settings().accountId,
    };
    this.loadFromStore(this.store.notices);
  }

  /** Serves one call of the shared API. Never throws: errors come back as AWS error data. */
  dispatch(call: ApiCall): ApiResult {
    if (this.closed) return failure(ErrorCode.InternalError, 'The lab is shutting down.');
    let result: ApiResult;
    try {
      const value = this.runCommand(() => {
        const output = this.route(call);
        // DryRun: the request was checked and carried out; throwing now undoes all of it.
        if (isDryRun(call)) throw errors.dryRunOperation();
        this.logCall(call, { output });
        return output;
      });
      result = { ok: true, value };
    } catch (error) {
      this.changes.clear();
      this.logged.length = 0;
      result = {
        ok: false,
        error:
          error instanceof Ec2Error
            ? error.toApiError()
            : { code: ErrorCode.InternalError, message: 'An internal error has occurred.' },
      };
      // A refused call changes nothing, but it is still logged, in a command of its own.
      if (call?.service === 'ec2') this.tryLogFailure(call, result.error);
    }
    this.publishChanges();
    return result;
  }

  /** The EC2 API door registers how the CLI reaches the lab (endpoint and keys); undefined when it stops. */
  setApiAccessProvider(provider: ApiAccessProvider | undefined): void {
    this.apiAccess = provider;
    this.emit({ type: 'api-access', access: this.currentApiAccess() });
  }

  private currentApiAccess(): ApiAccess {
    return this.apiAccess?.access() ?? { ...API_NOT_RUNNING };
  }

  private logCall(call: ApiCall, result: { output?: unknown; error?: { code: string; message: string } }): void {
    if (call.service !== 'ec2') return;
    const outcome = this.outcomeOf(call, result);
    if (shouldLog(outcome)) this.logged.push(recordActivity(this.ctx, outcome));
  }

  private outcomeOf(
    call: Ec2Call,
    result: { output?: unknown; error?: { code: string; message: string } },
  ): CallOutcome {
    return {
      operation: String(call.operation),
      region: String(call.region),
      caller: call.caller ?? 'console',
      input: call.input ?? {},
      output: result.output,
      error: result.error,
    };
  }

  private tryLogFailure(call: Ec2Call, error: { code: string; message: string }): void {
    try {
      this.work.run(() => this.logCall(call, { error }));
    } catch {
      this.logged.length = 0;
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies what fell due on the simulation clock; a host calls this a few times a second. */
  tick(): void {
    if (this.closed) return;
    try {
      this.runCommand(() => undefined);
      this.publishChanges();
    } catch {
      this.changes.clear();
    }
    const real = this.realNow();
    if (real - this.lastClockAnnounce >= CLOCK_ANNOUNCE_MS) {
      this.persistClock();
      this.announceClock();
    }
  }

  close(): void {
    if (this.closed) return;
    this.persistClock();
    this.closed = true;
    this.listeners.clear();
    this.store.close();
  }

  /** Saves the lab time even when nothing else changed, so a restart resumes where the clock was. */
  private persistClock(): void {
    if (this.settings().clockNow === this.clock.now()) return;
    try {
      this.work.run(() => this.saveClock());
    } catch {
      // The next tick or command tries again.
    }
  }

  private route(call: ApiCall): unknown {
    if (!call || typeof call !== 'object') throw errors.invalidParameterValue('The request is malformed.');
    const input: unknown = call.input ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw errors.invalidParameterValue('The request input must be an object.');
    }
    if (call.service === 'ec2') {
      if (!(EC2_OPERATION_NAMES as readonly string[]).includes(call.operation)) throw invalidAction(call.operation);
      if (!this.catalog.regions.some((r) => r.RegionName === call.region))
        throw errors.invalidRegion(String(call.region));
      const handler = EC2_HANDLERS[call.operation] as (ctx: EngineContext, region: string, input: unknown) => unknown;
      return handler(this.ctx, call.region, input);
    }
    if (call.service === 'lab') {
      if (!(LAB_OPERATION_NAMES as readonly string[]).includes(call.operation)) throw invalidAction(call.operation);
      const handler = LAB_HANDLERS[call.operation] as (ctx: EngineContext, host: LabHost, input: unknown) => unknown;
      return handler(this.ctx, this.labHost, input);
    }
    throw invalidAction(String((call as { operation?: unknown }).operation));
  }

  /** One command: catch up with the clock, run, save the clock with any change, commit once. */
  private runCommand<R>(command: () => R): R {
    return this.work.run(() => {
      advanceInstances(this.ctx, this.clock.now());
      const result = command();
      if (this.work.hasChanges()) this.saveClock();
      return result;
    });
  }

  private saveClock(): void {
    const settings = this.repos.settings.touch(SETTINGS_ID);
    settings.clockNow = this.clock.now();
    settings.clockSpeed = this.clock.speed;
  }

  private settings(): LabSettingsRecord {
    return this.repos.settings.get(SETTINGS_ID)!;
  }

  private noteChange(region: string, resource: ResourceKind, id: string): void {
    const key = `${region}\u0000${resource}`;
    let ids = this.changes.get(key);
    if (!ids) this.changes.set(key, (ids = new Set()));
    ids.add(id);
  }

  private publishChanges(): void {
    for (const event of this.logged.splice(0)) this.emit({ type: 'activity', event });
    if (this.changes.size === 0) return;
    const batches = [...this.changes];
    this.changes.clear();
    for (const [key, ids] of batches) {
      const [region, resource] = key.split('\u0000') as [string, ResourceKind];
      this.emit({ type: 'resources-changed', region, resource, ids: [...ids] });
    }
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (a closed window or socket) must not stop the engine or other listeners.
      }
    }
  }

  private announceClock(): void {
    this.lastClockAnnounce = this.realNow();
    this.emit({ type: 'clock', clock: this.clock.state() });
  }

  /** Reads every record from the store and makes sure the lab's settings and default VPCs exist. */
  private loadFromStore(notices: readonly LabNotice[]): void {
    this.work.load(this.store.loadAll());
    const saved = this.repos.settings.get(SETTINGS_ID);
    this.clock.restore(saved ? { now: saved.clockNow, speed: saved.clockSpeed } : { now: this.realNow(), speed: 1 });
    this.work.run(() => {
      if (!saved) {
        this.repos.settings.put(SETTINGS_ID, {
          id: SETTINGS_ID,
          accountId: String(100_000_000_000 + this.ids.int(900_000_000) * 1000 + this.ids.int(1000)),
          clockNow: this.clock.now(),
          clockSpeed: 1,
          notices: [],
        });
      }
      if (notices.length) this.repos.settings.touch(SETTINGS_ID).notices.push(...notices);
      for (const region of this.catalog.regions) ensureDefaultVpc(this.ctx, region.RegionName);
    });
  }

  private readonly labHost: LabHost = {
    status: () => ({
      version: this.version,
      dataDirectory: this.dataDirectory,
      stateFile: this.store.location,
      schemaVersion: this.store.schemaVersion,
      notices: this.settings().notices.map((n) => ({ ...n })),
      defaultRegion: this.catalog.defaultRegion,
    }),
    dismissNotice: (at) => {
      const settings = this.repos.settings.touch(SETTINGS_ID);
      settings.notices = settings.notices.filter((n) => n.at !== at);
    },
    setClockSpeed: (speed: ClockSpeed) => {
      this.clock.setSpeed(speed);
      this.saveClock();
      this.announceClock();
    },
    advanceClock: (milliseconds) => {
      this.clock.advance(milliseconds);
      advanceInstances(this.ctx, this.clock.now());
      this.saveClock();
      this.announceClock();
    },
    reset: () => this.replaceLab([], { code: 'StateReset', message: 'The lab was reset: everything starts over.' }),
    exportLab: () => {
      const now = new Date(this.realNow());
      const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      return {
        fileName: `ec2-lab-${stamp}.json`,
        content: writeLabFile(this.work.snapshot(), this.store.schemaVersion, now),
      };
    },
    apiAccess: () => this.currentApiAccess(),
    regenerateApiAccess: () => {
      const current = this.currentApiAccess();
      if (!this.apiAccess || !current.Available)
        throw errors.operationNotPermitted(current.Reason ?? API_NOT_RUNNING.Reason!);
      if (current.KeySource === 'environment') {
        throw errors.operationNotPermitted(
          'The access key was set with EC2LAB_ACCESS_KEY_ID and EC2LAB_SECRET_ACCESS_KEY when the lab started; change it there.',
        );
      }
      const access = this.apiAccess.regenerate();
      queueMicrotask(() => this.emit({ type: 'api-access', access }));
      return access;
    },
    setApiPort: (port) => {
      const current = this.currentApiAccess();
      if (!this.apiAccess?.setPort) throw errors.operationNotPermitted(current.Reason ?? API_NOT_RUNNING.Reason!);
      if (current.PortSource === 'command-line') {
        throw errors.operationNotPermitted(
          `This run was started with --api-port ${current.Port ?? ''}; restart without it to choose the port in the lab.`,
        );
      }
      return this.apiAccess.setPort(port);
    },
    describeActivity: (request) => describeActivity(this.ctx, request),
    importLab: (content) => {
      const records = readLabFile(
        content,
        Object.keys(this.repos).map((k) => this.repos[k as keyof Repositories].collection),
      );
      records.forEach((record, index) => validateImportedRecord(record, index, this.catalog));
      this.replaceLab(records, { code: 'StateImported', message: 'A lab file was imported: this is its state.' });
    },
  };

  /** Replaces the whole lab (reset or import) in one transaction, then reloads it. */
  private replaceLab(records: readonly StoredRecord[], notice: Omit<LabNotice, 'at'>): void {
    this.store.replaceAll(records.filter((r) => r.collection !== 'settings' || this.isSettings(r.data)));
    this.loadFromStore([{ ...notice, at: this.realNow() }]);
    this.changes.clear();
    queueMicrotask(() => this.emit({ type: 'lab-replaced', status: this.labHost.status() }));
  }

  private isSettings(data: unknown): boolean {
    return typeof data === 'object' && data !== null && (data as { id?: unknown }).id === SETTINGS_ID;
  }
}

/**
 * EC2's DryRun: "Checks whether you have the required permissions for the action, without actually
 * making the request" — DryRunOperation if it would have succeeded, else the error it would have
 * raised (EC2 API Reference: CommonParameters, DryRun).
 */
function isDryRun(call: ApiCall): boolean {
  return call.service === 'ec2' && (call.input as { DryRun?: unknown } | undefined)?.DryRun === true;
}

function invalidAction(operation: string): Ec2Error {
  return new Ec2Error(ErrorCode.InvalidAction, `The action ${operation} is not valid for this web service.`);
}

function failure(code: string, message: string): ApiResult {
  return { ok: false, error: { code, message } };
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}

export type { LabStatus };
