/**
 * Read-only catalog operations: DescribeRegions, DescribeAvailabilityZones, DescribeInstanceTypes,
 * DescribeInstanceTypeOfferings and DescribeImages, served from the lab catalog.
 * EC2 API Reference: the API_Describe* page of each.
 */
import type {
  AvailabilityZone,
  DescribeAvailabilityZonesRequest,
  DescribeAvailabilityZonesResult,
  DescribeImagesRequest,
  DescribeImagesResult,
  DescribeInstanceTypeOfferingsRequest,
  DescribeInstanceTypeOfferingsResult,
  DescribeInstanceTypesRequest,
  DescribeInstanceTypesResult,
  DescribeRegionsRequest,
  DescribeRegionsResult,
  Image,
  InstanceTypeInfo,
  InstanceTypeOffering,
  Region,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { applyFilters, type FilterFields } from '../filters';
import { isWellFormedId } from '../ids';
import { paginate } from '../pagination';

const REGION_FILTERS: FilterFields<Region> = {
  'region-name': (r) => r.RegionName,
  endpoint: (r) => r.Endpoint,
  'opt-in-status': (r) => r.OptInStatus,
};

export function describeRegions(ctx: EngineContext, request: DescribeRegionsRequest): DescribeRegionsResult {
  let regions: Region[] = ctx.catalog.regions.map((r) => ({
    RegionName: r.RegionName,
    Endpoint: r.Endpoint,
    OptInStatus: r.OptInStatus,
  }));
  if (request.RegionNames?.length) {
    const unknown = request.RegionNames.filter((name) => !regions.some((r) => r.RegionName === name));
    if (unknown.length) throw errors.invalidParameterValue(`Invalid region: [${unknown.join(', ')}]`);
    regions = regions.filter((r) => request.RegionNames!.includes(r.RegionName!));
  }
  return { Regions: applyFilters(regions, request.Filters, REGION_FILTERS) };
}

const ZONE_FILTERS: FilterFields<AvailabilityZone> = {
  'zone-name': (z) => z.ZoneName,
  'zone-id': (z) => z.ZoneId,
  'region-name': (z) => z.RegionName,
  state: (z) => z.State,
  'zone-type': (z) => z.ZoneType,
  'group-name': (z) => z.GroupName,
  'opt-in-status': (z) => z.OptInStatus,
  'network-border-group': (z) => z.NetworkBorderGroup,
};

export function describeAvailabilityZones(
  ctx: EngineContext,
  region: string,
  request: DescribeAvailabilityZonesRequest,
): DescribeAvailabilityZonesResult {
  const info = ctx.catalog.regions.find((r) => r.RegionName === region)!;
  let zones: AvailabilityZone[] = info.Zones.map((z) => ({
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: region,
    ZoneName: z.ZoneName,
    ZoneId: z.ZoneId,
    GroupName: region,
    NetworkBorderGroup: region,
    ZoneType: 'availability-zone',
  }));
  const names = request.ZoneNames ?? [];
  const ids = request.ZoneIds ?? [];
  if (names.length || ids.length) {
    const unknown = [
      ...names.filter((n) => !zones.some((z) => z.ZoneName === n)),
      ...ids.filter((n) => !zones.some((z) => z.ZoneId === n)),
    ];
    if (unknown.length) {
      throw errors.invalidParameterValue(`The zone '${unknown[0]}' does not exist in region '${region}'`);
    }
    zones = zones.filter((z) => names.includes(z.ZoneName!) || ids.includes(z.ZoneId!));
  }
  return { AvailabilityZones: applyFilters(zones, request.Filters, ZONE_FILTERS) };
}

const TYPE_FILTERS: FilterFields<InstanceTypeInfo> = {
  'instance-type': (t) => t.InstanceType,
  'current-generation': (t) => String(t.CurrentGeneration),
  'free-tier-eligible': (t) => String(t.FreeTierEligible),
  'hibernation-supported': (t) => String(t.HibernationSupported),
  'burstable-performance-supported': (t) => String(t.BurstablePerformanceSupported),
  'bare-metal': (t) => String(t.BareMetal),
  hypervisor: (t) => t.Hypervisor,
  'instance-storage-supported': (t) => String(t.InstanceStorageSupported),
  'processor-info.supported-architecture': (t) => t.ProcessorInfo?.SupportedArchitectures ?? [],
  'processor-info.manufacturer': (t) => t.ProcessorInfo?.Manufacturer,
  'vcpu-info.default-vcpus': (t) => t.VCpuInfo?.DefaultVCpus,
  'memory-info.size-in-mib': (t) => t.MemoryInfo?.SizeInMiB,
  'network-info.network-performance': (t) => t.NetworkInfo?.NetworkPerformance,
  'supported-usage-class': (t) => t.SupportedUsageClasses ?? [],
  'supported-root-device-type': (t) => t.SupportedRootDeviceTypes ?? [],
};

/** Types offered anywhere in the region. */
function regionTypes(ctx: EngineContext, region: string): InstanceTypeInfo[] {
  const offered = new Set(Object.values(ctx.catalog.offerings[region] ?? {}).flat());
  return ctx.catalog.instanceTypes.filter((t) => offered.has(t.InstanceType!));
}

export function describeInstanceTypes(
  ctx: EngineContext,
  region: string,
  request: DescribeInstanceTypesRequest,
): DescribeInstanceTypesResult {
  let types = regionTypes(ctx, region);
  if (request.InstanceTypes?.length) {
    const unknown = request.InstanceTypes.filter((name) => !types.some((t) => t.InstanceType === name));
    if (unknown.length) {
      throw errors.instanceTypesNotFound(unknown);
    }
    types = types.filter((t) => request.InstanceTypes!.includes(t.InstanceType!));
  }
  const matching = applyFilters(types, request.Filters, TYPE_FILTERS);
  const page = paginate(matching, request, { min: 5, max: 100, scope: `instance-types:${region}` });
  return { InstanceTypes: structuredClone(page.items), NextToken: page.nextToken };
}

const OFFERING_FILTERS: FilterFields<InstanceTypeOffering> = {
  location: (o) => o.Location,
  'instance-type': (o) => o.InstanceType,
};

export function describeInstanceTypeOfferings(
  ctx: EngineContext,
  region: string,
  request: DescribeInstanceTypeOfferingsRequest,
): DescribeInstanceTypeOfferingsResult {
  const locationType = request.LocationType ?? 'region';
  const byZone = ctx.catalog.offerings[region] ?? {};
  const zoneIds = new Map(
    ctx.catalog.regions.find((r) => r.RegionName === region)!.Zones.map((z) => [z.ZoneName, z.ZoneId]),
  );
  let offerings: InstanceTypeOffering[];
  if (locationType === 'region') {
    offerings = regionTypes(ctx, region).map((t) => ({
      InstanceType: t.InstanceType,
      LocationType: 'region',
      Location: region,
    }));
  } else if (locationType === 'availability-zone' || locationType === 'availability-zone-id') {
    offerings = Object.entries(byZone).flatMap(([zone, types]) =>
      types.map((type) => ({
        InstanceType: type as InstanceTypeOffering['InstanceType'],
        LocationType: locationType,
        Location: locationType === 'availability-zone' ? zone : zoneIds.get(zone),
      })),
    );
  } else {
    throw errors.invalidParameterValue(
      `Value (${String(locationType)}) for parameter locationType is invalid. Expected: 'region', 'availability-zone', 'availability-zone-id'.`,
    );
  }
  const matching = applyFilters(offerings, request.Filters, OFFERING_FILTERS);
  const page = paginate(matching, request, { min: 5, max: 1000, scope: `offerings:${region}:${locationType}` });
  return { InstanceTypeOfferings: page.items, NextToken: page.nextToken };
}

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
};

export function describeImages(
  ctx: EngineContext,
  region: string,
  request: DescribeImagesRequest,
): DescribeImagesResult {
  let images = (ctx.catalog.images[region] ?? []).map((i) => i.image);
  if (request.ImageIds?.length) {
    for (const id of request.ImageIds) if (!isWellFormedId(id, 'ami')) throw errors.amiIdMalformed(id);
    const missing = request.ImageIds.filter((id) => !images.some((i) => i.ImageId === id));
    if (missing.length) {
      throw errors.amiIdNotFound(missing);
    }
    images = images.filter((i) => request.ImageIds!.includes(i.ImageId!));
  }
  if (request.Owners?.length) {
    // 'self' owns nothing until CreateImage arrives; 'amazon' and AWS's own account ids own the catalog.
    images = images.filter((i) => request.Owners!.some((o) => o === i.ImageOwnerAlias || o === i.OwnerId));
  }
  const matching = applyFilters(
    images,
    request.Filters,
    IMAGE_FILTERS,
    (i) => (i.Tags ?? []) as { Key: string; Value: string }[],
  );
  const page = paginate(matching, request, { min: 5, max: 1000, scope: `images:${region}` });
  return { Images: structuredClone(page.items), NextToken: page.nextToken };
}
