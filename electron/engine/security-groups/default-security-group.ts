/**
 * Every VPC's default security group: named `default`, "default VPC security group", allowing all
 * inbound traffic from members of the group itself and all outbound traffic to 0.0.0.0/0. It is
 * made with the VPC and cannot be deleted. VPC User Guide: default-security-group.
 */
import type { EngineContext } from '../context';
import type { VpcRecord } from '../vpcs/vpc-record';
import { newGroup } from './new-security-group';
import { DEFAULT_GROUP_NAME, defaultGroupOf, SECURITY_GROUPS, type SecurityGroupRecord } from './security-group-record';

export const DEFAULT_GROUP_DESCRIPTION = 'default VPC security group';

export function ensureDefaultSecurityGroup(ctx: EngineContext, vpc: VpcRecord): SecurityGroupRecord {
  const existing = defaultGroupOf(ctx.records(SECURITY_GROUPS).inRegion(vpc.region), vpc.vpcId);
  if (existing) return existing;
  return newGroup(
    ctx,
    vpc.region,
    { vpcId: vpc.vpcId, groupName: DEFAULT_GROUP_NAME, description: DEFAULT_GROUP_DESCRIPTION, tags: [] },
    { inboundFromItself: true },
  );
}
