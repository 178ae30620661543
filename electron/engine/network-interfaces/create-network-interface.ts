/**
 * CreateNetworkInterface: a new interface in a subnet, `available` until attached: its private
 * address (the one asked for, or a free one of the subnet, never one of the five reserved), secondary
 * addresses by list or count, its security groups (the VPC's default group when none are named),
 * description and tags. EC2 API Reference: API_CreateNetworkInterface; EC2 User Guide: create-eni.
 */
import type { CreateNetworkInterfaceRequest, CreateNetworkInterfaceResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { findRecords } from '../find-records';
import { refuseUnsimulated } from '../not-simulated';
import { ensureDefaultSecurityGroup } from '../security-groups/default-security-group';
import { groupsForInterface } from '../security-groups/find-groups';
import { SUBNETS } from '../subnets/subnet-record';
import { validateTags } from '../tags/tag-rules';
import { defaultVpcOf } from '../vpcs/default-vpc';
import { VPCS } from '../vpcs/vpc-record';
import { takenAddresses, usableAddresses, addressesUsedIn } from './addresses-in-use';
import { toNetworkInterface } from './describe-network-interfaces';
import { createInterface } from './new-interface';
import type { Tag } from '../resource-collection';

const OPERATION = 'CreateNetworkInterface';
const SERVED_MEMBERS: readonly (keyof CreateNetworkInterfaceRequest)[] = [
  'SubnetId',
  'Description',
  'PrivateIpAddress',
  'Groups',
  'PrivateIpAddresses',
  'SecondaryPrivateIpAddressCount',
  'TagSpecifications',
  'ClientToken',
  'DryRun',
];

export function createNetworkInterface(
  ctx: EngineContext,
  region: string,
  request: CreateNetworkInterfaceRequest,
): CreateNetworkInterfaceResult {
  refuseUnsimulated(OPERATION, request, SERVED_MEMBERS);
  if (request.SubnetId === undefined) throw errors.missingParameter('SubnetId');
  defaultVpcOf(ctx, region);
  const [subnet] = findRecords(ctx, region, SUBNETS, [request.SubnetId]);
  const { primary, secondaries } = requestedAddresses(request);
  const secondaryCount = request.SecondaryPrivateIpAddressCount ?? 0;
  if (!Number.isInteger(secondaryCount) || secondaryCount < 0) {
    throw errors.invalidParameterValue(
      `Value (${secondaryCount}) for parameter secondaryPrivateIpAddressCount is invalid. Expected a non-negative integer.`,
    );
  }
  const wanted = 1 + secondaries.length + secondaryCount;
  const free = usableAddresses(subnet!.cidrBlock) - addressesUsedIn(ctx, subnet!.subnetId);
  if (wanted > free) throw errors.insufficientFreeAddresses(subnet!.subnetId);
  const named = groupsForInterface(ctx, region, subnet!.vpcId, subnet!.subnetId, request.Groups, undefined);
  const groups = named.length ? named : [ensureDefaultSecurityGroup(ctx, ctx.records(VPCS).get(subnet!.vpcId)!)];
  const eni = createInterface(
    ctx,
    {
      subnet: subnet!,
      privateIpAddress: primary,
      secondaryPrivateIpAddresses: secondaries,
      secondaryPrivateIpAddressCount: secondaryCount,
      assignPublicIp: false,
      groups: groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName })),
      description: request.Description ?? '',
      tags: interfaceTags(request),
    },
    takenAddresses(ctx, region),
  );
  return { NetworkInterface: toNetworkInterface(ctx, eni), ClientToken: request.ClientToken };
}

/** The primary address by `PrivateIpAddress` or by `PrivateIpAddresses` with Primary, and the secondary ones. */
function requestedAddresses(request: CreateNetworkInterfaceRequest): { primary?: string; secondaries: string[] } {
  const listed = request.PrivateIpAddresses ?? [];
  const primaries = listed.filter((a) => a.Primary === true).map((a) => a.PrivateIpAddress);
  if (primaries.length > 1 || (primaries.length === 1 && request.PrivateIpAddress !== undefined)) {
    throw errors.invalidParameterValue('Only one primary private IP address can be specified.');
  }
  const secondaries = listed.filter((a) => a.Primary !== true).map((a) => a.PrivateIpAddress);
  if ([...primaries, ...secondaries].some((a) => a === undefined)) {
    throw errors.missingParameter('PrivateIpAddresses.PrivateIpAddress');
  }
  return { primary: request.PrivateIpAddress ?? primaries[0], secondaries: secondaries as string[] };
}

function interfaceTags(request: CreateNetworkInterfaceRequest): Tag[] {
  const tags: Tag[] = [];
  for (const spec of request.TagSpecifications ?? []) {
    if (spec.ResourceType !== 'network-interface') {
      throw errors.invalidParameterValue(
        `'${String(spec.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    for (const tag of spec.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}
