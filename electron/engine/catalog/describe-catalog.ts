/**
 * Read-only catalog operations: DescribeRegions, DescribeAvailabilityZones, DescribeInstanceTypes
 * and DescribeInstanceTypeOfferings, served from the lab catalog (DescribeImages, which also answers
 * the learner's own AMIs, lives in images/).
 * EC2 API Reference: the API_Describe* page of each.
 */
import type {
  AvailabilityZone,
  DescribeAvailabilityZonesRequest,
  DescribeAvailabilityZonesResult,
  DescribeInstanceTypeOfferingsRequest,
  DescribeInstanceTypeOfferingsResult,
  DescribeInstanceTypesRequest,
  DescribeInstanceTypesResult,
  DescribeRegionsRequest,
  DescribeRegionsResult,
  InstanceTypeInfo,
  InstanceTypeOffering,
  Region,
} from '@aws-sdk/client-ec2';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { describeItems } from '../describe';
import type { FilterFields } from '../filters';

const REGION_FILTERS: FilterFields<Region> = {
  'region-name': (r) => r.RegionName,
  endpoint: (r) => r.Endpoint,
  'opt-in-status': (r) => r.OptInStatus,
};

/**
 * Without AllRegions, AWS lists only the regions enabled for the account; with it, every region with its
 * OptInStatus. The lab's account has opted in to every opt-in region, so both list all of them.
 */
export function describeRegions(ctx: EngineContext, request: DescribeRegionsRequest): DescribeRegionsResult {
  const listed = request.AllRegions
    ? ctx.catalog.regions
    : ctx.catalog.regions.filter((r) => r.OptInStatus !== 'not-opted-in');
  const regions: Region[] = listed.map((r) => ({
    RegionName: r.RegionName,
    Endpoint: r.Endpoint,
    OptInStatus: r.OptInStatus,
  }));
  const described = describeItems(regions, request, {
    named: {
      ids: request.RegionNames,
      idOf: (r) => r.RegionName!,
      notFound: (unknown) => errors.invalidParameterValue(`Invalid region: [${unknown.join(', ')}]`),
    },
    filters: REGION_FILTERS,
    shape: (r) => r,
  });
  return { Regions: described.items };
}

const ZONE_FILTERS: FilterFields<AvailabilityZone> = {
  'zone-name': (z) => z.ZoneName,
  'zone-id': (z) => z.ZoneId,
  'region-name': (z) => z.RegionName,
  state: (z) => z.State,
  'zone-type': (z) => z.ZoneType,
  'group-name': (z) => z.GroupName,
  'group-long-name': (z) => z.GroupLongName,
  'opt-in-status': (z) => z.OptInStatus,
  'network-border-group': (z) => z.NetworkBorderGroup,
};

export function describeAvailabilityZones(
  ctx: EngineContext,
  region: string,
  request: DescribeAvailabilityZonesRequest,
): DescribeAvailabilityZonesResult {
  const info = ctx.catalog.regions.find((r) => r.RegionName === region)!;
  // Every AZ of a region is in its one zone group, REGION-zg-1, "Long Name 1"; an AZ needs no opt-in.
  const zones: AvailabilityZone[] = info.Zones.map((z) => ({
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: region,
    ZoneName: z.ZoneName,
    ZoneId: z.ZoneId,
    GroupName: `${region}-zg-1`,
    NetworkBorderGroup: region,
    ZoneType: 'availability-zone',
    GroupLongName: `${info.LongName} 1`,
    State: 'available',
  }));
  // A zone may be named by its name or by its id (API_DescribeAvailabilityZones: ZoneNames, ZoneIds).
  const named = [...(request.ZoneNames ?? []), ...(request.ZoneIds ?? [])];
  const described = describeItems(zones, request, {
    named: {
      ids: named,
      idOf: (z) => z.ZoneName!,
      find: (name) => zones.find((z) => z.ZoneName === name || z.ZoneId === name),
      notFound: (unknown) =>
        errors.invalidParameterValue(`The zone '${unknown[0]}' does not exist in region '${region}'`),
    },
    filters: ZONE_FILTERS,
    shape: (z) => z,
  });
  return { AvailabilityZones: described.items };
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
  const page = describeItems(regionTypes(ctx, region), request, {
    named: { ids: request.InstanceTypes, idOf: (t) => t.InstanceType!, notFound: errors.instanceTypesNotFound },
    filters: TYPE_FILTERS,
    paging: { min: 5, max: 100, scope: `instance-types:${region}` },
    shape: (t) => structuredClone(t),
  });
  return { InstanceTypes: page.items, NextToken: page.nextToken };
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
  const page = describeItems(offerings, request, {
    filters: OFFERING_FILTERS,
    paging: { min: 5, max: 1000, scope: `offerings:${region}:${locationType}` },
    shape: (o) => o,
  });
  return { InstanceTypeOfferings: page.items, NextToken: page.nextToken };
}
