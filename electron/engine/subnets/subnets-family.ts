/** The subnets family: today the default subnets, described (EC2 API Reference: API_DescribeSubnets). */
import { checkFields, list, region, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeSubnets } from './describe-subnets';
import { SUBNETS } from './subnet-record';

export const SUBNETS_FAMILY = defineFamily({
  name: 'subnets',
  collection: SUBNETS,
  importCheck: checkFields({ subnetId: text, vpcId: text, region, cidrBlock: text, tags: list }),
  activityIdKeys: ['SubnetIds', 'SubnetId'],
  handlers: { DescribeSubnets: describeSubnets },
});
