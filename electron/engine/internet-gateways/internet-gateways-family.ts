/**
 * The internet gateways family: create, attach to a VPC, detach, delete and describe (EC2 API
 * Reference: API_CreateInternetGateway, API_AttachInternetGateway, API_DetachInternetGateway,
 * API_DeleteInternetGateway, API_DescribeInternetGateways). Every default VPC has one attached.
 */
import { checkFields, id, optional, region, tags, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeInternetGateways } from './describe-internet-gateways';
import {
  attachInternetGateway,
  createInternetGateway,
  deleteInternetGateway,
  detachInternetGateway,
} from './internet-gateway-operations';
import { INTERNET_GATEWAYS } from './internet-gateway-record';

export const INTERNET_GATEWAYS_FAMILY = defineFamily({
  name: 'internet-gateways',
  collection: INTERNET_GATEWAYS,
  importCheck: checkFields({
    internetGatewayId: id('igw'),
    region,
    ownerId: text,
    vpcId: optional(id('vpc')),
    tags,
  }),
  activityIdKeys: ['InternetGatewayId', 'InternetGatewayIds'],
  handlers: {
    CreateInternetGateway: createInternetGateway,
    AttachInternetGateway: attachInternetGateway,
    DetachInternetGateway: detachInternetGateway,
    DeleteInternetGateway: deleteInternetGateway,
    DescribeInternetGateways: describeInternetGateways,
  },
});
