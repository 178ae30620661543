/**
 * DescribeVpcs, DescribeSubnets, DescribeInstanceStatus and DescribeInstanceTypeOfferings through
 * the real @aws-sdk/client-ec2 against the door and the real engine: the default VPC and its
 * subnets as AWS shows them, addresses taken by a launch, status checks on the lab clock.
 */
import {
  DescribeImagesCommand,
  DescribeInstanceStatusCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const REGION = 'ap-northeast-2';
const lab = useSdkLab();
const ec2 = () => lab.client(REGION);

describe('network and status, through @aws-sdk/client-ec2', () => {
  it("describes the region's default VPC and one default /20 subnet per zone", async () => {
    const { Vpcs } = await ec2().send(new DescribeVpcsCommand({}));
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs![0]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' });
    const vpcId = Vpcs![0]!.VpcId!;
    const { Subnets } = await ec2().send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    expect(Subnets!.map((s) => s.CidrBlock)).toEqual(Subnets!.map((_, i) => `172.31.${i * 16}.0/20`));
    expect(Subnets!.every((s) => s.DefaultForAz && s.MapPublicIpOnLaunch)).toBe(true);
    expect(await errorOf(ec2().send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })))).toMatchObject({
      name: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    });
    expect(
      await errorOf(ec2().send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] }))),
    ).toMatchObject({
      name: 'InvalidSubnetID.NotFound',
      message: "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    });
  });

  it('counts the addresses a launch takes from its subnet, and reports status checks on the clock', async () => {
    const { Subnets } = await ec2().send(new DescribeSubnetsCommand({}));
    const subnet = Subnets![0]!;
    const { Images } = await ec2().send(
      new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
    );
    const launched = await ec2().send(
      new RunInstancesCommand({
        ImageId: Images![0]!.ImageId,
        InstanceType: 't3.micro',
        MinCount: 3,
        MaxCount: 3,
        SubnetId: subnet.SubnetId,
      }),
    );
    const ids = launched.Instances!.map((i) => i.InstanceId!);
    const after = await ec2().send(new DescribeSubnetsCommand({ SubnetIds: [subnet.SubnetId!] }));
    expect(after.Subnets![0]!.AvailableIpAddressCount).toBe(subnet.AvailableIpAddressCount! - 3);

    // Pending instances are described only with IncludeAllInstances (API_DescribeInstanceStatus).
    expect((await ec2().send(new DescribeInstanceStatusCommand({ InstanceIds: ids }))).InstanceStatuses).toEqual([]);
    const all = await ec2().send(new DescribeInstanceStatusCommand({ InstanceIds: ids, IncludeAllInstances: true }));
    expect(all.InstanceStatuses!.map((s) => s.InstanceState!.Name)).toEqual(['pending', 'pending', 'pending']);

    lab.advance(15_000);
    const running = await ec2().send(new DescribeInstanceStatusCommand({ InstanceIds: ids }));
    expect(running.InstanceStatuses!.map((s) => s.InstanceStatus!.Status)).toEqual([
      'initializing',
      'initializing',
      'initializing',
    ]);
    lab.advance(120_000);
    const passed = await ec2().send(
      new DescribeInstanceStatusCommand({ Filters: [{ Name: 'instance-status.status', Values: ['ok'] }] }),
    );
    expect(passed.InstanceStatuses!.map((s) => s.InstanceId).sort()).toEqual([...ids].sort());
    expect(passed.InstanceStatuses![0]!.SystemStatus!.Details).toEqual([{ Name: 'reachability', Status: 'passed' }]);
  });

  it('lists instance type offerings by region, zone name and zone id', async () => {
    const byRegion = await ec2().send(
      new DescribeInstanceTypeOfferingsCommand({ Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] }),
    );
    expect(byRegion.InstanceTypeOfferings).toEqual([
      { InstanceType: 't3.micro', LocationType: 'region', Location: REGION },
    ]);
    const byZone = await ec2().send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone',
        Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }],
      }),
    );
    expect(byZone.InstanceTypeOfferings!.map((o) => o.Location)).toContain(`${REGION}a`);
    const byZoneId = await ec2().send(
      new DescribeInstanceTypeOfferingsCommand({
        LocationType: 'availability-zone-id',
        Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }],
      }),
    );
    expect(byZoneId.InstanceTypeOfferings!.every((o) => /^apne2-az\d$/.test(o.Location!))).toBe(true);
  });
});
