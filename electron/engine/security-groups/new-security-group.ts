/**
 * Making a security group record: a new `sg-` id, no inbound rules and one outbound rule allowing
 * all traffic to 0.0.0.0/0, as EC2 gives every new group (API_CreateSecurityGroup:
 * "When you create a security group, … it has an outbound rule that allows all outbound traffic").
 */
import type { EngineContext } from '../context';
import type { Tag } from '../resource-collection';
import { SECURITY_GROUPS, type SecurityGroupRecord, type SecurityGroupRule } from './security-group-record';

export function newGroup(
  ctx: EngineContext,
  region: string,
  fields: { vpcId: string; groupName: string; description: string; tags: Tag[] },
  options: { inboundFromItself?: boolean } = {},
): SecurityGroupRecord {
  const groupId = ctx.ids.next('sg');
  const rules: SecurityGroupRule[] = [];
  if (options.inboundFromItself) rules.push({ ...allTraffic(ctx, false), referencedGroupId: groupId });
  rules.push({ ...allTraffic(ctx, true), cidrIpv4: '0.0.0.0/0' });
  const record = ctx.records(SECURITY_GROUPS).put(groupId, {
    groupId,
    region,
    ...fields,
    ownerId: ctx.accountId(),
    rules,
  });
  return record;
}

/** A rule of all protocols and ports, its peer still to be set. */
function allTraffic(ctx: EngineContext, egress: boolean): SecurityGroupRule {
  return { ruleId: ctx.ids.next('sgr'), egress, protocol: '-1', fromPort: -1, toPort: -1, tags: [] };
}
