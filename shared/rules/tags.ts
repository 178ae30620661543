/**
 * Tag restrictions, the one copy the engine and the console both apply (EC2 User Guide: Tag your
 * Amazon EC2 resources → "Tag restrictions"): a key of 1–128 Unicode characters, a value of up to
 * 256, unique keys, at most 50 tags per resource, and the `aws:` prefix reserved. AWS counts
 * Unicode characters (code points), not UTF-16 units: '😀' is one character.
 */
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;
export const MAX_TAGS_PER_RESOURCE = 50;
export const RESERVED_TAG_PREFIX = 'aws:';

/** The length AWS counts: Unicode characters. */
export function tagTextLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The `aws:` tags the lab itself puts on resources, as AWS does (an instance launched from a launch template). */
export const AWS_MADE_TAG_KEYS: readonly string[] = ['aws:ec2launchtemplate:id', 'aws:ec2launchtemplate:version'];

/** A key of the reserved `aws:` prefix: AWS's own tags are kept and shown, never the user's to change. */
export function isReservedTagKey(key: string): boolean {
  return key.toLowerCase().startsWith(RESERVED_TAG_PREFIX);
}

export type TagProblem = 'keyEmpty' | 'keyTooLong' | 'valueTooLong' | 'reservedPrefix';

/** What is wrong with one tag on its own, if anything (duplicates and the count are checked per resource). */
export function tagProblem(key: string, value: string): TagProblem | undefined {
  if (key === '') return 'keyEmpty';
  if (tagTextLength(key) > MAX_TAG_KEY_LENGTH) return 'keyTooLong';
  if (isReservedTagKey(key)) return 'reservedPrefix';
  if (tagTextLength(value) > MAX_TAG_VALUE_LENGTH) return 'valueTooLong';
  return undefined;
}
