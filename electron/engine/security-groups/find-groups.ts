/**
 * Finding the groups a request names: one group by `GroupId` or, in the default VPC, by `GroupName`
 * (API_DeleteSecurityGroup, API_AuthorizeSecurityGroupIngress), and the groups of a network
 * interface by ids or names in its VPC (API_RunInstances `SecurityGroupIds`/`SecurityGroups`).
 * An id not of the form `sg-…` is `InvalidGroupId.Malformed`; one that does not exist
 * `InvalidGroup.NotFound`.
 */
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { requireDefaultVpc } from '../vpcs/default-vpc';
import { VPCS } from '../vpcs/vpc-record';
import { SECURITY_GROUPS, groupNamed, type SecurityGroupRecord } from './security-group-record';

/** At most five groups on a network interface (VPC User Guide: amazon-vpc-limits). */
export const MAX_GROUPS_PER_INTERFACE = 5;

export function findGroup(
  ctx: EngineContext,
  region: string,
  request: { GroupId?: string; GroupName?: string },
): SecurityGroupRecord {
  if (request.GroupId !== undefined) return findRecords(ctx, region, SECURITY_GROUPS, [request.GroupId])[0]!;
  if (request.GroupName !== undefined) {
    const { vpc } = requireDefaultVpc(ctx, region, 'GroupName is only supported for EC2-Classic and default VPC.');
    const group = groupNamed(ctx.records(SECURITY_GROUPS).inRegion(region), vpc.vpcId, request.GroupName);
    if (!group) throw errors.securityGroupNotFoundInVpc(request.GroupName, vpc.vpcId, true);
    return group;
  }
  throw errors.missingParameter('GroupId');
}

/**
 * The groups for a network interface in `vpcId`, by ids and names; each must be in that VPC
 * (`InvalidParameter` "Security group … and subnet … belong to different networks"), at most five.
 */
export function groupsForInterface(
  ctx: EngineContext,
  region: string,
  vpcId: string,
  subnetId: string,
  groupIds: readonly string[] | undefined,
  groupNames: readonly string[] | undefined,
): SecurityGroupRecord[] {
  const byId = groupIds?.length ? findRecords(ctx, region, SECURITY_GROUPS, groupIds) : [];
  for (const group of byId) {
    if (group.vpcId !== vpcId) {
      throw errors.invalidParameter(
        `Security group ${group.groupId} and subnet ${subnetId} belong to different networks.`,
      );
    }
  }
  const records = ctx.records(SECURITY_GROUPS).inRegion(region);
  const isDefault = ctx.records(VPCS).getInRegion(region, vpcId)?.isDefault ?? false;
  const byName = [...new Set(groupNames ?? [])].map((name) => {
    const group = groupNamed(records, vpcId, name);
    if (!group) throw errors.securityGroupNotFoundInVpc(name, vpcId, isDefault);
    return group;
  });
  const groups = [...new Map([...byId, ...byName].map((g) => [g.groupId, g])).values()];
  if (groups.length > MAX_GROUPS_PER_INTERFACE) throw errors.securityGroupsPerInterfaceLimitExceeded();
  return groups;
}
