import { describe, expect, it } from 'vitest';
import { tagProblem, tagTextLength } from './tags';

describe('shared tag rules', () => {
  it('measures keys and values in Unicode characters', () => {
    expect(tagTextLength('😀값a')).toBe(3);
    expect(tagProblem('😀'.repeat(128), '')).toBeUndefined();
    expect(tagProblem('😀'.repeat(129), '')).toBe('keyTooLong');
    expect(tagProblem('k', '값'.repeat(256))).toBeUndefined();
    expect(tagProblem('k', '값'.repeat(257))).toBe('valueTooLong');
  });

  it('names an empty key and the reserved prefix in any case', () => {
    expect(tagProblem('', 'v')).toBe('keyEmpty');
    expect(tagProblem('Aws:Name', 'v')).toBe('reservedPrefix');
    expect(tagProblem('awsome', 'v')).toBeUndefined();
  });
});
