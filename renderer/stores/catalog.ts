/**
 * What the selected region offers: instance types (and where), images, the Quick Start AMIs,
 * Availability Zones and approximate prices.
 */
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref } from 'vue';
import type { AvailabilityZone, Image, InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { PriceList, QuickStartImage } from '../../shared/lab-operations';
import { ec2, lab } from '../api/client';
import { collectPages } from '../domain/pages';
import { compareTypes } from '../domain/instance-type-order';
import { registerLabData } from './engine-events';
import { useRegionStore } from './region';

export const useCatalogStore = defineStore('catalog', () => {
  const { selected: region } = storeToRefs(useRegionStore());
  const instanceTypes = ref<InstanceTypeInfo[]>([]);
  const images = ref<Image[]>([]);
  const quickStartImages = ref<QuickStartImage[]>([]);
  const zones = ref<AvailabilityZone[]>([]);
  /** Instance type → the Availability Zones of this region that offer it. */
  const offerings = ref<Record<string, string[]>>({});
  const prices = ref<PriceList | undefined>();
  const loaded = ref(false);

  async function load(): Promise<void> {
    const regionName = region.value;
    const [types, imagePages, quickStart, zoneList, offeringPages, priceList] = await Promise.all([
      collectPages((NextToken) => ec2.DescribeInstanceTypes(regionName, { NextToken })),
      collectPages((NextToken) => ec2.DescribeImages(regionName, { NextToken })),
      lab.DescribeQuickStartImages({ Region: regionName }),
      ec2.DescribeAvailabilityZones(regionName, {}),
      collectPages((NextToken) =>
        ec2.DescribeInstanceTypeOfferings(regionName, { LocationType: 'availability-zone', NextToken }),
      ),
      lab.DescribePrices({ Region: regionName }),
    ]);
    if (regionName !== region.value) return;
    instanceTypes.value = types
      .flatMap((page) => page.InstanceTypes ?? [])
      .sort((a, b) => compareTypes(a.InstanceType ?? '', b.InstanceType ?? ''));
    images.value = imagePages.flatMap((page) => page.Images ?? []);
    quickStartImages.value = quickStart.Images;
    zones.value = zoneList.AvailabilityZones ?? [];
    const byType: Record<string, string[]> = {};
    for (const offering of offeringPages.flatMap((page) => page.InstanceTypeOfferings ?? [])) {
      if (!offering.InstanceType || !offering.Location) continue;
      (byType[offering.InstanceType] ??= []).push(offering.Location);
    }
    offerings.value = byType;
    prices.value = priceList.Region === regionName ? priceList : undefined;
    loaded.value = true;
  }

  const priceByType = computed(() => new Map((prices.value?.Prices ?? []).map((p) => [p.InstanceType, p.UsdPerHour])));

  function priceOf(instanceType: string): number | undefined {
    return priceByType.value.get(instanceType);
  }

  function typeInfo(instanceType: string): InstanceTypeInfo | undefined {
    return instanceTypes.value.find((info) => info.InstanceType === instanceType);
  }

  /**
   * The types an instance in `zone` can change to: offered there (DescribeInstanceTypeOfferings by
   * Availability Zone) and built for its architecture (EC2 User Guide: resize-limitations).
   */
  async function typesFor(zone: string, architecture: string | undefined): Promise<InstanceTypeInfo[]> {
    const pages = await collectPages((NextToken) =>
      ec2.DescribeInstanceTypeOfferings(region.value, {
        LocationType: 'availability-zone',
        Filters: [{ Name: 'location', Values: [zone] }],
        NextToken,
      }),
    );
    const offered = new Set(
      pages
        .flatMap((page) => page.InstanceTypeOfferings ?? [])
        .filter((offering) => offering.Location === zone)
        .map((offering) => offering.InstanceType),
    );
    if (!loaded.value) await load();
    return instanceTypes.value.filter(
      (info) =>
        offered.has(info.InstanceType) &&
        (!architecture || (info.ProcessorInfo?.SupportedArchitectures as string[] | undefined)?.includes(architecture)),
    );
  }

  return {
    instanceTypes,
    images,
    quickStartImages,
    zones,
    offerings,
    prices,
    loaded,
    load,
    priceOf,
    typeInfo,
    typesFor,
  };
});

registerLabData({
  storeId: useCatalogStore.$id,
  stage: 'data',
  regional: true,
  reload: () => useCatalogStore().load(),
});
