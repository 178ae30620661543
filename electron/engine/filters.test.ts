/** Describe* filters: exact values, wildcards (`*`, `?`) and escaped wildcards, as EC2 matches them. */
import { expect, it } from 'vitest';
import { applyFilters, type FilterFields } from './filters';

interface Item {
  id: string;
  names: string[];
}
const items: Item[] = [
  { id: 'i-1', names: ['web', 'a*b'] },
  { id: 'i-2', names: ['Web'] },
  { id: 'i-3', names: ['web-2', 'a\\b'] },
];
const fields: FilterFields<Item> = { 'instance-id': (i) => i.id, name: (i) => i.names };
const ids = (Name: string, Values: string[]) => applyFilters(items, [{ Name, Values }], fields).map((i) => i.id);

it('matches exact values case-sensitively, whole values only, any of them', () => {
  expect(ids('name', ['web'])).toEqual(['i-1']);
  expect(ids('name', ['Web', 'web-2'])).toEqual(['i-2', 'i-3']);
  expect(ids('instance-id', ['i-3', 'i-9', 'i-1'])).toEqual(['i-1', 'i-3']);
  expect(ids('name', ['we'])).toEqual([]);
});

it('takes * and ? as wildcards, \\* \\? \\\\ as the characters themselves', () => {
  expect(ids('name', ['web*'])).toEqual(['i-1', 'i-3']);
  expect(ids('name', ['?eb'])).toEqual(['i-1', 'i-2']);
  expect(ids('name', ['a\\*b'])).toEqual(['i-1']);
  expect(ids('name', ['a\\\\b'])).toEqual(['i-3']);
  // A plain value beside a wildcard one still matches exactly.
  expect(ids('name', ['Web', 'web-?'])).toEqual(['i-2', 'i-3']);
});
