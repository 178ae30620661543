/**
 * AllocateAddress: an Elastic IP for use in a VPC (`Domain` vpc, the only domain since EC2-Classic
 * retired) from the region's public pool, never one the region already holds, tagged at allocation;
 * at most five per region, AWS's default quota (EC2 User Guide: elastic-ip-addresses-eip, "Elastic IP
 * address quota"). EC2 API Reference: API_AllocateAddress.
 */
import type { AllocateAddressRequest, AllocateAddressResult } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { takenAddresses } from '../network-interfaces/addresses-in-use';
import { allocatePublicIp } from '../network-interfaces/ip-addresses';
import { refuseUnsimulated } from '../not-simulated';
import type { Tag } from '../resource-collection';
import { validateTags } from '../tags/tag-rules';
import { ADDRESSES } from './address-record';

/** Elastic IP addresses per region (EC2 User Guide: elastic-ip-addresses-eip, quota of 5). */
export const MAX_ADDRESSES_PER_REGION = 5;

const OPERATION = 'AllocateAddress';

export function allocateAddress(
  ctx: EngineContext,
  region: string,
  request: AllocateAddressRequest,
): AllocateAddressResult {
  refuseUnsimulated(OPERATION, request, [
    'Domain',
    'NetworkBorderGroup',
    'PublicIpv4Pool',
    'TagSpecifications',
    'DryRun',
  ]);
  if (request.Domain === 'standard') throw errors.notSimulated(OPERATION, 'Domain standard (EC2-Classic, retired)');
  if (request.Domain !== undefined && request.Domain !== 'vpc') {
    throw errors.invalidParameterValue(`Invalid value '${String(request.Domain)}' for domain.`);
  }
  if (request.PublicIpv4Pool !== undefined && request.PublicIpv4Pool !== 'amazon') {
    throw errors.notSimulated(OPERATION, 'PublicIpv4Pool (a pool other than amazon)');
  }
  if (request.NetworkBorderGroup !== undefined && request.NetworkBorderGroup !== region) {
    throw errors.invalidParameterValue(`Invalid value '${request.NetworkBorderGroup}' for networkBorderGroup.`);
  }
  const tags = addressTags(request);
  if (ctx.records(ADDRESSES).inRegion(region).length >= MAX_ADDRESSES_PER_REGION) throw errors.addressLimitExceeded();
  const allocationId = ctx.ids.next('eipalloc');
  const publicIp = allocatePublicIp(region, takenAddresses(ctx, region).public, ctx.ids);
  ctx.records(ADDRESSES).put(allocationId, { allocationId, region, publicIp, tags });
  ctx.changed(region, 'address', allocationId);
  return {
    AllocationId: allocationId,
    PublicIp: publicIp,
    Domain: 'vpc',
    NetworkBorderGroup: region,
    PublicIpv4Pool: 'amazon',
  };
}

function addressTags(request: AllocateAddressRequest): Tag[] {
  const tags: Tag[] = [];
  for (const spec of request.TagSpecifications ?? []) {
    if (spec.ResourceType !== 'elastic-ip') {
      throw errors.invalidParameterValue(
        `'${String(spec.ResourceType)}' is not a valid taggable resource type for this operation.`,
      );
    }
    for (const tag of spec.Tags ?? []) tags.push({ Key: tag.Key ?? '', Value: tag.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}
