/**
 * Tags given at creation with `TagSpecifications`, for one resource type: every specification must
 * name that type (else AWS's InvalidParameterValue), and the tags obey AWS's tag rules. Every
 * Create* operation of the families uses it. EC2 API Reference: API_TagSpecification.
 */
import type { TagSpecification } from '@aws-sdk/client-ec2';
import { errors } from '../errors';
import type { Tag } from '../resource-collection';
import { validateTags } from './tag-rules';

/** Tags given with `TagSpecifications` of one resource type (API_TagSpecification). */
export function tagsOnCreation(specifications: readonly TagSpecification[] | undefined, resourceType: string): Tag[] {
  const tags: Tag[] = [];
  for (const specification of specifications ?? []) {
    if (specification.ResourceType !== resourceType) {
      throw errors.invalidParameterValue(
        `'${String(specification.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    for (const tag of specification.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}
