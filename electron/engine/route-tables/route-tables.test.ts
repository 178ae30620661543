/**
 * Route tables on the engine: CreateRouteTable (local route only), CreateRoute/ReplaceRoute/
 * DeleteRoute to internet gateways (the local route untouchable, a gateway of another VPC refused,
 * `blackhole` once the gateway is detached or deleted), subnet associations (one per subnet, the
 * main table otherwise), replacing the main association, DeleteRouteTable refusing the main table
 * and associated ones, filters, and restart.
 */
import { describe, expect, it } from 'vitest';
import { createTestLab, type TestLab } from '../test-support/test-lab';

function network(lab: TestLab) {
  const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet!.SubnetId!;
  const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
  lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
  const main = lab.ec2('DescribeRouteTables', {
    Filters: [
      { Name: 'vpc-id', Values: [VpcId] },
      { Name: 'association.main', Values: ['true'] },
    ],
  }).RouteTables![0]!;
  return { VpcId, SubnetId, InternetGatewayId, main };
}
const tableOf = (lab: TestLab, RouteTableId: string) =>
  lab.ec2('DescribeRouteTables', { RouteTableIds: [RouteTableId] }).RouteTables![0]!;

describe('routes', () => {
  it('route 0.0.0.0/0 to an attached gateway, replace and delete it, and go blackhole when it is detached', () => {
    const lab = createTestLab();
    const { VpcId, InternetGatewayId } = network(lab);
    const RouteTableId = lab.ec2('CreateRouteTable', {
      VpcId,
      TagSpecifications: [{ ResourceType: 'route-table', Tags: [{ Key: 'Name', Value: 'public' }] }],
    }).RouteTable!.RouteTableId!;
    expect(
      lab.ec2('CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId }),
    ).toEqual({
      Return: true,
    });
    expect(tableOf(lab, RouteTableId).Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId, Origin: 'CreateRoute', State: 'active' },
    ]);
    expect(
      lab.ec2Error('CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId }),
    ).toEqual({ code: 'RouteAlreadyExists', message: 'The route identified by 0.0.0.0/0 already exists.' });
    expect(
      lab.ec2Error('CreateRoute', { RouteTableId, DestinationCidrBlock: '10.0.0.0/16', GatewayId: InternetGatewayId })
        .code,
    ).toBe('RouteAlreadyExists');
    expect(lab.ec2Error('DeleteRoute', { RouteTableId, DestinationCidrBlock: '10.0.0.0/16' })).toEqual({
      code: 'InvalidParameterValue',
      message: `cannot remove local route 10.0.0.0/16 in route table ${RouteTableId}`,
    });
    expect(lab.ec2Error('DeleteRoute', { RouteTableId, DestinationCidrBlock: '192.168.0.0/16' })).toEqual({
      code: 'InvalidRoute.NotFound',
      message: `no route with destination-cidr-block 192.168.0.0/16 in route table ${RouteTableId}`,
    });
    expect(
      lab.ec2Error('CreateRoute', {
        RouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: 'nat-0123456789abcdef0',
      }).code,
    ).toBe('UnsupportedOperation');

    lab.ec2('DetachInternetGateway', { InternetGatewayId, VpcId });
    expect(tableOf(lab, RouteTableId).Routes![1]!.State).toBe('blackhole');
    expect(
      lab
        .ec2('DescribeRouteTables', { Filters: [{ Name: 'route.state', Values: ['blackhole'] }] })
        .RouteTables!.map((t) => t.RouteTableId),
    ).toEqual([RouteTableId]);
    // A gateway not attached to the table's VPC cannot be a new route's target.
    expect(
      lab.ec2Error('ReplaceRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId }),
    ).toEqual({
      code: 'InvalidParameterValue',
      message: `route table ${RouteTableId} and network gateway ${InternetGatewayId} belong to different networks`,
    });
    lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
    expect(tableOf(lab, RouteTableId).Routes![1]!.State).toBe('active');
    expect(
      lab.ec2('ReplaceRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId }),
    ).toEqual({});
    expect(
      lab.ec2Error('ReplaceRoute', {
        RouteTableId,
        DestinationCidrBlock: '203.0.113.0/24',
        GatewayId: InternetGatewayId,
      }).code,
    ).toBe('InvalidRoute.NotFound');
    expect(lab.ec2('DeleteRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0' })).toEqual({});
    expect(tableOf(lab, RouteTableId).Routes).toHaveLength(1);
  });
});

describe('associations', () => {
  it('associate one table per subnet, fall back to the main table, and replace the main association', () => {
    const lab = createTestLab();
    const { VpcId, SubnetId, main } = network(lab);
    const RouteTableId = lab.ec2('CreateRouteTable', { VpcId }).RouteTable!.RouteTableId!;
    const associated = lab.ec2('AssociateRouteTable', { RouteTableId, SubnetId });
    expect(associated).toEqual({
      AssociationId: expect.stringMatching(/^rtbassoc-[0-9a-f]{17}$/),
      AssociationState: { State: 'associated' },
    });
    expect(lab.ec2Error('AssociateRouteTable', { RouteTableId: main.RouteTableId!, SubnetId }).code).toBe(
      'Resource.AlreadyAssociated',
    );
    expect(tableOf(lab, RouteTableId).Associations).toEqual([
      {
        Main: false,
        RouteTableAssociationId: associated.AssociationId,
        RouteTableId,
        SubnetId,
        AssociationState: { State: 'associated' },
      },
    ]);
    expect(
      lab
        .ec2('DescribeRouteTables', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] })
        .RouteTables!.map((t) => t.RouteTableId),
    ).toEqual([RouteTableId]);
    expect(lab.ec2Error('DeleteRouteTable', { RouteTableId })).toEqual({
      code: 'DependencyViolation',
      message: `The routeTable '${RouteTableId}' has dependencies and cannot be deleted.`,
    });
    // Moving the subnet to the main table by its association, then making the new table the main one.
    const moved = lab.ec2('ReplaceRouteTableAssociation', {
      AssociationId: associated.AssociationId!,
      RouteTableId: main.RouteTableId!,
    });
    expect(moved.NewAssociationId).not.toBe(associated.AssociationId);
    lab.ec2('DisassociateRouteTable', { AssociationId: moved.NewAssociationId! });
    expect(lab.ec2Error('DisassociateRouteTable', { AssociationId: moved.NewAssociationId! }).code).toBe(
      'InvalidAssociationID.NotFound',
    );
    const mainAssociation = main.Associations![0]!.RouteTableAssociationId!;
    expect(lab.ec2Error('DisassociateRouteTable', { AssociationId: mainAssociation }).code).toBe(
      'InvalidParameterValue',
    );
    expect(lab.ec2Error('DeleteRouteTable', { RouteTableId: main.RouteTableId! }).code).toBe('DependencyViolation');
    const newMain = lab.ec2('ReplaceRouteTableAssociation', { AssociationId: mainAssociation, RouteTableId });
    expect(tableOf(lab, RouteTableId).Associations).toEqual([
      expect.objectContaining({ Main: true, RouteTableAssociationId: newMain.NewAssociationId }),
    ]);
    expect(tableOf(lab, main.RouteTableId!).Associations).toEqual([]);
    const restarted = lab.reopen();
    expect(restarted.ec2('DeleteRouteTable', { RouteTableId: main.RouteTableId! })).toEqual({});
    expect(restarted.ec2Error('DescribeRouteTables', { RouteTableIds: [main.RouteTableId!] })).toEqual({
      code: 'InvalidRouteTableID.NotFound',
      message: `The routeTable ID '${main.RouteTableId}' does not exist`,
    });
  });

  it('refuses a table and a subnet of different VPCs', () => {
    const lab = createTestLab();
    const { SubnetId } = network(lab);
    const otherVpc = lab.ec2('CreateVpc', { CidrBlock: '10.9.0.0/16' }).Vpc!.VpcId!;
    const RouteTableId = lab.ec2('CreateRouteTable', { VpcId: otherVpc }).RouteTable!.RouteTableId!;
    expect(lab.ec2Error('AssociateRouteTable', { RouteTableId, SubnetId }).code).toBe('InvalidParameterValue');
  });
});
