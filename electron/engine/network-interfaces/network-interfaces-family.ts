/**
 * The network interfaces family: ENIs as records of their own. Each instance's primary interface is
 * made with it; CreateNetworkInterface, DeleteNetworkInterface, Attach/DetachNetworkInterface,
 * Assign/UnassignPrivateIpAddresses, DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute
 * serve them (EC2 API Reference: the operations of those names; EC2 User Guide: using-eni).
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
import { attachNetworkInterface, detachNetworkInterface } from './attach-network-interface';
import { createNetworkInterface } from './create-network-interface';
import { deleteNetworkInterface } from './delete-network-interface';
import { describeNetworkInterfaces } from './describe-network-interfaces';
import { assignPrivateIpAddresses, unassignPrivateIpAddresses } from './private-ip-addresses';
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
    secondaryPrivateIpAddresses: optional(listOf(ipv4, 50)),
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
  activityIdKeys: ['NetworkInterfaceIds', 'NetworkInterfaceId', 'AttachmentId'],
  createdIdKey: 'NetworkInterfaceId',
  handlers: {
    DescribeNetworkInterfaces: describeNetworkInterfaces,
    ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
    CreateNetworkInterface: createNetworkInterface,
    DeleteNetworkInterface: deleteNetworkInterface,
    AttachNetworkInterface: attachNetworkInterface,
    DetachNetworkInterface: detachNetworkInterface,
    AssignPrivateIpAddresses: assignPrivateIpAddresses,
    UnassignPrivateIpAddresses: unassignPrivateIpAddresses,
  },
});
