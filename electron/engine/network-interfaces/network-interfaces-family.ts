/**
 * The network interfaces family: ENIs as records of their own. Today each instance's primary
 * interface is made with it. DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute serve them;
 * the VPC operations (CreateNetworkInterface, AttachNetworkInterface …) join here.
 */
import {
  anyText,
  checkFields,
  count,
  flag,
  id,
  ipv4,
  listOf,
  macAddress,
  oneOf,
  optional,
  region,
  shape,
  tags,
  text,
  time,
  zone,
} from '../import-checks';
import { defineFamily } from '../resource-family';
import { describeNetworkInterfaces } from './describe-network-interfaces';
import { modifyNetworkInterfaceAttribute } from './modify-network-interface-attribute';
import { NETWORK_INTERFACES } from './network-interface-record';

export const NETWORK_INTERFACES_FAMILY = defineFamily({
  name: 'network-interfaces',
  collection: NETWORK_INTERFACES,
  importCheck: checkFields({
    networkInterfaceId: id('eni'),
    region,
    availabilityZone: zone,
    vpcId: id('vpc'),
    subnetId: id('subnet'),
    ownerId: text,
    description: anyText,
    macAddress,
    privateIpAddress: ipv4,
    publicIp: optional(ipv4),
    groups: listOf(shape({ groupId: id('sg'), groupName: text }), 16),
    sourceDestCheck: flag,
    status: oneOf(['available', 'in-use']),
    attachment: optional(
      shape({
        attachmentId: text,
        instanceId: id('i'),
        deviceIndex: count,
        attachTime: time,
        deleteOnTermination: flag,
      }),
    ),
    tags,
  }),
  uniqueInRegion: ['privateIpAddress', 'publicIp', 'macAddress'],
  activityIdKeys: ['NetworkInterfaceIds', 'NetworkInterfaceId'],
  createdIdKey: 'NetworkInterfaceId',
  handlers: {
    DescribeNetworkInterfaces: describeNetworkInterfaces,
    ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
  },
});
