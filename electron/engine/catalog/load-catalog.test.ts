import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InstanceTypeInfo } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { QuickStartOs } from '../../../shared/lab-operations';
import { loadCatalog } from './load-catalog';

const catalog = loadCatalog();
const regionNames = catalog.regions.map((r) => r.RegionName);
const typeByName = new Map<string, InstanceTypeInfo>(catalog.instanceTypes.map((t) => [t.InstanceType!, t]));

function offeredIn(region: string): Set<string> {
  return new Set(Object.values(catalog.offerings[region] ?? {}).flat());
}

/**
 * The Quick Start AL2023 AMIs: what `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-*`
 * returned in moto's data (commit 0af643a), i.e. the real AMIs of build 2023.12.20260727.0, kernel 6.1.
 */
const AL2023: Record<string, { x86_64: string; arm64: string }> = {
  'us-east-1': { x86_64: 'ami-0006118602dfc1c09', arm64: 'ami-04fc404d256fd34a2' },
  'us-west-2': { x86_64: 'ami-0b76d82b547c3c077', arm64: 'ami-0159f3bbb387b05a7' },
  'ap-northeast-2': { x86_64: 'ami-04bb4ddfc0e51bb5e', arm64: 'ami-0a1231e819ae021a0' },
  'ap-northeast-1': { x86_64: 'ami-03107d83a97af3820', arm64: 'ami-0650447711a925275' },
  'eu-west-1': { x86_64: 'ami-02c25106ee38f6087', arm64: 'ami-0ab117b5527d5fe24' },
  'eu-central-1': { x86_64: 'ami-0352a6b853b4367b3', arm64: 'ami-0d4009f1875697189' },
};

/** EC2 User Guide: managing-users — the user name each AMI family logs in with. */
const DEFAULT_USER: Record<QuickStartOs, string> = {
  'amazon-linux': 'ec2-user',
  ubuntu: 'ubuntu',
  debian: 'admin',
  rhel: 'ec2-user',
  suse: 'ec2-user',
  windows: 'Administrator',
  macos: 'ec2-user',
};

describe('regions and availability zones', () => {
  it('offers the six lab regions, Seoul by default', () => {
    expect(regionNames).toEqual([
      'us-east-1',
      'us-west-2',
      'ap-northeast-2',
      'ap-northeast-1',
      'eu-west-1',
      'eu-central-1',
    ]);
    expect(catalog.defaultRegion).toBe('ap-northeast-2');
  });

  it('names every zone after its region and gives it a unique zone id of that region', () => {
    for (const region of catalog.regions) {
      expect(region.Endpoint).toBe(`ec2.${region.RegionName}.amazonaws.com`);
      expect(region.OptInStatus).toBe('opt-in-not-required');
      expect(region.Zones.length).toBeGreaterThanOrEqual(3);
      for (const zone of region.Zones) expect(zone.ZoneName).toMatch(new RegExp(`^${region.RegionName}[a-z]$`));
      expect(new Set(region.Zones.map((z) => z.ZoneId)).size).toBe(region.Zones.length);
    }
  });

  it('keeps the real zone-name-to-zone-id mapping', () => {
    const seoul = catalog.regions.find((r) => r.RegionName === 'ap-northeast-2')!;
    expect(seoul.Zones).toEqual([
      { ZoneName: 'ap-northeast-2a', ZoneId: 'apne2-az1' },
      { ZoneName: 'ap-northeast-2b', ZoneId: 'apne2-az2' },
      { ZoneName: 'ap-northeast-2c', ZoneId: 'apne2-az3' },
      { ZoneName: 'ap-northeast-2d', ZoneId: 'apne2-az4' },
    ]);
    const tokyo = catalog.regions.find((r) => r.RegionName === 'ap-northeast-1')!;
    expect(tokyo.Zones.map((z) => z.ZoneName)).toEqual(['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']);
  });
});

describe('instance types and offerings', () => {
  it('holds each curated type once, in the DescribeInstanceTypes shape', () => {
    expect(typeByName.size).toBe(catalog.instanceTypes.length);
    expect(catalog.instanceTypes.length).toBeGreaterThanOrEqual(40);
    for (const type of catalog.instanceTypes) {
      expect(type.VCpuInfo?.DefaultVCpus).toBeGreaterThan(0);
      expect(type.MemoryInfo?.SizeInMiB).toBeGreaterThan(0);
      expect(type.ProcessorInfo?.SupportedArchitectures?.length).toBeGreaterThan(0);
      expect(type.NetworkInfo?.MaximumNetworkInterfaces).toBeGreaterThan(0);
    }
  });

  it('covers the families a learner compares', () => {
    expect(typeByName.get('t3.micro')).toMatchObject({ FreeTierEligible: true, BurstablePerformanceSupported: true });
    expect(typeByName.get('t4g.micro')?.ProcessorInfo?.SupportedArchitectures).toEqual(['arm64']);
    expect(typeByName.get('m5d.large')?.InstanceStorageInfo?.TotalSizeInGB).toBeGreaterThan(0);
    expect(typeByName.get('m5.large')?.InstanceStorageSupported).toBe(false);
    expect(typeByName.get('g4dn.xlarge')?.GpuInfo?.Gpus?.[0]?.Manufacturer).toBe('NVIDIA');
    expect(typeByName.get('mac2.metal')?.ProcessorInfo?.SupportedArchitectures).toEqual(['arm64_mac']);
    for (const name of ['c5.large', 'r5.large', 'i3.large', 'inf2.xlarge', 'mac1.metal']) {
      expect(typeByName.has(name), name).toBe(true);
    }
  });

  it('offers only catalogued types, only in zones of the region, and every type somewhere', () => {
    const offeredAnywhere = new Set<string>();
    expect(Object.keys(catalog.offerings).sort()).toEqual([...regionNames].sort());
    for (const region of catalog.regions) {
      const zones = catalog.offerings[region.RegionName]!;
      expect(Object.keys(zones).sort()).toEqual(region.Zones.map((z) => z.ZoneName).sort());
      for (const types of Object.values(zones)) {
        for (const type of types) {
          expect(typeByName.has(type), `${region.RegionName} offers unknown ${type}`).toBe(true);
          offeredAnywhere.add(type);
        }
      }
    }
    expect([...typeByName.keys()].filter((t) => !offeredAnywhere.has(t))).toEqual([]);
  });

  it('reflects real gaps: no Apple silicon host in Seoul, legacy types only in us-east-1e', () => {
    expect(offeredIn('ap-northeast-2').has('mac2.metal')).toBe(false);
    expect(offeredIn('ap-northeast-2').has('t3.micro')).toBe(true);
    expect(catalog.offerings['us-east-1']!['us-east-1e']).not.toContain('t3.micro');
    expect(catalog.offerings['us-east-1']!['us-east-1a']).toContain('t3.micro');
  });
});

describe('Quick Start images', () => {
  it('lists every Quick Start OS in every region', () => {
    const required: QuickStartOs[] = ['amazon-linux', 'ubuntu', 'debian', 'rhel', 'suse', 'windows', 'macos'];
    for (const region of regionNames) {
      const oses = new Set(catalog.images[region]!.map((i) => i.quickStart.Os));
      expect([...oses].sort(), region).toEqual([...required].sort());
    }
  });

  it('serves the real Amazon Linux 2023 AMIs for both architectures', () => {
    for (const region of regionNames) {
      const al2023 = catalog.images[region]!.filter((i) => i.quickStart.Os === 'amazon-linux');
      expect(al2023.map((i) => [i.image.Architecture, i.image.ImageId])).toEqual([
        ['x86_64', AL2023[region]!.x86_64],
        ['arm64', AL2023[region]!.arm64],
      ]);
      for (const { image } of al2023) {
        expect(image.Name).toMatch(/^al2023-ami-2023\.[\d.]+-kernel-6\.1-(x86_64|arm64)$/);
        expect(image.OwnerId).toBe('137112412989');
        expect(image.ImdsSupport).toBe('v2.0');
      }
    }
  });

  it('describes each image as DescribeImages does, consistent with its Quick Start entry', () => {
    for (const region of regionNames) {
      const ids = new Set<string>();
      for (const { image, quickStart } of catalog.images[region]!) {
        expect(image.ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
        expect(ids.has(image.ImageId!), `duplicate ${image.ImageId} in ${region}`).toBe(false);
        ids.add(image.ImageId!);
        expect(quickStart.ImageId).toBe(image.ImageId);
        expect(quickStart.Architecture).toBe(image.Architecture);
        expect(image).toMatchObject({ State: 'available', Public: true, ImageType: 'machine', RootDeviceType: 'ebs' });
        expect(image.CreationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
        expect(image.RootDeviceName).toBe(quickStart.RootDeviceName);
        expect(image.BlockDeviceMappings).toEqual([
          {
            DeviceName: quickStart.RootDeviceName,
            Ebs: {
              SnapshotId: expect.stringMatching(/^snap-[0-9a-f]{17}$/),
              VolumeSize: quickStart.RootVolumeSizeGiB,
              VolumeType: 'gp3',
              DeleteOnTermination: true,
              Encrypted: false,
            },
          },
        ]);
        expect(quickStart.DefaultUser).toBe(DEFAULT_USER[quickStart.Os]);
      }
    }
  });

  it('marks only Windows as a Windows platform, with its own billing code', () => {
    for (const region of regionNames) {
      for (const { image, quickStart } of catalog.images[region]!) {
        if (quickStart.Os === 'windows') {
          expect(image).toMatchObject({ Platform: 'windows', PlatformDetails: 'Windows' });
          expect(image.UsageOperation).toBe('RunInstances:0002');
          expect(quickStart.RootVolumeSizeGiB).toBe(30);
        } else {
          expect(image.Platform).toBeUndefined();
        }
        if (quickStart.Os === 'rhel') expect(image.UsageOperation).toBe('RunInstances:0010');
        if (quickStart.Os === 'suse') expect(image.UsageOperation).toBe('RunInstances:000g');
        if (['amazon-linux', 'ubuntu', 'debian'].includes(quickStart.Os)) {
          expect(image).toMatchObject({ PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances' });
        }
      }
    }
  });

  it('puts the root device where each OS expects it', () => {
    const images = Object.values(catalog.images).flat();
    const rootOf = (os: QuickStartOs) =>
      new Set(images.filter((i) => i.quickStart.Os === os).map((i) => i.image.RootDeviceName));
    expect(rootOf('amazon-linux')).toEqual(new Set(['/dev/xvda']));
    expect(rootOf('rhel')).toEqual(new Set(['/dev/xvda']));
    expect(rootOf('ubuntu')).toEqual(new Set(['/dev/sda1']));
    expect(rootOf('debian')).toEqual(new Set(['/dev/sda1']));
    expect(rootOf('windows')).toEqual(new Set(['/dev/sda1']));
  });

  it('keeps macOS out of the free tier and everything else in it', () => {
    for (const { quickStart } of Object.values(catalog.images).flat()) {
      expect(quickStart.FreeTierEligible, quickStart.Title).toBe(quickStart.Os !== 'macos');
    }
  });

  it('lists an image only where an offered type can boot it', () => {
    for (const region of regionNames) {
      const offered = [...offeredIn(region)].map((name) => typeByName.get(name)!);
      for (const { image } of catalog.images[region]!) {
        const bootable = offered.filter(
          (t) =>
            t.ProcessorInfo!.SupportedArchitectures!.includes(image.Architecture!) &&
            (image.BootMode === 'uefi-preferred' || t.SupportedBootModes!.includes(image.BootMode!)),
        );
        expect(bootable.length, `${image.Name} in ${region}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives the same generated image a different id in each region, as AWS does', () => {
    const ubuntuIds = regionNames.map(
      (r) =>
        catalog.images[r]!.find((i) => i.quickStart.Os === 'ubuntu' && i.image.Architecture === 'x86_64')!.image
          .ImageId,
    );
    expect(new Set(ubuntuIds).size).toBe(regionNames.length);
  });
});

describe('prices', () => {
  it('prices every offered type, and only those, in each region', () => {
    for (const region of regionNames) {
      const list = catalog.prices[region]!;
      expect(list).toMatchObject({ Region: region, Approximate: true });
      expect(list.AsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(list.Prices.map((p) => p.InstanceType).sort()).toEqual([...offeredIn(region)].sort());
      for (const price of list.Prices) expect(price.UsdPerHour, price.InstanceType).toBeGreaterThan(0);
    }
  });

  it('matches the public on-demand price of the free-tier workhorse', () => {
    const price = (region: string, type: string) =>
      catalog.prices[region]!.Prices.find((p) => p.InstanceType === type)!.UsdPerHour;
    expect(price('us-east-1', 't3.micro')).toBe(0.0104);
    expect(price('ap-northeast-2', 't3.micro')).toBe(0.013);
    for (const region of regionNames) {
      expect(price(region, 't3.nano')).toBeLessThan(price(region, 't3.micro'));
      expect(price(region, 't3.micro')).toBeLessThan(price(region, 'm5.large'));
      expect(price(region, 't4g.micro')).toBeLessThan(price(region, 't3.micro'));
    }
  });
});

describe('loadCatalog', () => {
  it('returns one shared, frozen catalog', () => {
    expect(loadCatalog()).toBe(catalog);
    expect(Object.isFrozen(catalog.instanceTypes[0]!.ProcessorInfo)).toBe(true);
    expect(() => (catalog.regions as unknown[]).push({})).toThrow(TypeError);
  });

  it('stays small enough to bundle (< 1 MB)', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/catalog');
    const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
    expect(bytes).toBeLessThan(1_000_000);
  });
});
