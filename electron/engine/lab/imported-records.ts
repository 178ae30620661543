/**
 * Checks each record of an imported lab file before anything is replaced: a record the engine
 * could not work with is refused with its position, and the current lab stays as it was.
 */
import type { Catalog } from '../catalog/catalog';
import { errors } from '../errors';
import { STATE_CODES } from '../instances/lifecycle';
import type { StoredRecord } from '../state/state-store';

type Check = (data: Record<string, unknown>, catalog: Catalog) => string | undefined;

const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const knownRegion = (catalog: Catalog, region: unknown) => catalog.regions.some((r) => r.RegionName === region);

const CHECKS: Record<string, Check> = {
  instances: (d, catalog) => {
    if (!isString(d.instanceId) || !/^i-[0-9a-f]{8,17}$/.test(String(d.instanceId))) return 'instanceId';
    if (!knownRegion(catalog, d.region)) return 'region';
    if (typeof d.state !== 'string' || !(d.state in STATE_CODES)) return 'state';
    if (!isTime(d.launchTime)) return 'launchTime';
    if (!isString(d.instanceType) || !isString(d.imageId) || !isString(d.availabilityZone)) return 'instanceType';
    if (!Array.isArray(d.tags)) return 'tags';
    if (!d.rootVolume || typeof d.rootVolume !== 'object') return 'rootVolume';
    return undefined;
  },
  vpcs: (d, catalog) =>
    !isString(d.vpcId)
      ? 'vpcId'
      : !knownRegion(catalog, d.region)
        ? 'region'
        : !Array.isArray(d.tags)
          ? 'tags'
          : undefined,
  subnets: (d, catalog) =>
    !isString(d.subnetId)
      ? 'subnetId'
      : !knownRegion(catalog, d.region)
        ? 'region'
        : !isString(d.cidrBlock)
          ? 'cidrBlock'
          : !Array.isArray(d.tags)
            ? 'tags'
            : undefined,
  activity: (d) =>
    !isString(d.EventId)
      ? 'EventId'
      : !isTime(d.sequence)
        ? 'sequence'
        : !isTime(d.EventTime)
          ? 'EventTime'
          : !isString(d.CliCommand)
            ? 'CliCommand'
            : undefined,
  settings: (d) =>
    !isString(d.accountId)
      ? 'accountId'
      : !isTime(d.clockNow)
        ? 'clockNow'
        : !Array.isArray(d.notices)
          ? 'notices'
          : undefined,
};

export function validateImportedRecord(record: StoredRecord, index: number, catalog: Catalog): void {
  const check = CHECKS[record.collection];
  const bad = check?.(record.data as Record<string, unknown>, catalog);
  if (bad) {
    throw errors.invalidLabFile(
      `Record ${index + 1} (${record.collection}/${record.id}) has an invalid '${bad}'; nothing was imported.`,
    );
  }
}
