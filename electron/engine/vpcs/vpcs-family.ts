/** The VPCs family: today each region's default VPC, described (EC2 API Reference: API_DescribeVpcs). */
import { checkFields, list, region, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeVpcs } from './describe-vpcs';
import { VPCS } from './vpc-record';

export const VPCS_FAMILY = defineFamily({
  name: 'vpcs',
  collection: VPCS,
  importCheck: checkFields({ vpcId: text, region, cidrBlock: text, tags: list }),
  activityIdKeys: ['VpcIds', 'VpcId'],
  handlers: { DescribeVpcs: describeVpcs },
});
