/**
 * The engine: the simulated EC2 of one lab. It owns the records, the simulation clock and the
 * event stream, and serves every operation of the shared API through `dispatch`, one command at a
 * time: catch up with the clock → route → dry-run → log → commit → publish. It knows no door: IPC,
 * browser mode and the EC2 Query API all call it the same way. What the lab's own operations do to
 * the lab as a whole lives in lab/lab-host.ts; each EC2 operation lives in its family (families.ts).
 */
import type { ApiCall, ApiResult, Ec2Call } from '../../shared/api';
import { EC2_OPERATION_NAMES } from '../../shared/ec2-operations';
import type { EngineEvent, ResourceKind } from '../../shared/events';
import { LAB_OPERATION_NAMES, type ActivityEvent, type LabNotice, type LabStatus } from '../../shared/lab-operations';
import { isReadOnly, recordActivity, shouldLog, type CallOutcome } from './activity/activity-log';
import type { Catalog } from './catalog/catalog';
import { loadCatalog } from './catalog/load-catalog';
import { SimulationClock } from './clock';
import type { EngineContext } from './context';
import { EC2_HANDLERS } from './ec2-handlers';
import { Ec2Error, errors } from './errors';
import { ACTIVITY_ID_KEYS, FAMILIES, RESOURCE_COLLECTIONS } from './families';
import { ACTIVITY } from './activity/activity-record';
import type { ResourceFamily } from './resource-family';
import { IdGenerator, cryptoRandom, type RandomSource } from './ids';
import { KEY_MAKER_MISSING, type KeyMaker } from './key-pairs/key-maker';
import type { ApiAccessProvider } from './lab/api-access';
import { LAB_HANDLERS, type LabHost } from './lab/lab-handlers';
import { QUARANTINE_COLLECTION, quarantineChanges, separateBadRecords } from './lab/imported-records';
import { createLabHost, currentApiAccess, settingsOf } from './lab/lab-host';
import { SETTINGS, SETTINGS_ID } from './lab/lab-settings';
import { UnitOfWork, type RecordCollection, type Repository } from './state/repository';
import { StoreWriteError, type StateStore, type StoredRecord } from './state/state-store';
import { defaultVpcOf } from './vpcs/default-vpc';
import { createDiskFiles, type DiskFiles } from './volumes/disk-files';
import { createHostKeys, type HostKeys } from './host-keys/host-keys';
import { createInstanceSummaries, type InstanceSummaries } from './instances/instance-summaries';
import { createGuestRuntime, type GuestRuntime } from './guests/guest-runtime';

export interface EngineOptions {
  store: StateStore;
  /** Real time in epoch ms; the simulation clock runs over it. Tests pass a hand-driven function. */
  realNow?: () => number;
  random?: RandomSource;
  /**
   * Makes key pairs and hashes them. The engine cannot load Node's crypto itself (it also runs in
   * the console's tests, in a page's type world), so the host passes state/node-key-maker.ts.
   */
  keyMaker?: KeyMaker;
  catalog?: Catalog;
  version?: string;
  /** The folder the host keeps the lab in, shown to the user. */
  dataDirectory?: string;
  /** Told of every error the engine did not expect (a bug), with the request id the caller is shown. */
  onUnexpectedError?: (error: unknown, context: { operation: string; requestId: string }) => void;
}

type Listener = (event: EngineEvent) => void;

/** How often (real ms) a running clock is announced and saved while nothing else happens. */
const CLOCK_ANNOUNCE_MS = 5_000;
/** How long (real ms) after the last commit and the last call the lab counts as quiet, for the store's upkeep. */
const QUIET_AFTER_MS = 1_000;

export class Engine {
  private readonly store: StateStore;
  private readonly realNow: () => number;
  private readonly catalog: Catalog;
  private readonly work: UnitOfWork;
  private readonly repositories = new Map<string, Repository<object>>();
  private readonly ids: IdGenerator;
  private readonly clock: SimulationClock;
  private readonly ctx: EngineContext;
  private readonly labHost: LabHost;
  private readonly listeners = new Set<Listener>();
  private readonly changes = new Map<string, Set<string>>();
  private lastClockAnnounce = 0;
  /**
   * When a command last changed something or a call last came (real ms), and whether the store's
   * upkeep has run since: a checkpoint copies the whole write-ahead log, which must not stall a
   * script's stream of reads.
   */
  private lastBusyAt = 0;
  private upkeepDue = false;
  private apiAccess: ApiAccessProvider | undefined;
  private readonly logged: ActivityEvent[] = [];
  private closed = false;
  private readonly onUnexpectedError: EngineOptions['onUnexpectedError'];
  /** The files on volumes, snapshots and instance-store disks, for the shell and tests (not an EC2 operation). */
  readonly disks: DiskFiles;
  /** The instances' SSH host keys, for the shells' `ssh` and the SSH server (not an EC2 operation). */
  readonly hostKeys: HostKeys;
  /** A few facts of each instance (the SSH door's), read without building its view. */
  readonly instanceSummaries: InstanceSummaries;
  /** The runtime of the Linux inside each instance (mounts, services, load), for the shell. */
  readonly guests: GuestRuntime;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.onUnexpectedError = options.onUnexpectedError;
    this.realNow = options.realNow ?? Date.now;
    this.catalog = options.catalog ?? loadCatalog();
    this.ids = new IdGenerator(options.random ?? cryptoRandom);
    this.work = new UnitOfWork(this.store);
    for (const family of FAMILIES) {
      if (family.collection) this.repositories.set(family.collection.name, this.work.repository(family.collection));
    }
    this.clock = new SimulationClock(this.realNow, { now: this.realNow(), speed: 1 });
    this.ctx = {
      clock: this.clock,
      ids: this.ids,
      keyMaker: options.keyMaker ?? KEY_MAKER_MISSING,
      catalog: this.catalog,
      records: <T extends object>(collection: RecordCollection<T>) => {
        const repository = this.repositories.get(collection.name);
        if (!repository) throw new Error(`No family keeps the collection '${collection.name}'`);
        return repository as unknown as Repository<T>;
      },
      resources: RESOURCE_COLLECTIONS,
      nestedTaggables: [],
      emit: (event) => this.emit(event),
      changed: (region, resource, id) => this.noteChange(region, resource, id),
      accountId: () => settingsOf(this.ctx).accountId,
    };
    this.ctx.nestedTaggables = FAMILIES.flatMap((family: ResourceFamily) => family.nestedTaggables?.(this.ctx) ?? []);
    this.labHost = createLabHost({
      ctx: this.ctx,
      clock: this.clock,
      store: this.store,
      version: options.version ?? '0.0.0',
      dataDirectory: options.dataDirectory ?? this.store.location,
      realNow: this.realNow,
      snapshot: () => this.work.snapshot(),
      catchUp: () => this.catchUp(),
      saveClock: () => this.saveClock(),
      announceClock: () => this.announceClock(),
      replaceLab: (records, notice) => this.replaceLab(records, notice),
      apiAccess: () => this.apiAccess,
      emit: (event) => this.emit(event),
    });
    this.disks = createDiskFiles(this.ctx, (command) => this.runOutsideApi(command));
    this.hostKeys = createHostKeys(this.ctx, (command) => this.runOutsideApi(command));
    this.instanceSummaries = createInstanceSummaries(this.ctx, (command) => this.runOutsideApi(command));
    this.guests = createGuestRuntime(this.ctx, (command) => this.runOutsideApi(command));
    this.loadFromStore(this.store.notices);
  }

  /** Serves one call of the shared API. Never throws: errors come back as AWS error data. */
  dispatch(call: ApiCall): ApiResult {
    if (this.closed) return { ok: false, error: errors.shuttingDown().toApiError() };
    if (this.upkeepDue) this.lastBusyAt = this.realNow();
    let result: ApiResult;
    try {
      let logLater = false;
      const value = this.runCommand(() => {
        const output = this.route(call);
        // DryRun: the request was checked and carried out; throwing now undoes all of it.
        if (isDryRun(call)) throw errors.dryRunOperation();
        // A call that changed nothing (a read) is logged after its command, saved with the next commit.
        logLater = !this.work.hasChanges() && call.service === 'ec2' && isReadOnly(call.operation);
        if (!logLater) this.logCall(call, { output });
        return output;
      });
      if (logLater) this.logUnsaved(call as Ec2Call, { output: value });
      result = { ok: true, value };
    } catch (error) {
      this.changes.clear();
      this.logged.length = 0;
      result = { ok: false, error: this.asEc2Error(error, call).toApiError() };
      // A refused call changes nothing, but it is still logged, after its command.
      if (call?.service === 'ec2') this.logUnsaved(call, { error: result.error });
    }
    this.publishChanges();
    return result;
  }

  /** The EC2 API door registers how the CLI reaches the lab (endpoint and keys); undefined when it stops. */
  setApiAccessProvider(provider: ApiAccessProvider | undefined): void {
    this.apiAccess = provider;
    this.emit({ type: 'api-access', access: currentApiAccess(provider) });
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies what fell due on the simulation clock; a host calls this a few times a second. */
  tick(): void {
    if (this.closed) return;
    this.saveUnsavedLog();
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
    if (this.upkeepDue && this.realNow() - this.lastBusyAt >= QUIET_AFTER_MS) {
      this.upkeepDue = false;
      try {
        this.store.whileIdle?.();
      } catch {
        // Upkeep is optional; the next quiet moment tries again.
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.saveUnsavedLog();
    this.persistClock();
    this.closed = true;
    this.listeners.clear();
    this.store.close();
  }

  private route(call: ApiCall): unknown {
    if (!call || typeof call !== 'object') throw errors.invalidParameterValue('The request is malformed.');
    const input: unknown = call.input ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw errors.invalidParameterValue('The request input must be an object.');
    }
    if (call.service === 'ec2') {
      if (!(EC2_OPERATION_NAMES as readonly string[]).includes(call.operation))
        throw errors.invalidAction(call.operation);
      if (!this.catalog.regions.some((r) => r.RegionName === call.region))
        throw errors.invalidRegion(String(call.region));
      const handler = EC2_HANDLERS[call.operation] as (ctx: EngineContext, region: string, input: unknown) => unknown;
      return handler(this.ctx, call.region, input);
    }
    if (call.service === 'lab') {
      if (!(LAB_OPERATION_NAMES as readonly string[]).includes(call.operation))
        throw errors.invalidAction(call.operation);
      const handler = LAB_HANDLERS[call.operation] as (ctx: EngineContext, host: LabHost, input: unknown) => unknown;
      return handler(this.ctx, this.labHost, input);
    }
    throw errors.invalidAction(String((call as { operation?: unknown }).operation));
  }

  /** A command from the shell (files on disks, the guest runtime): saved and announced, never logged as an API call. */
  private runOutsideApi<R>(command: () => R): R {
    if (this.closed) throw errors.shuttingDown();
    try {
      return this.runCommand(command);
    } catch (error) {
      this.changes.clear();
      throw error;
    } finally {
      this.publishChanges();
    }
  }

  /**
   * One command: catch up with the clock, run, save the clock with any change, commit once. A
   * command that logs an activity entry saves no settings row: the entry's EventTime is the lab
   * time, and opening the lab resumes the clock from the newest entry if it is later (loadFromStore).
   */
  private runCommand<R>(command: () => R): R {
    return this.work.run(() => {
      this.catchUp();
      const loggedBefore = this.logged.length;
      const result = command();
      if (this.work.hasChanges()) {
        this.noteCommit();
        if (this.logged.length === loggedBefore) this.saveClock();
      }
      return result;
    });
  }

  /** An engine error as it is; a store that could not save says why; anything else is a bug, logged with a request id. */
  private asEc2Error(error: unknown, call: ApiCall): Ec2Error {
    if (error instanceof Ec2Error) return error;
    if (error instanceof StoreWriteError) return errors.labNotSaved(error.reason);
    const requestId = `${this.ids.hex(8)}-${this.ids.hex(4)}-${this.ids.hex(4)}-${this.ids.hex(4)}-${this.ids.hex(12)}`;
    const operation = String((call as { operation?: unknown } | undefined)?.operation);
    try {
      this.onUnexpectedError?.(error, { operation, requestId });
    } catch {
      // The caller still gets its answer.
    }
    return errors.internalError(requestId);
  }

  /** Lets every family apply what fell due on the clock. */
  private catchUp(): void {
    const now = this.clock.now();
    for (const family of FAMILIES) if ('advance' in family) family.advance?.(this.ctx, now);
  }

  private logCall(call: ApiCall, result: { output?: unknown; error?: { code: string; message: string } }): void {
    if (call.service !== 'ec2') return;
    const outcome = outcomeOf(call, result);
    if (shouldLog(outcome)) this.logged.push(recordActivity(this.ctx, outcome, ACTIVITY_ID_KEYS));
  }

  /**
   * Logs a call that changed nothing (a read, or a refused call) in memory now; the entry is saved
   * with the next commit or at the next tick (within 250 ms), in one transaction for all of them.
   * So a read costs no transaction of its own; a crash before then loses only those log entries,
   * never a change (CloudTrail too delivers events minutes after the call: cloudtrail-concepts).
   */
  private logUnsaved(call: Ec2Call, result: { output?: unknown; error?: { code: string; message: string } }): void {
    try {
      this.work.runDeferred(() => this.logCall(call, result));
    } catch {
      this.logged.length = 0;
    }
  }

  /** Saves the log entries of reads (logUnsaved); they wait for the next tick if the store refuses now. */
  private saveUnsavedLog(): void {
    try {
      this.work.saveDeferred();
    } catch {
      // The next tick or commit tries again.
    }
  }

  /** Saves the lab time even when nothing else changed, so a restart resumes where the clock was. */
  private persistClock(): void {
    if (settingsOf(this.ctx).clockNow === this.clock.now()) return;
    try {
      this.work.run(() => this.saveClock());
    } catch {
      // The next tick or command tries again.
    }
  }

  /** A commit is coming: the store's upkeep becomes due once the lab is quiet after it. */
  private noteCommit(): void {
    this.lastBusyAt = this.realNow();
    this.upkeepDue = true;
  }

  /** Saves the lab time and speed in the settings row (with the current command's changes). */
  private saveClock(): void {
    this.noteCommit();
    const settings = this.ctx.records(SETTINGS).touch(SETTINGS_ID);
    settings.clockNow = this.clock.now();
    settings.clockSpeed = this.clock.speed;
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

  /**
   * Reads every record from the store and makes sure the lab's settings and default VPCs exist. A
   * record the lab cannot work with is set aside alone, with a notice naming it; the rest opens.
   */
  private loadFromStore(startNotices: readonly LabNotice[]): void {
    const { good, bad } = separateBadRecords(this.store.loadAll(), this.catalog);
    const notices = [...startNotices, ...this.quarantine(bad)];
    this.work.load(good);
    const settings = this.ctx.records(SETTINGS);
    const saved = settings.get(SETTINGS_ID);
    // A command that logged an entry saved its time there, not in the settings (runCommand).
    let loggedAt = -Infinity;
    for (const entry of this.ctx.records(ACTIVITY).values()) loggedAt = Math.max(loggedAt, entry.EventTime);
    this.clock.restore(
      saved ? { now: Math.max(saved.clockNow, loggedAt), speed: saved.clockSpeed } : { now: this.realNow(), speed: 1 },
    );
    this.work.run(() => {
      if (!saved) {
        settings.put(SETTINGS_ID, {
          id: SETTINGS_ID,
          accountId: String(100_000_000_000 + this.ids.int(900_000_000) * 1000 + this.ids.int(1000)),
          clockNow: this.clock.now(),
          clockSpeed: 1,
          notices: [],
        });
      }
      if (notices.length) settings.touch(SETTINGS_ID).notices.push(...notices);
      // Labs made before the laptop had an address get one now (RFC 5737's TEST-NET-3, never routed).
      if (!settings.get(SETTINGS_ID)!.laptopPublicIp) {
        settings.touch(SETTINGS_ID).laptopPublicIp = `203.0.113.${1 + this.ids.int(254)}`;
      }
      for (const region of this.catalog.regions) defaultVpcOf(this.ctx, region.RegionName);
    });
  }

  /** Moves bad records to the quarantine collection (kept in the file, never loaded) and says so. */
  private quarantine(bad: ReturnType<typeof separateBadRecords>['bad']): LabNotice[] {
    if (!bad.length) return [];
    const at = this.realNow();
    try {
      this.store.commit(bad.flatMap(({ record, problem }) => quarantineChanges(record, problem, at)));
    } catch {
      // Left where they are, they are set aside again at the next start.
    }
    return bad.map(({ record, problem }) => ({
      code: 'RecordQuarantined' as const,
      message:
        `A saved record (${record.collection}/${record.id}) ${problem}. EC2 Lab set it aside, unchanged, ` +
        `as ${QUARANTINE_COLLECTION}/${record.collection}/${record.id} in ${this.store.location}, and opened the lab without it.`,
      record: `${record.collection}/${record.id}`,
      problem,
      path: this.store.location,
      at,
    }));
  }

  /** Replaces the whole lab (reset or import) in one transaction, then reloads it. */
  private replaceLab(records: readonly StoredRecord[], notice: Omit<LabNotice, 'at'>): void {
    this.store.replaceAll(records.filter((r) => r.collection !== SETTINGS.name || isSettings(r.data)));
    this.loadFromStore([{ ...notice, at: this.realNow() }]);
    this.changes.clear();
    queueMicrotask(() => this.emit({ type: 'lab-replaced', status: this.labHost.status() }));
  }
}

function outcomeOf(
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

/**
 * EC2's DryRun: "Checks whether you have the required permissions for the action, without actually
 * making the request" — DryRunOperation if it would have succeeded, else the error it would have
 * raised (EC2 API Reference: CommonParameters, DryRun).
 */
function isDryRun(call: ApiCall): boolean {
  return call.service === 'ec2' && (call.input as { DryRun?: unknown } | undefined)?.DryRun === true;
}

function isSettings(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { id?: unknown }).id === SETTINGS_ID;
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}

export type { LabStatus };
