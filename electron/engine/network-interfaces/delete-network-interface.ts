/**
 * DeleteNetworkInterface: an interface attached to an instance cannot be deleted (AWS answers
 * `InvalidParameterValue` "Network interface '…' is currently in use."); deleting one disassociates
 * its Elastic IPs, which stay allocated. EC2 API Reference: API_DeleteNetworkInterface; EC2 User
 * Guide: delete_eni.
 */
import type { DeleteNetworkInterfaceRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { NETWORK_INTERFACES } from './network-interface-record';
import { disassociateElasticIpsOf } from './primary-interface';

export function deleteNetworkInterface(
  ctx: EngineContext,
  region: string,
  request: DeleteNetworkInterfaceRequest,
): Record<string, never> {
  if (request.NetworkInterfaceId === undefined) throw errors.missingParameter('NetworkInterfaceId');
  const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
  if (eni!.attachment) throw errors.networkInterfaceCurrentlyInUse(eni!.networkInterfaceId);
  disassociateElasticIpsOf(ctx, [eni!.networkInterfaceId]);
  ctx.records(NETWORK_INTERFACES).delete(eni!.networkInterfaceId);
  ctx.changed(region, 'network-interface', eni!.networkInterfaceId);
  return {};
}
