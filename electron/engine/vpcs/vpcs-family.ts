/**
 * The VPCs family: each region's default VPC (default-vpc.ts) and VPCs a learner creates, with their
 * attributes and secondary IPv4 blocks (EC2 API Reference: API_CreateVpc, API_DeleteVpc,
 * API_DescribeVpcs, API_ModifyVpcAttribute, API_DescribeVpcAttribute, API_AssociateVpcCidrBlock,
 * API_DisassociateVpcCidrBlock).
 */
import { checkFields, cidr, flag, id, listOf, optional, region, shape, tags, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { createDefaultVpc } from './create-default-vpc';
import { createVpc } from './create-vpc';
import { deleteVpc } from './delete-vpc';
import { describeVpcs } from './describe-vpcs';
import { describeVpcAttribute, modifyVpcAttribute } from './vpc-attributes';
import { associateVpcCidrBlock, disassociateVpcCidrBlock } from './vpc-cidr-blocks';
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
    secondaryCidrBlocks: optional(listOf(shape({ associationId: text, cidrBlock: cidr }), 4)),
    enableDnsSupport: optional(flag),
    enableDnsHostnames: optional(flag),
    tags,
  }),
  activityIdKeys: ['VpcIds', 'VpcId'],
  handlers: {
    CreateVpc: createVpc,
    CreateDefaultVpc: createDefaultVpc,
    DeleteVpc: deleteVpc,
    DescribeVpcs: describeVpcs,
    ModifyVpcAttribute: modifyVpcAttribute,
    DescribeVpcAttribute: describeVpcAttribute,
    AssociateVpcCidrBlock: associateVpcCidrBlock,
    DisassociateVpcCidrBlock: disassociateVpcCidrBlock,
  },
});
