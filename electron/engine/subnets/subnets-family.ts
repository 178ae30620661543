/** The subnets family: today the default subnets, described (EC2 API Reference: API_DescribeSubnets). */
import { checkFields, cidr, flag, id, region, tags, text, zone } from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeSubnets } from './describe-subnets';
import { SUBNETS } from './subnet-record';

export const SUBNETS_FAMILY = defineFamily({
  name: 'subnets',
  collection: SUBNETS,
  importCheck: checkFields({
    subnetId: id('subnet'),
    vpcId: id('vpc'),
    region,
    availabilityZone: zone,
    availabilityZoneId: text,
    cidrBlock: cidr,
    defaultForAz: flag,
    mapPublicIpOnLaunch: flag,
    tags,
  }),
  activityIdKeys: ['SubnetIds', 'SubnetId'],
  handlers: { DescribeSubnets: describeSubnets },
});
