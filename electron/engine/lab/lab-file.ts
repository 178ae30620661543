/**
 * The lab as one file (export/import): a versioned JSON document holding every record, with the
 * schema version its records were saved at. Import brings an older lab's records up to this schema
 * (the same steps as the database's migrations) and validates the whole file before anything is
 * replaced, so a bad file loses nothing.
 */
import { errors } from '../errors';
import { CURRENT_SCHEMA_VERSION, upgradeRecords } from '../state/schema';
import type { StoredRecord } from '../state/state-store';

export const LAB_FILE_FORMAT = 'ec2-lab';
export const LAB_FILE_VERSION = 1;
const MAX_LAB_FILE_CHARS = 64 * 1024 * 1024;

interface LabFile {
  format: typeof LAB_FILE_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  records: StoredRecord[];
}

export function writeLabFile(records: StoredRecord[], schemaVersion: number, exportedAt: Date): string {
  const file: LabFile = {
    format: LAB_FILE_FORMAT,
    version: LAB_FILE_VERSION,
    schemaVersion,
    exportedAt: exportedAt.toISOString(),
    records,
  };
  return JSON.stringify(file);
}

export function readLabFile(content: unknown, knownCollections: readonly string[]): StoredRecord[] {
  if (typeof content !== 'string' || content.length === 0) throw errors.invalidLabFile('The lab file is empty.');
  if (content.length > MAX_LAB_FILE_CHARS) throw errors.invalidLabFile('The lab file is larger than 64 MiB.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw errors.invalidLabFile('The file is not an EC2 Lab export: it is not valid JSON.');
  }
  const file = parsed as Partial<LabFile>;
  if (!file || typeof file !== 'object' || file.format !== LAB_FILE_FORMAT) {
    throw errors.invalidLabFile('The file is not an EC2 Lab export.');
  }
  if (file.version !== LAB_FILE_VERSION) {
    throw errors.invalidLabFile(
      `The lab file has version ${String(file.version)}; this app reads version ${LAB_FILE_VERSION}.`,
    );
  }
  if (!Array.isArray(file.records)) throw errors.invalidLabFile('The lab file has no records.');
  const schemaVersion = file.schemaVersion;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw errors.invalidLabFile('The lab file does not say which schema version its records have.');
  }
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw errors.invalidLabFile(
      `The lab file was exported by a newer version of EC2 Lab (schema version ${schemaVersion}; this version reads up to ${CURRENT_SCHEMA_VERSION}).`,
    );
  }
  checkRecords(file.records, knownCollections, false);
  const records = upgradeRecords(file.records as StoredRecord[], schemaVersion);
  checkRecords(records, knownCollections, true);
  return records;
}

/** Every record well-formed and once; after the upgrade, each in a collection this lab keeps. */
function checkRecords(records: readonly unknown[], knownCollections: readonly string[], upgraded: boolean): void {
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const r = record as Partial<StoredRecord>;
    if (!r || typeof r !== 'object' || typeof r.collection !== 'string' || typeof r.id !== 'string') {
      throw errors.invalidLabFile(`Record ${index + 1} of the lab file is malformed.`);
    }
    if (upgraded && !knownCollections.includes(r.collection)) {
      throw errors.invalidLabFile(`Record ${index + 1} belongs to an unknown collection '${r.collection}'.`);
    }
    if (!r.data || typeof r.data !== 'object' || Array.isArray(r.data)) {
      throw errors.invalidLabFile(`Record ${index + 1} (${r.collection}/${r.id}) has no data.`);
    }
    const key = `${r.collection}/${r.id}`;
    if (seen.has(key)) throw errors.invalidLabFile(`Record ${key} appears twice in the lab file.`);
    seen.add(key);
  }
}
