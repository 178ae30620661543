import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';

describe('catalog operations', () => {
  it('lists regions and the zones of the region asked', () => {
    const lab = createTestLab();
    const regions = lab.ec2('DescribeRegions', {}).Regions!.map((r) => r.RegionName);
    expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'ap-northeast-2']));
    const zones = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones!;
    expect(zones.map((z) => z.ZoneName)).toEqual([
      'ap-northeast-2a',
      'ap-northeast-2b',
      'ap-northeast-2c',
      'ap-northeast-2d',
    ]);
    expect(zones[0]).toMatchObject({ ZoneId: 'apne2-az1', State: 'available', RegionName: 'ap-northeast-2' });
  });

  it("describes zones as AWS does: zone id, the region's zone group, its border group, no opt-in", () => {
    const lab = createTestLab();
    const zones = lab.ec2('DescribeAvailabilityZones', {}, 'us-east-1').AvailabilityZones!;
    expect(zones).toHaveLength(6);
    expect(zones[0]).toEqual({
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: 'us-east-1',
      ZoneName: 'us-east-1a',
      ZoneId: 'use1-az6',
      GroupName: 'us-east-1-zg-1',
      NetworkBorderGroup: 'us-east-1',
      ZoneType: 'availability-zone',
      GroupLongName: 'US East (N. Virginia) 1',
      State: 'available',
    });
    const capeTown = lab.ec2('DescribeAvailabilityZones', {}, 'af-south-1').AvailabilityZones!;
    expect(capeTown.map((z) => [z.ZoneName, z.ZoneId, z.GroupName, z.OptInStatus])).toEqual([
      ['af-south-1a', 'afs1-az1', 'af-south-1-zg-1', 'opt-in-not-required'],
      ['af-south-1b', 'afs1-az2', 'af-south-1-zg-1', 'opt-in-not-required'],
      ['af-south-1c', 'afs1-az3', 'af-south-1-zg-1', 'opt-in-not-required'],
    ]);
    const byGroup = lab.ec2(
      'DescribeAvailabilityZones',
      { Filters: [{ Name: 'group-long-name', Values: ['Asia Pacific (Seoul) 1'] }] },
      'ap-northeast-2',
    ).AvailabilityZones!;
    expect(byGroup).toHaveLength(4);
    const byId = lab.ec2('DescribeAvailabilityZones', { ZoneIds: ['usw1-az3'] }, 'us-west-1').AvailabilityZones!;
    expect(byId.map((z) => z.ZoneName)).toEqual(['us-west-1a']);
  });

  it('lists all 30 regions with and without AllRegions, opt-in ones as opted in', () => {
    const lab = createTestLab();
    const enabled = lab.ec2('DescribeRegions', {}).Regions!;
    const all = lab.ec2('DescribeRegions', { AllRegions: true }).Regions!;
    expect(enabled).toHaveLength(30);
    expect(all).toEqual(enabled);
    expect(all.find((r) => r.RegionName === 'me-south-1')).toEqual({
      RegionName: 'me-south-1',
      Endpoint: 'ec2.me-south-1.amazonaws.com',
      OptInStatus: 'opted-in',
    });
    const optedIn = lab.ec2('DescribeRegions', {
      AllRegions: true,
      Filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }],
    }).Regions!;
    expect(optedIn).toHaveLength(13);
    expect(
      lab.ec2('DescribeRegions', { Filters: [{ Name: 'opt-in-status', Values: ['not-opted-in'] }] }).Regions,
    ).toEqual([]);
  });

  it('gives every region a default VPC with one default /20 subnet per zone', () => {
    const lab = createTestLab();
    const virginia = lab.ec2('DescribeSubnets', {}, 'us-east-1').Subnets!;
    expect(virginia.map((s) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true],
      ['us-east-1b', '172.31.16.0/20', true],
      ['us-east-1c', '172.31.32.0/20', true],
      ['us-east-1d', '172.31.48.0/20', true],
      ['us-east-1e', '172.31.64.0/20', true],
      ['us-east-1f', '172.31.80.0/20', true],
    ]);
    const california = lab.ec2('DescribeSubnets', {}, 'us-west-1').Subnets!;
    expect(california.map((s) => s.CidrBlock)).toEqual(['172.31.0.0/20', '172.31.16.0/20']);
    const vpcs = lab.ec2('DescribeVpcs', {}, 'ca-west-1').Vpcs!;
    expect(vpcs).toMatchObject([{ CidrBlock: '172.31.0.0/16', IsDefault: true }]);
  });

  it('describes previous-generation types AWS still offers (t1.micro, m1.small, m3.medium) where they are offered', () => {
    const lab = createTestLab();
    const old = lab.ec2('DescribeInstanceTypes', { InstanceTypes: ['t1.micro', 'm1.small', 'm3.medium'] }, 'us-east-1');
    expect(old.InstanceTypes!.map((t) => [t.InstanceType, t.CurrentGeneration]).sort()).toEqual([
      ['m1.small', false],
      ['m3.medium', false],
      ['t1.micro', false],
    ]);
    const offered = (region: string) =>
      lab.ec2('DescribeInstanceTypeOfferings', { Filters: [{ Name: 'instance-type', Values: ['t1.micro'] }] }, region)
        .InstanceTypeOfferings!.length;
    expect(offered('us-east-1')).toBe(1);
    // Seoul opened after the first generation was retired: AWS offers it nowhere there.
    expect(offered('ap-northeast-2')).toBe(0);
  });

  it('describes instance types, refusing unknown ones, filtering by architecture', () => {
    const lab = createTestLab();
    const [micro] = lab.ec2('DescribeInstanceTypes', { InstanceTypes: ['t3.micro'] }).InstanceTypes!;
    expect(micro).toMatchObject({
      InstanceType: 't3.micro',
      VCpuInfo: { DefaultVCpus: 2 },
      MemoryInfo: { SizeInMiB: 1024 },
    });
    expect(lab.ec2Error('DescribeInstanceTypes', { InstanceTypes: ['t3.mega' as never] })).toEqual({
      code: 'InvalidInstanceType',
      message: 'The following supplied instance types do not exist: [t3.mega]',
    });
    const arm = lab.ec2('DescribeInstanceTypes', {
      Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }],
      MaxResults: 100,
    }).InstanceTypes!;
    expect(arm.length).toBeGreaterThan(3);
    expect(arm.every((t) => t.ProcessorInfo!.SupportedArchitectures!.includes('arm64'))).toBe(true);
  });

  it('describes images and refuses a missing one', () => {
    const lab = createTestLab();
    const images = lab.ec2('DescribeImages', { Owners: ['amazon'] }).Images!;
    expect(images.some((i) => i.Name?.startsWith('al2023-ami-'))).toBe(true);
    expect(lab.ec2Error('DescribeImages', { ImageIds: ['ami-0123456789abcdef0'] })).toEqual({
      code: 'InvalidAMIID.NotFound',
      message: "The image id '[ami-0123456789abcdef0]' does not exist",
    });
    expect(lab.ec2('DescribeImages', { Filters: [{ Name: 'platform', Values: ['windows'] }] }).Images!.length).toBe(1);
  });

  it('has a default VPC with a /20 subnet per zone', () => {
    const lab = createTestLab();
    const [vpc] = lab.ec2('DescribeVpcs', {}).Vpcs!;
    expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' });
    const subnets = lab.ec2('DescribeSubnets', {}).Subnets!;
    expect(subnets.map((s) => s.CidrBlock)).toEqual([
      '172.31.0.0/20',
      '172.31.16.0/20',
      '172.31.32.0/20',
      '172.31.48.0/20',
    ]);
    expect(subnets[0]!.AvailableIpAddressCount).toBe(4091);
  });
});
