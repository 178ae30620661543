/**
 * What the lab's own operations do to the lab as a whole (lab-handlers.ts serves them): status and
 * notices, the clock's speed and jumps, reset, export and import, and the EC2 API's access and port
 * (which a door provides). The engine hands it the few of its parts these need.
 */
import type { EngineEvent } from '../../../shared/events';
import type { ApiAccess, ClockSpeed, LabNotice, LabStatus } from '../../../shared/lab-operations';
import { describeActivity } from '../activity/activity-log';
import type { SimulationClock } from '../clock';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { FAMILIES } from '../families';
import type { StateStore, StoredRecord } from '../state/state-store';
import { API_NOT_RUNNING, type ApiAccessProvider } from './api-access';
import { validateImportedRecords } from './imported-records';
import type { LabHost } from './lab-handlers';
import { readLabFile, writeLabFile } from './lab-file';
import { SETTINGS, SETTINGS_ID, type LabSettingsRecord } from './lab-settings';

/** The parts of the engine the lab host works with. */
export interface LabHostParts {
  ctx: EngineContext;
  clock: SimulationClock;
  store: StateStore;
  version: string;
  dataDirectory: string;
  realNow(): number;
  /** Every record in memory, for export. */
  snapshot(): StoredRecord[];
  /** Applies what fell due on the clock up to now. */
  catchUp(): void;
  saveClock(): void;
  announceClock(): void;
  /** Replaces the whole lab (reset, import) and reloads it. */
  replaceLab(records: readonly StoredRecord[], notice: Omit<LabNotice, 'at'>): void;
  apiAccess(): ApiAccessProvider | undefined;
  emit(event: EngineEvent): void;
}

const COLLECTIONS = FAMILIES.flatMap((family) => (family.collection ? [family.collection.name] : []));

export function settingsOf(ctx: EngineContext): LabSettingsRecord {
  return ctx.records(SETTINGS).get(SETTINGS_ID)!;
}

export function currentApiAccess(provider: ApiAccessProvider | undefined): ApiAccess {
  return provider?.access() ?? { ...API_NOT_RUNNING };
}

export function createLabHost(parts: LabHostParts): LabHost {
  const { ctx, clock, store } = parts;
  const access = () => currentApiAccess(parts.apiAccess());
  const host: LabHost = {
    status: (): LabStatus => ({
      version: parts.version,
      dataDirectory: parts.dataDirectory,
      stateFile: store.location,
      schemaVersion: store.schemaVersion,
      notices: settingsOf(ctx).notices.map((n) => ({ ...n })),
      defaultRegion: ctx.catalog.defaultRegion,
      accountId: ctx.accountId(),
    }),
    dismissNotice: (at) => {
      const settings = ctx.records(SETTINGS).touch(SETTINGS_ID);
      settings.notices = settings.notices.filter((n) => n.at !== at);
    },
    setClockSpeed: (speed: ClockSpeed) => {
      clock.setSpeed(speed);
      parts.saveClock();
      parts.announceClock();
    },
    advanceClock: (milliseconds) => {
      clock.advance(milliseconds);
      parts.catchUp();
      parts.saveClock();
      parts.announceClock();
    },
    reset: () => parts.replaceLab([], { code: 'StateReset', message: 'The lab was reset: everything starts over.' }),
    exportLab: () => {
      const now = new Date(parts.realNow());
      const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      return {
        fileName: `ec2-lab-${stamp}.json`,
        content: writeLabFile(parts.snapshot(), store.schemaVersion, now),
      };
    },
    importLab: (content) => {
      const records = readLabFile(content, COLLECTIONS);
      validateImportedRecords(records, ctx.catalog);
      parts.replaceLab(records, { code: 'StateImported', message: 'A lab file was imported: this is its state.' });
    },
    apiAccess: access,
    regenerateApiAccess: () => {
      const provider = parts.apiAccess();
      const current = access();
      if (!provider || !current.Available)
        throw errors.operationNotPermitted(current.Reason ?? API_NOT_RUNNING.Reason!);
      if (current.KeySource === 'environment') {
        throw errors.operationNotPermitted(
          'The access key was set with EC2LAB_ACCESS_KEY_ID and EC2LAB_SECRET_ACCESS_KEY when the lab started; change it there.',
        );
      }
      const regenerated = provider.regenerate();
      queueMicrotask(() => parts.emit({ type: 'api-access', access: regenerated }));
      return regenerated;
    },
    setApiPort: (port) => {
      const provider = parts.apiAccess();
      const current = access();
      if (!provider?.setPort) throw errors.operationNotPermitted(current.Reason ?? API_NOT_RUNNING.Reason!);
      if (current.PortSource === 'command-line') {
        throw errors.operationNotPermitted(
          `This run was started with --api-port ${current.Port ?? ''}; restart without it to choose the port in the lab.`,
        );
      }
      return provider.setPort(port);
    },
    describeActivity: (request) => describeActivity(ctx, request),
  };
  return host;
}
