/**
 * The field checks a family declares for records of an imported lab file: each names what a field
 * must be, and a record is refused by its first bad field (the lab names it), so a hand-edited or
 * foreign file cannot put a record the engine would trip over into a lab.
 */
import type { Catalog } from './catalog/catalog';
import { isWellFormedId, type IdPrefix } from './ids';
import type { ImportCheck } from './resource-family';

type FieldCheck = (value: unknown, catalog: Catalog) => boolean;

export const text: FieldCheck = (v) => typeof v === 'string' && v.length > 0;
export const optionalText: FieldCheck = (v) => v === undefined || typeof v === 'string';
export const time: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v);
export const count: FieldCheck = (v) => Number.isInteger(v) && (v as number) >= 0;
export const flag: FieldCheck = (v) => typeof v === 'boolean';
export const list: FieldCheck = (v) => Array.isArray(v);
export const region: FieldCheck = (v, catalog) => catalog.regions.some((r) => r.RegionName === v);
export const id =
  (prefix: IdPrefix): FieldCheck =>
  (v) =>
    typeof v === 'string' && isWellFormedId(v, prefix);
export const oneOf =
  (allowed: readonly string[]): FieldCheck =>
  (v) =>
    typeof v === 'string' && allowed.includes(v);
export const listOf =
  (item: FieldCheck): FieldCheck =>
  (v, catalog) =>
    Array.isArray(v) && v.every((entry) => item(entry, catalog));
export const shape =
  (fields: Record<string, FieldCheck>): FieldCheck =>
  (v, catalog) =>
    typeof v === 'object' && v !== null && checkFields(fields)(v as Record<string, unknown>, catalog) === undefined;
export const optional =
  (check: FieldCheck): FieldCheck =>
  (v, catalog) =>
    v === undefined || check(v, catalog);

/** An import check from a table of fields: the first field whose value fails is the answer. */
export function checkFields(fields: Record<string, FieldCheck>): ImportCheck {
  return (data, catalog) => Object.keys(fields).find((name) => !fields[name]!(data[name], catalog));
}
