/**
 * The catalog the engine serves from: regions and AZs, instance types, which types each AZ offers,
 * Quick Start AMIs and approximate prices. Data lives in `resources/catalog/` (see its README for
 * sources and licence); `load-catalog.ts` reads it.
 */
import type { Image, InstanceTypeInfo } from '@aws-sdk/client-ec2';
import type { PriceList, QuickStartImage } from '../../../shared/lab-operations';

export interface ZoneInfo {
  ZoneName: string;
  ZoneId: string;
}

export interface RegionInfo {
  RegionName: string;
  /** AWS's long name, e.g. "US East (N. Virginia)": zone groups are named after it. */
  LongName: string;
  Endpoint: string;
  /** As DescribeRegions reports it for the lab's account: opted in to every opt-in region. */
  OptInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
  Zones: ZoneInfo[];
}

export interface CatalogImage {
  /** AWS's DescribeImages shape, as the region serves it. */
  image: Image;
  /** What the console's Quick Start tab adds (OS tile, default user, free tier). */
  quickStart: QuickStartImage;
}

export interface Catalog {
  regions: RegionInfo[];
  /** Curated instance types, in AWS's DescribeInstanceTypes shape. */
  instanceTypes: InstanceTypeInfo[];
  /** region → zone name → instance types offered there. */
  offerings: Record<string, Record<string, string[]>>;
  /** region → Quick Start images. */
  images: Record<string, CatalogImage[]>;
  /** region → approximate on-demand prices. */
  prices: Record<string, PriceList>;
  defaultRegion: string;
}
