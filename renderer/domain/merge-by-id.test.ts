import { describe, expect, it } from 'vitest';
import { mergeById } from './merge-by-id';

interface Item {
  id: string;
  value: number;
}
const idOf = (item: Item) => item.id;

describe('mergeById', () => {
  const a = { id: 'a', value: 1 };
  const b = { id: 'b', value: 1 };
  const c = { id: 'c', value: 1 };

  it('puts a re-described item in its old place and keeps the others as they were', () => {
    const b2 = { id: 'b', value: 2 };
    const merged = mergeById([a, b, c], idOf, ['b'], [b2]);
    expect(merged).toEqual([a, b2, c]);
    expect(merged[0]).toBe(a);
    expect(merged[2]).toBe(c);
  });

  it('drops a requested id the describe no longer answers and adds new ids at the end', () => {
    const d = { id: 'd', value: 1 };
    expect(mergeById([a, b, c], idOf, ['b', 'd'], [d])).toEqual([a, c, d]);
  });

  it('keeps items whose ids were not requested even when the answer lacks them', () => {
    expect(mergeById([a, b], idOf, ['a'], [])).toEqual([b]);
  });
});
