/**
 * ModifyNetworkInterfaceAttribute: one attribute per request: `Groups` (the interface's security
 * groups become exactly these, each in the interface's VPC, at most five), `Description`,
 * `SourceDestCheck` or `Attachment` (its DeleteOnTermination, by the interface's attachment id).
 * The other attributes are not simulated and refused.
 * Attached instances see new groups at once. EC2 API Reference: API_ModifyNetworkInterfaceAttribute.
 */
import type { ModifyNetworkInterfaceAttributeRequest } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { groupsForInterface } from '../security-groups/find-groups';
import { NETWORK_INTERFACES } from './network-interface-record';

const OPERATION = 'ModifyNetworkInterfaceAttribute';
const SERVED_MEMBERS: readonly (keyof ModifyNetworkInterfaceAttributeRequest)[] = [
  'NetworkInterfaceId',
  'Groups',
  'Description',
  'SourceDestCheck',
  'Attachment',
  'DryRun',
];

export function modifyNetworkInterfaceAttribute(
  ctx: EngineContext,
  region: string,
  request: ModifyNetworkInterfaceAttributeRequest,
): Record<string, never> {
  refuseUnsimulated(OPERATION, request, SERVED_MEMBERS);
  if (request.NetworkInterfaceId === undefined) throw errors.missingParameter('NetworkInterfaceId');
  const [eni] = findRecords(ctx, region, NETWORK_INTERFACES, [request.NetworkInterfaceId]);
  const named = [
    request.Groups !== undefined && 'groupSet',
    request.Description?.Value !== undefined && 'description',
    request.SourceDestCheck?.Value !== undefined && 'sourceDestCheck',
    request.Attachment !== undefined && 'attachment',
  ].filter((n): n is string => n !== false);
  if (named.length === 0) throw errors.invalidParameterCombination('No attributes specified.');
  if (named.length > 1) {
    throw errors.invalidParameterCombination(`Fields for multiple attribute types specified: ${named.join(', ')}`);
  }
  if (request.Groups !== undefined) {
    if (!request.Groups.length) {
      throw errors.invalidParameterValue('Value () for parameter groupId is invalid. The value cannot be empty');
    }
    const groups = groupsForInterface(ctx, region, eni!.vpcId, eni!.subnetId, request.Groups, undefined);
    const record = ctx.records(NETWORK_INTERFACES).touch(eni!.networkInterfaceId);
    record.groups = groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName }));
  } else if (request.Description?.Value !== undefined) {
    ctx.records(NETWORK_INTERFACES).touch(eni!.networkInterfaceId).description = request.Description.Value;
  } else if (request.Attachment !== undefined) {
    const { AttachmentId, DeleteOnTermination, ...other } = request.Attachment;
    refuseUnsimulated(OPERATION, other, [], 'Attachment.');
    if (AttachmentId === undefined) throw errors.missingParameter('Attachment.AttachmentId');
    if (eni!.attachment?.attachmentId !== AttachmentId) throw errors.attachmentIdNotFound(AttachmentId);
    if (DeleteOnTermination !== undefined) {
      ctx.records(NETWORK_INTERFACES).touch(eni!.networkInterfaceId).attachment!.deleteOnTermination =
        DeleteOnTermination;
    }
  } else {
    ctx.records(NETWORK_INTERFACES).touch(eni!.networkInterfaceId).sourceDestCheck = request.SourceDestCheck!.Value!;
  }
  ctx.changed(region, 'network-interface', eni!.networkInterfaceId);
  return {};
}
