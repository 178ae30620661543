/**
 * Checks records before the lab takes them, from an imported lab file or from disk at start-up:
 * plain data of bounded size and depth with no prototype keys, the record's id the same as its data's,
 * every field as its family declares it (families.ts), and no address or MAC held twice in a region.
 * An import with one bad record is refused whole, naming it, and the current lab stays as it was; at
 * start-up a bad record is set aside alone (quarantined) and the rest of the lab opens.
 */
import type { Catalog } from '../catalog/catalog';
import { errors } from '../errors';
import { FAMILIES } from '../families';
import type { ResourceFamily } from '../resource-family';
import type { RecordChange, StoredRecord } from '../state/state-store';

/** A record's data as JSON text is at most this long (user data, the largest field, is 22 KiB). */
const MAX_RECORD_CHARS = 256 * 1024;
/** Records are shallow: the deepest today is 4 levels (an activity event's parameters go a few more). */
const MAX_DEPTH = 24;
/** Keys that would reach an object's prototype when copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BY_COLLECTION = new Map<string, ResourceFamily>(
  FAMILIES.flatMap((family: ResourceFamily) => (family.collection ? [[family.collection.name, family] as const] : [])),
);

/**
 * What is wrong with one record on its own, as a short phrase, or undefined. Never throws: a record
 * a family's check trips over is a bad record like any other (set aside at start-up, refused in an
 * import), and a file the lab seals after opening holds only records that were checked.
 */
export function recordProblem(record: StoredRecord, catalog: Catalog): string | undefined {
  const family = BY_COLLECTION.get(record.collection);
  if (!family?.collection) return `belongs to an unknown collection '${record.collection}'`;
  const structure = structureProblem(record.data, family.maxRecordChars ?? MAX_RECORD_CHARS, record.textLength);
  if (structure) return structure;
  const data = record.data as Record<string, unknown>;
  try {
    const bad = family.importCheck?.(data, catalog);
    if (bad) return `has an invalid '${bad}'`;
    const dataId = family.collection.idOf(data);
    if (dataId !== record.id) return `has the id '${String(dataId)}' in its data`;
  } catch {
    return 'has data its checks cannot read';
  }
  return undefined;
}

/** Checks a whole lab file's records: the first problem refuses the import, naming the record. */
export function validateImportedRecords(records: readonly StoredRecord[], catalog: Catalog): void {
  records.forEach((record, index) => {
    const problem = recordProblem(record, catalog);
    if (problem) {
      throw errors.invalidLabFile(
        `Record ${index + 1} (${record.collection}/${record.id}) ${problem}; nothing was imported.`,
      );
    }
  });
  const clash = firstClash(records);
  if (clash) throw errors.invalidLabFile(`${clash}; nothing was imported.`);
}

/** Where records set aside at start-up are kept: in the lab's file, in a collection the engine never loads. */
export const QUARANTINE_COLLECTION = 'quarantine';

/** The changes that move a bad record into quarantine, unchanged, with why and when. */
export function quarantineChanges(record: StoredRecord, problem: string, at: number): RecordChange[] {
  return [
    { collection: record.collection, id: record.id, data: undefined },
    {
      collection: QUARANTINE_COLLECTION,
      id: `${record.collection}/${record.id}`,
      data: { collection: record.collection, id: record.id, problem, at, data: record.data },
    },
  ];
}

/** Splits records loaded from disk into those the lab can take and those it must set aside. */
export function separateBadRecords(
  records: readonly StoredRecord[],
  catalog: Catalog,
): { good: StoredRecord[]; bad: { record: StoredRecord; problem: string }[] } {
  const good: StoredRecord[] = [];
  const bad: { record: StoredRecord; problem: string }[] = [];
  for (const record of records) {
    // Collections no family keeps (set-aside records among them) are not the engine's to load.
    if (!BY_COLLECTION.has(record.collection)) continue;
    // The lab's own records, from a file unchanged since it closed, passed these checks or were written by it.
    if (record.writtenByLab === true) {
      good.push(record);
      continue;
    }
    const problem = recordProblem(record, catalog);
    if (problem) bad.push({ record, problem });
    else good.push(record);
  }
  return { good, bad };
}

/** The first value a family keeps unique per region that two records share. */
function firstClash(records: readonly StoredRecord[]): string | undefined {
  const seen = new Map<string, string>();
  for (const record of records) {
    const family = BY_COLLECTION.get(record.collection);
    const data = record.data as Record<string, unknown>;
    for (const field of family?.uniqueInRegion ?? []) {
      const value = data[field];
      if (value === undefined) continue;
      const key = `${record.collection}\u0000${String(data.region)}\u0000${field}\u0000${String(value)}`;
      const other = seen.get(key);
      if (other)
        return `Records ${other} and ${record.collection}/${record.id} have the same ${field} '${String(value)}'`;
      seen.set(key, `${record.collection}/${record.id}`);
    }
  }
  return undefined;
}

/** `textLength` is the saved JSON's length when the data was just parsed from it (then it is plain data). */
function structureProblem(data: unknown, maxChars: number, textLength?: number): string | undefined {
  let length = textLength;
  if (length === undefined) {
    try {
      length = JSON.stringify(data).length;
    } catch {
      return 'is not plain data';
    }
  }
  if (length > maxChars) return `is larger than ${Math.floor(maxChars / 1024)} KiB`;
  // Every collection keeps objects: a family's checks read fields of one.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'is not an object';
  return nestingProblem(data, 0);
}

/**
 * The first forbidden key or too deep a value, in the order of the data's own keys. Every record of
 * a lab passes through here when it opens, so it allocates nothing: an array is walked by index (its
 * keys are indices, never forbidden), an object by its own keys.
 */
function nestingProblem(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `is nested deeper than ${MAX_DEPTH} levels`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) continue;
      const problem = nestingProblem(value[index], depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key)) return `has a forbidden key '${key}'`;
    const problem = nestingProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
