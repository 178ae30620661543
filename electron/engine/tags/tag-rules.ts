/**
 * Tag restrictions as EC2 answers them: the rules themselves are shared with the console
 * (shared/rules/tags.ts, EC2 User Guide: Using_Tags "Tag restrictions"); this file gives each its
 * AWS error.
 */
import {
  MAX_TAGS_PER_RESOURCE,
  MAX_TAG_KEY_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  tagProblem,
} from '../../../shared/rules/tags';
import { errors } from '../errors';

export function validateTags(tags: readonly { Key?: string; Value?: string }[]): void {
  for (const tag of tags) {
    const key = tag.Key ?? '';
    switch (tagProblem(key, tag.Value ?? '')) {
      case 'keyEmpty':
        throw errors.invalidParameterValue('Tag key cannot be empty.');
      case 'keyTooLong':
        throw errors.invalidParameterValue(
          `Tag key exceeds the maximum length of ${MAX_TAG_KEY_LENGTH} characters: '${key.slice(0, 32)}…'`,
        );
      case 'reservedPrefix':
        throw errors.invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use`);
      case 'valueTooLong':
        throw errors.invalidParameterValue(
          `Tag value exceeds the maximum length of ${MAX_TAG_VALUE_LENGTH} characters for key '${key}'`,
        );
    }
  }
  const keys = new Set(tags.map((t) => t.Key));
  if (keys.size !== tags.length) throw errors.invalidParameterValue('Duplicate tag key specified.');
  if (tags.length > MAX_TAGS_PER_RESOURCE) throw errors.tagLimitExceeded();
}
