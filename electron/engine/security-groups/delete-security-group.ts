/**
 * DeleteSecurityGroup: by GroupId or (default VPC) GroupName. A VPC's default group cannot be
 * deleted (`CannotDelete`); a group on a network interface or named by another group's rule is
 * in use (`DependencyViolation`). EC2 API Reference: API_DeleteSecurityGroup; VPC User Guide:
 * default-security-group.
 */
import type { DeleteSecurityGroupRequest, DeleteSecurityGroupResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { NETWORK_INTERFACES } from '../network-interfaces/network-interface-record';
import { findGroup } from './find-groups';
import { DEFAULT_GROUP_NAME, SECURITY_GROUPS } from './security-group-record';

export function deleteSecurityGroup(
  ctx: EngineContext,
  region: string,
  request: DeleteSecurityGroupRequest,
): DeleteSecurityGroupResult {
  const group = findGroup(ctx, region, request);
  if (group.groupName === DEFAULT_GROUP_NAME) throw errors.securityGroupCannotDelete(group.groupId, group.groupName);
  const onInterface = ctx
    .records(NETWORK_INTERFACES)
    .inRegion(region)
    .some((eni) => eni.groups.some((g) => g.groupId === group.groupId));
  const referenced = ctx
    .records(SECURITY_GROUPS)
    .inRegion(region)
    .some(
      (other) =>
        other.groupId !== group.groupId && other.rules.some((rule) => rule.referencedGroupId === group.groupId),
    );
  if (onInterface || referenced) throw errors.dependencyViolation(group.groupId);
  ctx.records(SECURITY_GROUPS).delete(group.groupId);
  ctx.changed(region, 'security-group', group.groupId);
  return { Return: true, GroupId: group.groupId };
}
