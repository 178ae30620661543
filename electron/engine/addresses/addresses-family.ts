/**
 * The Elastic IP addresses family: allocate, describe, associate, disassociate and release, by EC2's
 * operation names (EC2 API Reference: API_AllocateAddress, API_DescribeAddresses,
 * API_AssociateAddress, API_DisassociateAddress, API_ReleaseAddress). Termination and interface
 * deletion disassociate (network-interfaces/primary-interface.ts).
 */
import { checkFields, id, ipv4, optional, region, shape, tags, text } from '../import-checks';
import { defineFamily } from '../resource-family';
import { ADDRESSES } from './address-record';
import { allocateAddress } from './allocate-address';
import { associateAddress, disassociateAddress } from './associate-address';
import { describeAddresses } from './describe-addresses';
import { releaseAddress } from './release-address';

export const ADDRESSES_FAMILY = defineFamily({
  name: 'addresses',
  collection: ADDRESSES,
  importCheck: checkFields({
    allocationId: id('eipalloc'),
    region,
    publicIp: ipv4,
    association: optional(shape({ associationId: text, networkInterfaceId: id('eni'), privateIpAddress: ipv4 })),
    tags,
  }),
  uniqueInRegion: ['publicIp'],
  activityIdKeys: ['AllocationId', 'AllocationIds', 'AssociationId'],
  createdIdKey: 'AllocationId',
  handlers: {
    AllocateAddress: allocateAddress,
    DescribeAddresses: describeAddresses,
    AssociateAddress: associateAddress,
    DisassociateAddress: disassociateAddress,
    ReleaseAddress: releaseAddress,
  },
});
