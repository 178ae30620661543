/**
 * Checks each record of an imported lab file before anything is replaced, with the check its family
 * declares (`families.ts`): a record the engine could not work with is refused with its position,
 * and the current lab stays as it was.
 */
import type { Catalog } from '../catalog/catalog';
import { errors } from '../errors';
import { FAMILIES } from '../families';
import type { ImportCheck } from '../resource-family';
import type { StoredRecord } from '../state/state-store';

const CHECKS = new Map<string, ImportCheck | undefined>(
  FAMILIES.flatMap((family) => (family.collection ? [[family.collection.name, family.importCheck] as const] : [])),
);

export function validateImportedRecord(record: StoredRecord, index: number, catalog: Catalog): void {
  const bad = CHECKS.get(record.collection)?.(record.data as Record<string, unknown>, catalog);
  if (bad) {
    throw errors.invalidLabFile(
      `Record ${index + 1} (${record.collection}/${record.id}) has an invalid '${bad}'; nothing was imported.`,
    );
  }
}
