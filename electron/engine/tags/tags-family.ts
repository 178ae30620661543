/** Tags: CreateTags, DeleteTags and DescribeTags over every taggable family (EC2 API Reference: API_CreateTags …). */
import { defineFamily } from '../resource-family';
import { createTags, deleteTags, describeTags } from './tags';

export const TAGS_FAMILY = defineFamily({
  name: 'tags',
  activityIdKeys: ['Resources'],
  handlers: { CreateTags: createTags, DeleteTags: deleteTags, DescribeTags: describeTags },
});
