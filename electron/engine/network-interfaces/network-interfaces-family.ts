/**
 * The network interfaces family: ENIs as records of their own. Today each instance's primary
 * interface is made with it; the VPC operations (CreateNetworkInterface, AttachNetworkInterface …) join here.
 */
import { checkFields, id, list, oneOf, region, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { NETWORK_INTERFACES } from './network-interface-record';

export const NETWORK_INTERFACES_FAMILY = defineFamily({
  name: 'network-interfaces',
  collection: NETWORK_INTERFACES,
  importCheck: checkFields({
    networkInterfaceId: id('eni'),
    region,
    subnetId: text,
    vpcId: text,
    macAddress: text,
    privateIpAddress: text,
    status: oneOf(['available', 'in-use']),
    groups: list,
    tags: list,
  }),
  activityIdKeys: ['NetworkInterfaceIds', 'NetworkInterfaceId'],
  createdIdKey: 'NetworkInterfaceId',
  handlers: {},
});
