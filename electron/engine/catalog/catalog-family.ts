/** The catalog: regions, zones, instance types and their offerings, and AMIs, served read-only from the lab's data. */
import { defineFamily } from '../resource-family';
import {
  describeAvailabilityZones,
  describeImages,
  describeInstanceTypeOfferings,
  describeInstanceTypes,
  describeRegions,
} from './describe-catalog';

export const CATALOG_FAMILY = defineFamily({
  name: 'catalog',
  activityIdKeys: ['ImageIds'],
  handlers: {
    DescribeInstanceTypes: describeInstanceTypes,
    DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
    DescribeImages: describeImages,
    DescribeRegions: (ctx, _region, input) => describeRegions(ctx, input),
    DescribeAvailabilityZones: describeAvailabilityZones,
  },
});
