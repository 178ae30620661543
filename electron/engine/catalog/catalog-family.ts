/** The catalog: regions, zones, instance types and their offerings, served read-only from the lab's data (its AMIs are described by images/). */
import { defineFamily } from '../resource-family';
import {
  describeAvailabilityZones,
  describeInstanceTypeOfferings,
  describeInstanceTypes,
  describeRegions,
} from './describe-catalog';

export const CATALOG_FAMILY = defineFamily({
  name: 'catalog',
  handlers: {
    DescribeInstanceTypes: describeInstanceTypes,
    DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
    DescribeRegions: (ctx, _region, input) => describeRegions(ctx, input),
    DescribeAvailabilityZones: describeAvailabilityZones,
  },
});
