/**
 * CreateSecurityGroup: a named group in a VPC (the default VPC when none is given) with a
 * description, no inbound rules and the allow-all outbound rule. Names are unique per VPC
 * (`InvalidGroup.Duplicate`), may not start with `sg-`, and, like descriptions, are up to 255
 * characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*. EC2 API Reference:
 * API_CreateSecurityGroup.
 */
import type { CreateSecurityGroupRequest, CreateSecurityGroupResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { tagsOnCreation } from '../tags/tags-on-creation';
import { requireDefaultVpc } from '../vpcs/default-vpc';
import { VPCS } from '../vpcs/vpc-record';
import { newGroup } from './new-security-group';
import { SECURITY_GROUPS, groupNamed } from './security-group-record';

const MAX_TEXT_LENGTH = 255;
const ALLOWED_TEXT = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/;

export function createSecurityGroup(
  ctx: EngineContext,
  region: string,
  request: CreateSecurityGroupRequest,
): CreateSecurityGroupResult {
  const groupName = checkedText(request.GroupName, 'GroupName');
  const description = checkedText(request.Description, 'GroupDescription');
  if (groupName.toLowerCase().startsWith('sg-')) {
    throw errors.invalidParameterValue('Group names may not be in the format sg-*.');
  }
  const vpc = request.VpcId ? findRecords(ctx, region, VPCS, [request.VpcId])[0]! : requireDefaultVpc(ctx, region).vpc;
  if (groupNamed(ctx.records(SECURITY_GROUPS).inRegion(region), vpc.vpcId, groupName)) {
    throw errors.securityGroupDuplicate(groupName, vpc.vpcId);
  }
  const tags = tagsOnCreation(request.TagSpecifications, 'security-group');
  const group = newGroup(ctx, region, { vpcId: vpc.vpcId, groupName, description, tags });
  ctx.changed(region, 'security-group', group.groupId);
  return {
    GroupId: group.groupId,
    Tags: group.tags.length ? group.tags.map((t) => ({ ...t })) : undefined,
    SecurityGroupArn: `arn:aws:ec2:${region}:${group.ownerId}:security-group/${group.groupId}`,
  };
}

function checkedText(value: string | undefined, parameter: string): string {
  if (value === undefined || value === '') throw errors.missingParameter(parameter);
  if (value.length > MAX_TEXT_LENGTH || !ALLOWED_TEXT.test(value)) {
    throw errors.invalidParameterValue(
      `Value (${value.slice(0, 64)}) for parameter ${parameter} is invalid. Up to ${MAX_TEXT_LENGTH} characters of a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*`,
    );
  }
  return value;
}
