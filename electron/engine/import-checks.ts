/**
 * The field checks a family declares for its records, applied to every record of an imported lab
 * file and to every record loaded at start-up: each names what a field must be, and a record is
 * refused by its first bad field (the lab names it), so a hand-edited or foreign file cannot put a
 * record the engine would trip over into a lab. Only a record's own fields are read.
 */
import { AWS_MADE_TAG_KEYS, tagProblem, MAX_TAGS_PER_RESOURCE } from '../../shared/rules/tags';
import type { Catalog } from './catalog/catalog';
import { isWellFormedId, type IdPrefix } from './ids';
import type { ImportCheck } from './resource-family';

export type FieldCheck = (value: unknown, catalog: Catalog) => boolean;

/** Times the lab can show and compute with: from 2000 to 2200 (a Date holds far more, but not 1e20). */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

const own = (data: Record<string, unknown>, name: string): unknown =>
  Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;

export const text: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= 64 * 1024;
export const anyText: FieldCheck = (v) => typeof v === 'string' && v.length <= 64 * 1024;
export const time: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= LATEST;
export const count: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
export const flag: FieldCheck = (v) => typeof v === 'boolean';
export const list: FieldCheck = (v) => Array.isArray(v);
/** The catalog's names as sets, made once per catalog: a lab of 10,000 instances checks each on open. */
const catalogNames = new WeakMap<
  Catalog,
  { regions: Set<unknown>; zones: Set<unknown>; instanceTypes: Set<unknown> }
>();
function namesOf(catalog: Catalog) {
  let names = catalogNames.get(catalog);
  if (!names) {
    names = {
      regions: new Set(catalog.regions.map((r) => r.RegionName)),
      zones: new Set(catalog.regions.flatMap((r) => r.Zones.map((z) => z.ZoneName))),
      instanceTypes: new Set(catalog.instanceTypes.map((t) => t.InstanceType)),
    };
    catalogNames.set(catalog, names);
  }
  return names;
}
export const region: FieldCheck = (v, catalog) => namesOf(catalog).regions.has(v);
export const zone: FieldCheck = (v, catalog) => namesOf(catalog).zones.has(v);
export const instanceType: FieldCheck = (v, catalog) => namesOf(catalog).instanceTypes.has(v);
export const ipv4: FieldCheck = (v) => isIpv4(v);
/** A VPC or subnet block: /16 to /28 (VPC User Guide: vpc-cidr-blocks). */
export const cidr: FieldCheck = (v) => {
  if (typeof v !== 'string') return false;
  const [address, bits, extra] = v.split('/');
  return extra === undefined && isIpv4(address) && /^\d{2}$/.test(bits ?? '') && +bits! >= 16 && +bits! <= 28;
};
export const macAddress: FieldCheck = (v) => typeof v === 'string' && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(v);
export const id =
  (prefix: IdPrefix): FieldCheck =>
  (v) =>
    typeof v === 'string' && isWellFormedId(v, prefix);
export const oneOf =
  (allowed: readonly unknown[]): FieldCheck =>
  (v) =>
    allowed.includes(v);
export const listOf =
  (item: FieldCheck, max = 1000): FieldCheck =>
  (v, catalog) =>
    Array.isArray(v) && v.length <= max && v.every((entry) => item(entry, catalog));
export const shape = (fields: Record<string, FieldCheck>): FieldCheck => {
  const check = checkFields(fields);
  return (v, catalog) => isPlainRecord(v) && check(v, catalog) === undefined;
};
export const optional =
  (check: FieldCheck): FieldCheck =>
  (v, catalog) =>
    v === undefined || check(v, catalog);

/**
 * Tags as AWS allows them on one resource: valid keys and values, no key twice, at most 50 of the
 * user's own; the `aws:` tags the lab makes as AWS does (a launch template's on its instances), and
 * no other `aws:` key, are kept beside them.
 */
export const tags: FieldCheck = (v) => {
  if (!Array.isArray(v)) return false;
  const keys = new Set<string>();
  let own = 0;
  for (const tag of v) {
    if (!isPlainRecord(tag) || typeof tag.Key !== 'string' || typeof tag.Value !== 'string') return false;
    const problem = tagProblem(tag.Key, tag.Value);
    if (problem && !(problem === 'reservedPrefix' && AWS_MADE_TAG_KEYS.includes(tag.Key))) return false;
    if (keys.has(tag.Key)) return false;
    if (!problem) own++;
    keys.add(tag.Key);
  }
  return own <= MAX_TAGS_PER_RESOURCE;
};

/**
 * An import check from a table of fields (the first field whose value fails is the answer) and,
 * optionally, a rule across fields that names the field it finds wrong.
 */
export function checkFields(
  fields: Record<string, FieldCheck>,
  across?: (data: Record<string, unknown>) => string | undefined,
): ImportCheck {
  // Every record of a lab is checked when it opens: the table is read once, here, not per record.
  const names = Object.keys(fields);
  const checks = names.map((name) => fields[name]!);
  return (data, catalog) => {
    for (let index = 0; index < names.length; index++) {
      if (!checks[index]!(own(data, names[index]!), catalog)) return names[index];
    }
    return across?.(data);
  };
}

/** Four dot-separated decimal numbers of one to three digits, each at most 255. */
const IPV4_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIpv4(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = IPV4_PATTERN.exec(value);
  return parts !== null && +parts[1]! <= 255 && +parts[2]! <= 255 && +parts[3]! <= 255 && +parts[4]! <= 255;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
