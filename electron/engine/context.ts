/**
 * What every service of the engine shares: the clock, ids, the catalog, the repositories and the
 * event sink. Built once by engine.ts and passed to each service's constructor.
 */
import type { EngineEvent, ResourceKind } from '../../shared/events';
import type { ClockSpeed, LabNotice } from '../../shared/lab-operations';
import type { ActivityRecord } from './activity/activity-record';
import type { Catalog } from './catalog/catalog';
import type { SimulationClock } from './clock';
import type { IdGenerator } from './ids';
import type { InstanceRecord } from './instances/instance-record';
import type { SubnetRecord, VpcRecord } from './network/network-records';
import type { Repository } from './state/repository';

export interface LabSettingsRecord {
  id: 'settings';
  /** The lab account's 12-digit id, random per install. */
  accountId: string;
  clockNow: number;
  clockSpeed: ClockSpeed;
  notices: LabNotice[];
}

export interface Repositories {
  instances: Repository<InstanceRecord>;
  vpcs: Repository<VpcRecord>;
  subnets: Repository<SubnetRecord>;
  settings: Repository<LabSettingsRecord>;
  activity: Repository<ActivityRecord>;
}

export interface EngineContext {
  clock: SimulationClock;
  ids: IdGenerator;
  catalog: Catalog;
  repos: Repositories;
  emit(event: EngineEvent): void;
  /** Collects the ids a command changed; one event per region and kind is sent after it commits. */
  changed(region: string, resource: ResourceKind, id: string): void;
  accountId(): string;
}
