/**
 * DescribeImages: the region's catalog AMIs (owned by `amazon` and AWS's accounts) and the AMIs the
 * learner made (owned by `self`, the lab's account), with filters and paging.
 * EC2 API Reference: API_DescribeImages.
 */
import type { DescribeImagesRequest, DescribeImagesResult, Image } from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { describeItems } from '../describe';
import { errors } from '../errors';
import type { FilterFields } from '../filters';
import { isWellFormedId } from '../ids';
import { IMAGES } from './image-record';
import { toImage } from './image-view';

const IMAGE_FILTERS: FilterFields<Image> = {
  'image-id': (i) => i.ImageId,
  name: (i) => i.Name,
  description: (i) => i.Description,
  architecture: (i) => i.Architecture,
  platform: (i) => i.Platform,
  'platform-details': (i) => i.PlatformDetails,
  'owner-alias': (i) => i.ImageOwnerAlias,
  'owner-id': (i) => i.OwnerId,
  'root-device-type': (i) => i.RootDeviceType,
  'root-device-name': (i) => i.RootDeviceName,
  state: (i) => i.State,
  'is-public': (i) => String(i.Public),
  'image-type': (i) => i.ImageType,
  'virtualization-type': (i) => i.VirtualizationType,
  hypervisor: (i) => i.Hypervisor,
  'ena-support': (i) => String(i.EnaSupport),
  'usage-operation': (i) => i.UsageOperation,
  'block-device-mapping.snapshot-id': (i) => (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId),
  'block-device-mapping.device-name': (i) => (i.BlockDeviceMappings ?? []).map((m) => m.DeviceName),
  'block-device-mapping.volume-size': (i) => (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.VolumeSize),
  'block-device-mapping.volume-type': (i) => (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.VolumeType),
  'source-instance-id': (i) => i.SourceInstanceId,
};

export function describeImages(
  ctx: EngineContext,
  region: string,
  request: DescribeImagesRequest,
): DescribeImagesResult {
  const account = ctx.accountId();
  const own = ctx.records(IMAGES).inRegion(region).map(toImage);
  const page = describeItems([...(ctx.catalog.images[region] ?? []).map((i) => i.image), ...own], request, {
    named: {
      ids: request.ImageIds,
      idOf: (i) => i.ImageId!,
      malformed: (id) => (isWellFormedId(id, 'ami') ? undefined : errors.amiIdMalformed(id)),
      notFound: errors.amiIdNotFound,
    },
    // 'self' and the lab's account own the learner's AMIs; 'amazon' and AWS's own account ids own the catalog's.
    where: request.Owners?.length
      ? (i) =>
          request.Owners!.some(
            (o) => (o === 'self' && i.OwnerId === account) || o === i.ImageOwnerAlias || o === i.OwnerId,
          )
      : undefined,
    filters: IMAGE_FILTERS,
    tagsOf: (i) => (i.Tags ?? []) as { Key: string; Value: string }[],
    paging: { min: 5, max: 1000, scope: `images:${region}` },
    shape: (i) => structuredClone(i),
  });
  return { Images: page.items, NextToken: page.nextToken };
}
