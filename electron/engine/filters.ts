/**
 * EC2's `Filters` (Name + Values): a resource matches when every filter matches and, within a
 * filter, any value matches. Values may use `*` and `?` wildcards; matching is case-sensitive.
 * `tag:<key>`, `tag-key` and `tag-value` work for every resource that has tags.
 * EC2 API Reference: Using filtering (Query-Requests / Filtering).
 */
import type { Filter } from '@aws-sdk/client-ec2';
import { errors } from './errors';
import type { Tag } from './instances/instance-record';

type FieldValue = string | number | boolean | undefined | null;

export type FilterFields<T> = Record<string, (item: T) => FieldValue | readonly FieldValue[]>;

export function applyFilters<T>(
  items: readonly T[],
  filters: readonly Filter[] | undefined,
  fields: FilterFields<T>,
  tagsOf?: (item: T) => readonly Tag[],
): T[] {
  if (!filters?.length) return [...items];
  const predicates = filters.map((filter) => compile(filter, fields, tagsOf));
  return items.filter((item) => predicates.every((matches) => matches(item)));
}

function compile<T>(filter: Filter, fields: FilterFields<T>, tagsOf?: (item: T) => readonly Tag[]) {
  const name = filter.Name;
  if (!name) throw errors.missingParameter('Filter.Name');
  const matchesValue = valueMatcher(filter.Values ?? []);
  const matchesAny = (values: readonly FieldValue[]) =>
    values.some((v) => v !== undefined && v !== null && matchesValue(String(v)));

  if (tagsOf && name.startsWith('tag:')) {
    const key = name.slice(4);
    return (item: T) =>
      matchesAny(
        tagsOf(item)
          .filter((t) => t.Key === key)
          .map((t) => t.Value),
      );
  }
  if (tagsOf && name === 'tag-key') return (item: T) => matchesAny(tagsOf(item).map((t) => t.Key));
  if (tagsOf && name === 'tag-value') return (item: T) => matchesAny(tagsOf(item).map((t) => t.Value));
  const field = fields[name];
  if (!field) throw errors.invalidFilter(name);
  return (item: T) => {
    const value = field(item);
    return matchesAny(Array.isArray(value) ? value : [value as FieldValue]);
  };
}

/**
 * Whether a value matches one of the filter's values: a set lookup when none has a wildcard (a
 * filter by 200 instance ids over 1,000 instances is then 1,000 lookups, not 200,000 patterns).
 */
function valueMatcher(values: readonly string[]): (value: string) => boolean {
  if (values.every((value) => !/[*?\\]/.test(value))) {
    const exact = new Set(values);
    return (value) => exact.has(value);
  }
  const patterns = values.map(toPattern);
  return (value) => patterns.some((pattern) => pattern.test(value));
}

function toPattern(value: string): RegExp {
  let source = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    // `\*` and `\?` match the literal characters.
    if (ch === '\\' && (value[i + 1] === '*' || value[i + 1] === '?' || value[i + 1] === '\\')) {
      source += escapeRegExp(value[++i]!);
    } else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
