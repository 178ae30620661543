/**
 * Every commercial region through the real @aws-sdk/client-ec2: scripts written for AWS in us-west-1,
 * eu-west-2 or ap-southeast-2 run unchanged; DescribeRegions with and without AllRegions, and
 * DescribeAvailabilityZones' zone ids and zone groups as AWS gives them.
 * EC2 API Reference: API_DescribeRegions, API_DescribeAvailabilityZones, API_RunInstances.
 */
import {
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeSubnetsCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();

/** What a script does first: the newest Amazon Linux 2023 x86_64 AMI Amazon owns in the region. */
async function latestAmazonLinux(region: string): Promise<string> {
  const { Images } = await lab.client(region).send(
    new DescribeImagesCommand({
      Owners: ['amazon'],
      Filters: [
        { Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] },
        { Name: 'state', Values: ['available'] },
      ],
    }),
  );
  expect(Images, region).toHaveLength(1);
  return Images![0]!.ImageId!;
}

describe('scripts written for AWS, in the regions they name', () => {
  const cases = [
    // The first two octets of the lab's public blocks for each region (ip-addresses.ts).
    {
      region: 'us-west-1',
      zone: 'us-west-1b',
      zoneId: 'usw1-az1',
      prefixes: ['13.52', '13.56', '18.144', '52.8', '54.153', '54.183'],
    },
    {
      region: 'eu-west-2',
      zone: 'eu-west-2a',
      zoneId: 'euw2-az2',
      prefixes: ['3.8', '3.9', '18.130', '18.132', '35.176', '52.56'],
    },
    {
      region: 'ap-southeast-2',
      zone: 'ap-southeast-2c',
      zoneId: 'apse2-az2',
      prefixes: ['3.104', '13.54', '13.236', '13.239', '52.62', '54.66', '54.206'],
    },
  ];

  for (const { region, zone, zoneId } of cases) {
    it(`launches, describes and terminates an instance in ${region}`, async () => {
      const ec2 = lab.client(region);
      const imageId = await latestAmazonLinux(region);
      const { Instances, ReservationId } = await ec2.send(
        new RunInstancesCommand({
          ImageId: imageId,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          Placement: { AvailabilityZone: zone },
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `web-${region}` }] }],
        }),
      );
      expect(ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
      const launched = Instances![0]!;
      expect(launched).toMatchObject({ ImageId: imageId, Placement: { AvailabilityZone: zone } });
      expect(launched.PrivateDnsName).toBe(
        `ip-${launched.PrivateIpAddress!.replaceAll('.', '-')}.${region}.compute.internal`,
      );
      const [subnet] = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [launched.SubnetId!] }))).Subnets!;
      expect(subnet).toMatchObject({ AvailabilityZone: zone, AvailabilityZoneId: zoneId, DefaultForAz: true });

      lab.advance(60_000);
      const described = await ec2.send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: [`web-${region}`] }] }),
      );
      const instance = described.Reservations![0]!.Instances![0]!;
      expect(instance).toMatchObject({ InstanceId: launched.InstanceId, State: { Name: 'running' } });
      const ip = instance.PublicIpAddress!;
      expect(instance.PublicDnsName).toBe(`ec2-${ip.replaceAll('.', '-')}.${region}.compute.amazonaws.com`);
      // Not visible from another region: the instance lives where it was launched.
      const elsewhere = await lab
        .client('ap-northeast-2')
        .send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: [`web-${region}`] }] }));
      expect(elsewhere.Reservations).toEqual([]);

      const { TerminatingInstances } = await ec2.send(
        new TerminateInstancesCommand({ InstanceIds: [launched.InstanceId!] }),
      );
      expect(TerminatingInstances![0]!.CurrentState!.Name).toBe('shutting-down');
    });
  }

  it('gives each region its own public addresses', async () => {
    for (const { region, prefixes } of cases) {
      const ec2 = lab.client(region);
      const { Instances } = await ec2.send(
        new RunInstancesCommand({
          ImageId: await latestAmazonLinux(region),
          InstanceType: 't3.micro',
          MinCount: 3,
          MaxCount: 3,
        }),
      );
      lab.advance(60_000);
      const described = await ec2.send(
        new DescribeInstancesCommand({ InstanceIds: Instances!.map((i) => i.InstanceId!) }),
      );
      for (const instance of described.Reservations!.flatMap((r) => r.Instances!)) {
        const ip = instance.PublicIpAddress!;
        expect(ip, region).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
        expect(prefixes, `${ip} in ${region}`).toContain(ip.split('.').slice(0, 2).join('.'));
      }
    }
  });

  it('keeps AMI ids regional: each region has its own, and another region’s id is not found', async () => {
    const ids = await Promise.all(['us-west-1', 'eu-west-2', 'ap-southeast-2'].map(latestAmazonLinux));
    expect(ids).toEqual(['ami-0be92a0ad760d0371', 'ami-0e3771f9c18926b8e', 'ami-0cb938ea8bf5b7973']);
    const error = await sdkErrorOf(
      lab
        .client('eu-west-2')
        .send(new RunInstancesCommand({ ImageId: ids[0], InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })),
    );
    expect(error.name).toBe('InvalidAMIID.NotFound');
    const { Images } = await lab.client('af-south-1').send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    const ubuntu = Images!.find((i) => i.Name!.includes('ubuntu-noble-24.04-amd64'))!;
    const { Images: london } = await lab.client('eu-west-2').send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    const londonUbuntu = london!.find((i) => i.Name === ubuntu.Name)!;
    expect(londonUbuntu.ImageId).not.toBe(ubuntu.ImageId);
  });
});

describe('DescribeRegions', () => {
  it('lists the 30 regions enabled for the lab account, opt-in ones as opted in', async () => {
    const { Regions } = await lab.client('us-east-1').send(new DescribeRegionsCommand({}));
    expect(Regions).toHaveLength(30);
    expect(Regions!.find((r) => r.RegionName === 'ap-southeast-2')).toEqual({
      RegionName: 'ap-southeast-2',
      Endpoint: 'ec2.ap-southeast-2.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
    expect(Regions!.find((r) => r.RegionName === 'ap-east-1')!.OptInStatus).toBe('opted-in');
  });

  it('lists every region with its opt-in status when AllRegions is true', async () => {
    const { Regions } = await lab.client('us-east-1').send(new DescribeRegionsCommand({ AllRegions: true }));
    const status = Object.fromEntries(Regions!.map((r) => [r.RegionName, r.OptInStatus]));
    expect(Object.keys(status)).toHaveLength(30);
    for (const optIn of ['af-south-1', 'ap-east-1', 'eu-south-1', 'me-south-1', 'il-central-1', 'ca-west-1']) {
      expect(status[optIn], optIn).toBe('opted-in');
    }
    for (const standing of ['us-east-1', 'us-west-1', 'eu-west-2', 'ap-northeast-3', 'sa-east-1']) {
      expect(status[standing], standing).toBe('opt-in-not-required');
    }
  });

  it('names regions by RegionNames and refuses an unknown one', async () => {
    const { Regions } = await lab
      .client('us-east-1')
      .send(new DescribeRegionsCommand({ RegionNames: ['eu-west-2', 'ap-southeast-2'] }));
    expect(Regions!.map((r) => r.RegionName)).toEqual(['eu-west-2', 'ap-southeast-2']);
    const error = await sdkErrorOf(
      lab.client('us-east-1').send(new DescribeRegionsCommand({ RegionNames: ['mars-north-1'] })),
    );
    expect(error.name).toBe('InvalidParameterValue');
  });
});

describe('DescribeAvailabilityZones', () => {
  it('gives each zone its id, its region’s zone group and border group, as AWS does', async () => {
    const { AvailabilityZones } = await lab.client('us-east-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones!.map((z) => `${z.ZoneName}=${z.ZoneId}`)).toEqual([
      'us-east-1a=use1-az6',
      'us-east-1b=use1-az1',
      'us-east-1c=use1-az2',
      'us-east-1d=use1-az4',
      'us-east-1e=use1-az3',
      'us-east-1f=use1-az5',
    ]);
    for (const zone of AvailabilityZones!) {
      expect(zone).toMatchObject({
        State: 'available',
        OptInStatus: 'opt-in-not-required',
        Messages: [],
        RegionName: 'us-east-1',
        GroupName: 'us-east-1-zg-1',
        GroupLongName: 'US East (N. Virginia) 1',
        NetworkBorderGroup: 'us-east-1',
        ZoneType: 'availability-zone',
      });
    }
  });

  it('answers in an opt-in region with its own zones, which need no opt-in', async () => {
    const { AvailabilityZones } = await lab.client('me-south-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones!.map((z) => [z.ZoneName, z.ZoneId, z.GroupName, z.GroupLongName, z.OptInStatus])).toEqual([
      ['me-south-1a', 'mes1-az1', 'me-south-1-zg-1', 'Middle East (Bahrain) 1', 'opt-in-not-required'],
      ['me-south-1b', 'mes1-az2', 'me-south-1-zg-1', 'Middle East (Bahrain) 1', 'opt-in-not-required'],
      ['me-south-1c', 'mes1-az3', 'me-south-1-zg-1', 'Middle East (Bahrain) 1', 'opt-in-not-required'],
    ]);
  });

  it('finds zones by id and by group-name filter, and refuses a zone of another region', async () => {
    const sydney = lab.client('ap-southeast-2');
    const byId = await sydney.send(new DescribeAvailabilityZonesCommand({ ZoneIds: ['apse2-az2'] }));
    expect(byId.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['ap-southeast-2c']);
    const byGroup = await sydney.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'group-name', Values: ['ap-southeast-2-zg-1'] }] }),
    );
    expect(byGroup.AvailabilityZones).toHaveLength(3);
    const error = await sdkErrorOf(sydney.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['eu-west-2a'] })));
    expect(error).toMatchObject({
      name: 'InvalidParameterValue',
      message: "The zone 'eu-west-2a' does not exist in region 'ap-southeast-2'",
    });
  });
});
