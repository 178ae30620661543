/**
 * The console's tag checks: AWS's tag restrictions (shared/rules/tags.ts, the same rules the engine
 * applies) as i18n keys beside each row.
 */
import type { MessageKey } from '../../i18n/message-keys';
import { MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, tagProblem } from '../../../shared/rules/tags';

export { MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH };

export interface TagRow {
  key: string;
  value: string;
}

/** What is wrong with a row: an i18n key and its parameters. */
export interface TagRowError {
  key: MessageKey;
  params?: Record<string, number>;
}

const MESSAGES = {
  keyEmpty: { key: 'tags.errors.keyRequired' },
  keyTooLong: { key: 'tags.errors.keyTooLong', params: { max: MAX_TAG_KEY_LENGTH } },
  reservedPrefix: { key: 'tags.errors.reservedPrefix' },
  valueTooLong: { key: 'tags.errors.valueTooLong', params: { max: MAX_TAG_VALUE_LENGTH } },
} as const satisfies Record<string, TagRowError>;

/** An i18n key (with params) per invalid row index; empty when every row is valid. */
export function validateTagRows(rows: readonly TagRow[]): Record<number, TagRowError> {
  const errors: Record<number, TagRowError> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    const problem = tagProblem(key, row.value);
    if (problem) errors[index] = MESSAGES[problem];
    else if (seen.has(key)) errors[index] = { key: 'tags.errors.duplicateKey' };
    seen.add(key);
  });
  return errors;
}
