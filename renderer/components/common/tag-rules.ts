/**
 * Tag restrictions (EC2 User Guide: Tag your Amazon EC2 resources → Tag restrictions): a key of
 * 1–128 characters, a value of up to 256, unique keys per resource, and the `aws:` prefix reserved.
 */
export interface TagRow {
  key: string;
  value: string;
}

/** What is wrong with a row: an i18n key and its parameters. */
export interface TagRowError {
  key: string;
  params?: Record<string, number>;
}

export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

/** An i18n key (with params) per invalid row index; empty when every row is valid. */
export function validateTagRows(rows: readonly TagRow[]): Record<number, TagRowError> {
  const errors: Record<number, TagRowError> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key.length === 0) errors[index] = { key: 'tags.errors.keyRequired' };
    else if ([...key].length > MAX_TAG_KEY_LENGTH) {
      errors[index] = { key: 'tags.errors.keyTooLong', params: { max: MAX_TAG_KEY_LENGTH } };
    } else if (key.toLowerCase().startsWith('aws:')) errors[index] = { key: 'tags.errors.reservedPrefix' };
    else if (seen.has(key)) errors[index] = { key: 'tags.errors.duplicateKey' };
    else if ([...row.value].length > MAX_TAG_VALUE_LENGTH) {
      errors[index] = { key: 'tags.errors.valueTooLong', params: { max: MAX_TAG_VALUE_LENGTH } };
    }
    seen.add(key);
  });
  return errors;
}
