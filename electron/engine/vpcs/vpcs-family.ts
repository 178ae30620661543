/** The VPCs family: today each region's default VPC, described (EC2 API Reference: API_DescribeVpcs). */
import { checkFields, cidr, flag, id, region, tags } from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeVpcs } from './describe-vpcs';
import { VPCS } from './vpc-record';

export const VPCS_FAMILY = defineFamily({
  name: 'vpcs',
  collection: VPCS,
  importCheck: checkFields({
    vpcId: id('vpc'),
    region,
    cidrBlock: cidr,
    isDefault: flag,
    dhcpOptionsId: id('dopt'),
    tags,
  }),
  activityIdKeys: ['VpcIds', 'VpcId'],
  handlers: { DescribeVpcs: describeVpcs },
});
