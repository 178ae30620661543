/**
 * Tag restrictions: keys up to 128 characters, values up to 256, at most 50 tags per resource,
 * the `aws:` prefix reserved. EC2 User Guide: Using_Tags ("Tag restrictions").
 */
import { ErrorCode } from '../../../shared/errors';
import { Ec2Error, errors } from '../errors';

export const MAX_TAGS_PER_RESOURCE = 50;

export function validateTags(tags: readonly { Key?: string; Value?: string }[]): void {
  for (const tag of tags) {
    const key = tag.Key ?? '';
    if (key === '') throw errors.invalidParameterValue('Tag key cannot be empty.');
    if (key.length > 128) {
      throw errors.invalidParameterValue(
        `Tag key exceeds the maximum length of 128 characters: '${key.slice(0, 32)}…'`,
      );
    }
    if ((tag.Value ?? '').length > 256) {
      throw errors.invalidParameterValue(`Tag value exceeds the maximum length of 256 characters for key '${key}'`);
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw errors.invalidParameterValue(`Tag keys starting with 'aws:' are reserved for internal use`);
    }
  }
  const keys = new Set(tags.map((t) => t.Key));
  if (keys.size !== tags.length) throw errors.invalidParameterValue('Duplicate tag key specified.');
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw new Ec2Error(ErrorCode.TagLimitExceeded, `The maximum number of Tags for a resource has been reached.`);
  }
}
