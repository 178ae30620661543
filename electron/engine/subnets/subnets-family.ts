/**
 * The subnets family: the default subnets and subnets a learner creates in a VPC (EC2 API Reference:
 * API_CreateSubnet, API_DeleteSubnet, API_DescribeSubnets, API_ModifySubnetAttribute).
 */
import { checkFields, cidr, flag, id, region, tags, text, zone } from '../import-checks';
import { defineFamily } from '../resource-family';
import { createSubnet } from './create-subnet';
import { deleteSubnet } from './delete-subnet';
import { describeSubnets } from './describe-subnets';
import { modifySubnetAttribute } from './modify-subnet-attribute';
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
  handlers: {
    CreateSubnet: createSubnet,
    DeleteSubnet: deleteSubnet,
    DescribeSubnets: describeSubnets,
    ModifySubnetAttribute: modifySubnetAttribute,
  },
});
