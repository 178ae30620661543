/**
 * Subnets on the engine: CreateSubnet inside its VPC's blocks (`InvalidSubnet.Range`), apart from
 * its siblings (`InvalidSubnet.Conflict`), in a zone by name or id, with five addresses reserved;
 * ModifySubnetAttribute MapPublicIpOnLaunch deciding whether a launch gets a public address;
 * DeleteSubnet refusing one with network interfaces and leaving its route table and ACL.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';

function labWithVpc(): { lab: TestLab; VpcId: string } {
  const lab = createTestLab();
  return { lab, VpcId: lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId! };
}

describe('CreateSubnet', () => {
  it('makes a subnet in a zone named by name or by id, counting 5 reserved addresses', () => {
    const { lab, VpcId } = labWithVpc();
    const byName = lab.ec2('CreateSubnet', {
      VpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'ap-northeast-2c',
      TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'public' }] }],
    }).Subnet!;
    expect(byName).toMatchObject({
      VpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'ap-northeast-2c',
      AvailabilityZoneId: 'apne2-az3',
      AvailableIpAddressCount: 251,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      State: 'available',
      Tags: [{ Key: 'Name', Value: 'public' }],
    });
    const byId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.2.0/28', AvailabilityZoneId: 'apne2-az1' }).Subnet!;
    expect(byId).toMatchObject({ AvailabilityZone: 'ap-northeast-2a', AvailableIpAddressCount: 11 });
    expect(
      lab.ec2('DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [VpcId] }] }).Subnets!.map((s) => s.SubnetId),
    ).toHaveLength(2);
    // Every new subnet joins the VPC's default network ACL.
    const acl = lab.ec2('DescribeNetworkAcls', {
      Filters: [
        { Name: 'default', Values: ['true'] },
        { Name: 'vpc-id', Values: [VpcId] },
      ],
    }).NetworkAcls![0]!;
    expect(acl.Associations!.map((a) => a.SubnetId).sort()).toEqual([byName.SubnetId, byId.SubnetId].sort());
  });

  it('refuses blocks outside the VPC, of the wrong size, overlapping a sibling, and unknown zones', () => {
    const { lab, VpcId } = labWithVpc();
    lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24' });
    expect(lab.ec2Error('CreateSubnet', { VpcId, CidrBlock: '10.1.0.0/24' })).toEqual({
      code: 'InvalidSubnet.Range',
      message: "The CIDR '10.1.0.0/24' is invalid.",
    });
    expect(lab.ec2Error('CreateSubnet', { VpcId, CidrBlock: '10.0.5.0/29' }).code).toBe('InvalidSubnet.Range');
    expect(lab.ec2Error('CreateSubnet', { VpcId, CidrBlock: '10.0.0.128/25' })).toEqual({
      code: 'InvalidSubnet.Conflict',
      message: "The CIDR '10.0.0.128/25' conflicts with another subnet",
    });
    expect(lab.ec2Error('CreateSubnet', { VpcId, CidrBlock: 'ten' }).code).toBe('InvalidParameterValue');
    expect(lab.ec2Error('CreateSubnet', { VpcId, CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-east-1a' })).toEqual({
      code: 'InvalidParameterValue',
      message:
        'Value (us-east-1a) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-2d.',
    });
    expect(lab.ec2Error('CreateSubnet', { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.9.0/24' }).code).toBe(
      'InvalidVpcID.NotFound',
    );
    expect(lab.ec2('DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [VpcId] }] }).Subnets).toHaveLength(1);
  });
});

describe('ModifySubnetAttribute', () => {
  it('decides whether instances launched into the subnet get a public IPv4 address', () => {
    const { lab, VpcId } = labWithVpc();
    const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' })
      .Subnet!.SubnetId!;
    const publicIpOf = (id: string) =>
      lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.PublicIpAddress;
    const privateOnly = lab.launch({ SubnetId });
    expect(publicIpOf(privateOnly)).toBeUndefined();
    expect(lab.ec2('ModifySubnetAttribute', { SubnetId, MapPublicIpOnLaunch: { Value: true } })).toEqual({});
    expect(lab.ec2('DescribeSubnets', { SubnetIds: [SubnetId] }).Subnets![0]!.MapPublicIpOnLaunch).toBe(true);
    expect(publicIpOf(lab.launch({ SubnetId }))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(lab.ec2('DescribeSubnets', { SubnetIds: [SubnetId] }).Subnets![0]!.AvailableIpAddressCount).toBe(249);
    expect(lab.ec2Error('ModifySubnetAttribute', { SubnetId }).code).toBe('InvalidParameterCombination');
    expect(lab.ec2Error('ModifySubnetAttribute', { SubnetId, AssignIpv6AddressOnCreation: { Value: true } }).code).toBe(
      'UnsupportedOperation',
    );
  });
});

describe('DeleteSubnet', () => {
  it('leaves its route table association and ACL; refuses while an instance is in it', () => {
    const { lab, VpcId } = labWithVpc();
    const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' })
      .Subnet!.SubnetId!;
    const RouteTableId = lab.ec2('CreateRouteTable', { VpcId }).RouteTable!.RouteTableId!;
    lab.ec2('AssociateRouteTable', { RouteTableId, SubnetId });
    const instanceId = lab.launch({ SubnetId });
    expect(lab.ec2Error('DeleteSubnet', { SubnetId }).code).toBe('DependencyViolation');
    lab.ec2('TerminateInstances', { InstanceIds: [instanceId] });
    lab.pass(60_000);
    expect(lab.ec2('DeleteSubnet', { SubnetId })).toEqual({});
    expect(lab.ec2('DescribeRouteTables', { RouteTableIds: [RouteTableId] }).RouteTables![0]!.Associations).toEqual([]);
    expect(
      lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] }).NetworkAcls,
    ).toEqual([]);
    expect(lab.ec2Error('DeleteSubnet', { SubnetId }).code).toBe('InvalidSubnetID.NotFound');
    // The route table can go now that nothing is associated with it.
    expect(lab.ec2('DeleteRouteTable', { RouteTableId })).toEqual({});
  });
});
