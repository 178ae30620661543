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
