/**
 * ReleaseAddress: an Elastic IP goes back to the pool, by AllocationId. One still associated is
 * refused (`InvalidIPAddress.InUse`): the EC2 User Guide (using-instance-addressing-eips-releasing)
 * says the address "must not be currently associated with an AWS resource"; the API Reference's
 * older note that a default VPC's address is disassociated for you is not followed. EC2 API
 * Reference: API_ReleaseAddress.
 */
import type { ReleaseAddressRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { ADDRESSES } from './address-record';

export function releaseAddress(
  ctx: EngineContext,
  region: string,
  request: ReleaseAddressRequest,
): Record<string, never> {
  refuseUnsimulated('ReleaseAddress', request, ['AllocationId', 'PublicIp', 'NetworkBorderGroup', 'DryRun']);
  if (request.AllocationId !== undefined && request.PublicIp !== undefined) {
    throw errors.invalidParameterCombination(
      'You may specify public IP or allocation id, but not both in the same call',
    );
  }
  if (request.AllocationId === undefined) {
    if (request.PublicIp !== undefined) {
      throw errors.invalidParameterValue('You must specify an allocation id when releasing a VPC elastic IP address');
    }
    throw errors.missingParameter('AllocationId');
  }
  const [address] = findRecords(ctx, region, ADDRESSES, [request.AllocationId]);
  // "If you provide an incorrect network border group, you receive an InvalidAddress.NotFound error."
  if (request.NetworkBorderGroup !== undefined && request.NetworkBorderGroup !== region) {
    throw errors.addressNotFound(address!.publicIp);
  }
  if (address!.association) throw errors.ipAddressInUse(address!.publicIp);
  ctx.records(ADDRESSES).delete(address!.allocationId);
  ctx.changed(region, 'address', address!.allocationId);
  return {};
}
