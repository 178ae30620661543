/**
 * VPCs on the engine: the default VPC as AWS makes it (gateway, main route table routing 0.0.0.0/0
 * to it, default ACL on every subnet, default group), labs saved before these existed completed
 * once, CreateVpc with its CIDR rules and its own main table, ACL and group, DescribeVpcs filters,
 * DNS attributes, secondary blocks, and DeleteVpc refusing a VPC that still has anything in it.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../state/state-store';
import { createTestLab, quickStartImage, type TestLab } from '../test-support/test-lab';

const defaultVpcOf = (lab: TestLab) =>
  lab.ec2('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs![0]!;
const byVpc = (vpcId: string) => [{ Name: 'vpc-id', Values: [vpcId] }];

describe('the default VPC', () => {
  it('has an attached internet gateway, a main route table to it, and the allow-all default ACL on every subnet', () => {
    const lab = createTestLab();
    const vpc = defaultVpcOf(lab);
    expect(vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' });
    const [gateway, ...otherGateways] = lab.ec2('DescribeInternetGateways', {
      Filters: [{ Name: 'attachment.vpc-id', Values: [vpc.VpcId!] }],
    }).InternetGateways!;
    expect(otherGateways).toEqual([]);
    expect(gateway!.Attachments).toEqual([{ State: 'available', VpcId: vpc.VpcId }]);
    const tables = lab.ec2('DescribeRouteTables', { Filters: byVpc(vpc.VpcId!) }).RouteTables!;
    expect(tables).toHaveLength(1);
    expect(tables[0]!.Associations).toEqual([
      expect.objectContaining({ Main: true, RouteTableId: tables[0]!.RouteTableId }),
    ]);
    expect(tables[0]!.Routes).toEqual([
      { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      {
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: gateway!.InternetGatewayId,
        Origin: 'CreateRoute',
        State: 'active',
      },
    ]);
    const [acl, ...otherAcls] = lab.ec2('DescribeNetworkAcls', { Filters: byVpc(vpc.VpcId!) }).NetworkAcls!;
    expect(otherAcls).toEqual([]);
    expect(acl!.IsDefault).toBe(true);
    expect(acl!.Entries).toEqual([
      { RuleNumber: 100, Egress: true, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Egress: false, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
    ]);
    const subnets = lab.ec2('DescribeSubnets', { Filters: byVpc(vpc.VpcId!) }).Subnets!;
    expect(acl!.Associations!.map((a) => a.SubnetId).sort()).toEqual(subnets.map((s) => s.SubnetId).sort());
    expect(
      lab.ec2('DescribeSecurityGroups', {
        Filters: [...byVpc(vpc.VpcId!), { Name: 'group-name', Values: ['default'] }],
      }).SecurityGroups,
    ).toHaveLength(1);
    expect(lab.ec2('DescribeVpcAttribute', { VpcId: vpc.VpcId, Attribute: 'enableDnsHostnames' })).toEqual({
      VpcId: vpc.VpcId,
      EnableDnsHostnames: { Value: true },
    });
  });

  it('completes a default VPC saved before gateways, route tables and ACLs existed, once', () => {
    const old = createTestLab();
    const vpcId = defaultVpcOf(old).VpcId!;
    const legacy = old.store
      .loadAll()
      .filter((r) => !['internet-gateways', 'route-tables', 'network-acls'].includes(r.collection))
      .map((r) => {
        if (r.collection !== 'vpcs') return r;
        const { enableDnsSupport: _s, enableDnsHostnames: _h, ...data } = r.data as Record<string, unknown>;
        return { ...r, data };
      });
    old.engine.close();
    const store = new MemoryStateStore();
    store.replaceAll(legacy);
    const lab = createTestLab({ store });
    expect(defaultVpcOf(lab).VpcId).toBe(vpcId);
    const gateways = lab.ec2('DescribeInternetGateways', { Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] });
    expect(gateways.InternetGateways).toHaveLength(1);
    const table = lab.ec2('DescribeRouteTables', { Filters: byVpc(vpcId) }).RouteTables!;
    expect(table.map((t) => t.Routes!.map((r) => r.GatewayId))).toEqual([
      ['local', gateways.InternetGateways![0]!.InternetGatewayId],
    ]);
    const acls = lab.ec2('DescribeNetworkAcls', { Filters: byVpc(vpcId) }).NetworkAcls!;
    expect(acls).toHaveLength(1);
    expect(acls[0]!.Associations).toHaveLength(lab.ec2('DescribeSubnets', { Filters: byVpc(vpcId) }).Subnets!.length);
    expect(lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'enableDnsSupport' }).EnableDnsSupport).toEqual({
      Value: true,
    });
    // Idempotent: a restart and another launch add nothing.
    const again = lab.reopen();
    again.launch();
    expect(again.ec2('DescribeInternetGateways', {}).InternetGateways).toHaveLength(1);
    expect(again.ec2('DescribeRouteTables', { Filters: byVpc(vpcId) }).RouteTables).toHaveLength(1);
    expect(again.ec2('DescribeNetworkAcls', { Filters: byVpc(vpcId) }).NetworkAcls).toHaveLength(1);
  });

  it('stays without its gateway once a learner detaches and deletes it', () => {
    const lab = createTestLab();
    const vpcId = defaultVpcOf(lab).VpcId!;
    const gatewayId = lab.ec2('DescribeInternetGateways', {}).InternetGateways![0]!.InternetGatewayId!;
    lab.ec2('DetachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
    lab.ec2('DeleteInternetGateway', { InternetGatewayId: gatewayId });
    lab.launch();
    const restarted = lab.reopen();
    expect(restarted.ec2('DescribeInternetGateways', {}).InternetGateways).toEqual([]);
    const routes = restarted.ec2('DescribeRouteTables', { Filters: byVpc(vpcId) }).RouteTables![0]!.Routes!;
    expect(routes[1]).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: gatewayId, State: 'blackhole' });
  });
});

/** Empties the default VPC (its subnets and gateway) and deletes it, as a learner would. */
function deleteDefaultVpc(lab: TestLab): string {
  const vpcId = defaultVpcOf(lab).VpcId!;
  for (const subnet of lab.ec2('DescribeSubnets', { Filters: byVpc(vpcId) }).Subnets!) {
    lab.ec2('DeleteSubnet', { SubnetId: subnet.SubnetId! });
  }
  const gatewayId = lab.ec2('DescribeInternetGateways', {}).InternetGateways![0]!.InternetGatewayId!;
  lab.ec2('DetachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
  lab.ec2('DeleteInternetGateway', { InternetGatewayId: gatewayId });
  lab.ec2('DeleteVpc', { VpcId: vpcId });
  return vpcId;
}

describe('deleting the default VPC, and CreateDefaultVpc', () => {
  it('stays deleted, even after a restart: what needs it answers VPCIdNotSpecified, changing nothing', () => {
    const lab = createTestLab();
    deleteDefaultVpc(lab);
    const restarted = lab.reopen();
    expect(restarted.ec2('DescribeVpcs', {}).Vpcs).toEqual([]);
    expect(
      restarted.ec2Error('RunInstances', { ImageId: quickStartImage('amazon-linux'), MinCount: 1, MaxCount: 1 }),
    ).toEqual({
      code: 'VPCIdNotSpecified',
      message: 'No default VPC for this user',
    });
    expect(restarted.ec2Error('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }).code).toBe(
      'VPCIdNotSpecified',
    );
    expect(restarted.ec2Error('DescribeSecurityGroups', { GroupNames: ['default'] }).message).toBe(
      'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
    );
    expect(restarted.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(restarted.ec2('DescribeSecurityGroups', {}).SecurityGroups).toEqual([]);
  });

  it('makes it again with a default subnet per zone, a gateway and its route, and only once', () => {
    const lab = createTestLab();
    const oldVpcId = deleteDefaultVpc(lab);
    const { Vpc } = lab.ec2('CreateDefaultVpc', {});
    expect(Vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true });
    expect(Vpc!.VpcId).not.toBe(oldVpcId);
    const zones = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones!.length;
    expect(lab.ec2('DescribeSubnets', { Filters: byVpc(Vpc!.VpcId!) }).Subnets).toHaveLength(zones);
    const routes = lab.ec2('DescribeRouteTables', { Filters: byVpc(Vpc!.VpcId!) }).RouteTables![0]!.Routes!;
    expect(routes.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.State === 'active')).toBe(true);
    expect(lab.ec2Error('CreateDefaultVpc', {})).toEqual({
      code: 'DefaultVpcAlreadyExists',
      message: 'A Default VPC already exists for this account in this region.',
    });
    expect(lab.reopen().launch()).toMatch(/^i-/);
  });
});

describe('CreateVpc', () => {
  it('makes a VPC with its own main route table (local route only), default ACL and default group', () => {
    const lab = createTestLab();
    const { Vpc } = lab.ec2('CreateVpc', {
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab' }] }],
    });
    expect(Vpc).toMatchObject({
      CidrBlock: '10.0.0.0/16',
      State: 'pending',
      IsDefault: false,
      InstanceTenancy: 'default',
      Tags: [{ Key: 'Name', Value: 'lab' }],
      CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
    });
    const vpcId = Vpc!.VpcId!;
    expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(lab.ec2('DescribeVpcs', { VpcIds: [vpcId] }).Vpcs![0]!.State).toBe('available');
    const tables = lab.ec2('DescribeRouteTables', { Filters: byVpc(vpcId) }).RouteTables!;
    expect(tables).toHaveLength(1);
    expect(tables[0]!.Associations![0]!.Main).toBe(true);
    expect(tables[0]!.Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
    ]);
    const acls = lab.ec2('DescribeNetworkAcls', { Filters: byVpc(vpcId) }).NetworkAcls!;
    expect(acls.map((a) => a.IsDefault)).toEqual([true]);
    const groups = lab.ec2('DescribeSecurityGroups', { Filters: byVpc(vpcId) }).SecurityGroups!;
    expect(groups.map((g) => g.GroupName)).toEqual(['default']);
    expect(
      lab.ec2('DescribeVpcAttribute', { VpcId: vpcId, Attribute: 'enableDnsHostnames' }).EnableDnsHostnames,
    ).toEqual({ Value: false });
    expect(
      lab.ec2('DescribeInternetGateways', { Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] })
        .InternetGateways,
    ).toEqual([]);
  });

  it("refuses blocks outside /16–/28 and what is no CIDR, with AWS's codes, changing nothing", () => {
    const lab = createTestLab();
    const before = lab.ec2('DescribeVpcs', {}).Vpcs!.length;
    expect(lab.ec2Error('CreateVpc', { CidrBlock: '10.0.0.0/29' })).toEqual({
      code: 'InvalidVpc.Range',
      message: "The CIDR '10.0.0.0/29' is invalid.",
    });
    expect(lab.ec2Error('CreateVpc', { CidrBlock: '10.0.0.0/15' }).code).toBe('InvalidVpc.Range');
    expect(lab.ec2Error('CreateVpc', { CidrBlock: '10.0.0.1/16' }).code).toBe('InvalidVpc.Range');
    expect(lab.ec2Error('CreateVpc', { CidrBlock: '10.0.0.300/16' })).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
    });
    expect(lab.ec2Error('CreateVpc', {}).code).toBe('MissingParameter');
    expect(lab.ec2Error('CreateVpc', { CidrBlock: '10.0.0.0/16', InstanceTenancy: 'dedicated' }).code).toBe(
      'UnsupportedOperation',
    );
    expect(lab.ec2('DescribeVpcs', {}).Vpcs).toHaveLength(before);
    expect(lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/28' }).Vpc!.CidrBlock).toBe('10.0.0.0/28');
  });
});

describe('DescribeVpcs', () => {
  it('filters by id, block, default, state, owner and tags', () => {
    const lab = createTestLab();
    const vpcId = lab.ec2('CreateVpc', { CidrBlock: '10.1.0.0/16' }).Vpc!.VpcId!;
    lab.ec2('CreateTags', { Resources: [vpcId], Tags: [{ Key: 'env', Value: 'lab' }] });
    const ids = (Name: string, value: string) =>
      lab.ec2('DescribeVpcs', { Filters: [{ Name, Values: [value] }] }).Vpcs!.map((v) => v.VpcId);
    expect(ids('cidr-block', '10.1.0.0/16')).toEqual([vpcId]);
    expect(ids('cidr-block-association.cidr-block', '10.1.*')).toEqual([vpcId]);
    expect(ids('is-default', 'false')).toEqual([vpcId]);
    expect(ids('tag:env', 'lab')).toEqual([vpcId]);
    expect(ids('state', 'available')).toHaveLength(2);
    expect(ids('owner-id', lab.lab('GetStatus', {}).accountId)).toHaveLength(2);
    expect(lab.ec2Error('DescribeVpcs', { VpcIds: ['vpc-0123456789abcdef0'] })).toEqual({
      code: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    });
  });
});

describe('ModifyVpcAttribute and DescribeVpcAttribute', () => {
  it('turn DNS support and hostnames on and off, one attribute per call', () => {
    const lab = createTestLab();
    const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
    expect(lab.ec2('ModifyVpcAttribute', { VpcId, EnableDnsHostnames: { Value: true } })).toEqual({});
    lab.ec2('ModifyVpcAttribute', { VpcId, EnableDnsSupport: { Value: false } });
    expect(lab.ec2('DescribeVpcAttribute', { VpcId, Attribute: 'enableDnsHostnames' }).EnableDnsHostnames).toEqual({
      Value: true,
    });
    expect(lab.ec2('DescribeVpcAttribute', { VpcId, Attribute: 'enableDnsSupport' }).EnableDnsSupport).toEqual({
      Value: false,
    });
    expect(
      lab.ec2Error('ModifyVpcAttribute', {
        VpcId,
        EnableDnsHostnames: { Value: true },
        EnableDnsSupport: { Value: true },
      }).code,
    ).toBe('InvalidParameterCombination');
    expect(lab.ec2Error('ModifyVpcAttribute', { VpcId }).code).toBe('InvalidParameterCombination');
    expect(lab.ec2Error('DescribeVpcAttribute', { VpcId, Attribute: 'colour' as never }).code).toBe(
      'InvalidParameterValue',
    );
    const restarted = lab.reopen();
    expect(restarted.ec2('DescribeVpcAttribute', { VpcId, Attribute: 'enableDnsSupport' }).EnableDnsSupport).toEqual({
      Value: false,
    });
  });
});

describe('AssociateVpcCidrBlock and DisassociateVpcCidrBlock', () => {
  it('add a secondary block with its local route, refuse overlaps and the primary block', () => {
    const lab = createTestLab();
    const { Vpc } = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' });
    const VpcId = Vpc!.VpcId!;
    const added = lab.ec2('AssociateVpcCidrBlock', { VpcId, CidrBlock: '10.1.0.0/16' });
    expect(added.CidrBlockAssociation).toMatchObject({ CidrBlock: '10.1.0.0/16' });
    expect(lab.ec2Error('AssociateVpcCidrBlock', { VpcId, CidrBlock: '10.0.128.0/17' }).code).toBe('InvalidVpc.Range');
    const table = lab.ec2('DescribeRouteTables', { Filters: byVpc(VpcId) }).RouteTables![0]!;
    expect(table.Routes!.map((r) => `${r.DestinationCidrBlock}>${r.GatewayId}`)).toEqual([
      '10.0.0.0/16>local',
      '10.1.0.0/16>local',
    ]);
    const subnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.1.2.0/24' }).Subnet!.SubnetId!;
    const associationId = added.CidrBlockAssociation!.AssociationId!;
    expect(lab.ec2Error('DisassociateVpcCidrBlock', { AssociationId: associationId }).code).toBe('DependencyViolation');
    lab.ec2('DeleteSubnet', { SubnetId: subnetId });
    expect(lab.ec2('DisassociateVpcCidrBlock', { AssociationId: associationId }).CidrBlockAssociation).toMatchObject({
      CidrBlock: '10.1.0.0/16',
      CidrBlockState: { State: 'disassociating' },
    });
    expect(
      lab.ec2Error('DisassociateVpcCidrBlock', { AssociationId: Vpc!.CidrBlockAssociationSet![0]!.AssociationId! })
        .code,
    ).toBe('OperationNotPermitted');
    for (const cidr of ['10.2.0.0/16', '10.3.0.0/16', '10.4.0.0/16', '10.5.0.0/16']) {
      lab.ec2('AssociateVpcCidrBlock', { VpcId, CidrBlock: cidr });
    }
    expect(lab.ec2Error('AssociateVpcCidrBlock', { VpcId, CidrBlock: '10.6.0.0/16' }).code).toBe('CidrLimitExceeded');
  });
});

describe('DeleteVpc', () => {
  it('refuses a VPC with a subnet, an attached gateway, a route table, an ACL or a group, naming it', () => {
    const lab = createTestLab();
    const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
    const refused = {
      code: 'DependencyViolation',
      message: `The vpc '${VpcId}' has dependencies and cannot be deleted.`,
    };
    const deleting = () => lab.ec2Error('DeleteVpc', { VpcId });

    const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet!.SubnetId!;
    expect(deleting()).toEqual(refused);
    lab.ec2('DeleteSubnet', { SubnetId });

    const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
    expect(deleting()).toEqual(refused);
    lab.ec2('DetachInternetGateway', { InternetGatewayId, VpcId });

    const RouteTableId = lab.ec2('CreateRouteTable', { VpcId }).RouteTable!.RouteTableId!;
    expect(deleting()).toEqual(refused);
    lab.ec2('DeleteRouteTable', { RouteTableId });

    const NetworkAclId = lab.ec2('CreateNetworkAcl', { VpcId }).NetworkAcl!.NetworkAclId!;
    expect(deleting()).toEqual(refused);
    lab.ec2('DeleteNetworkAcl', { NetworkAclId });

    const GroupId = lab.ec2('CreateSecurityGroup', { VpcId, GroupName: 'web', Description: 'web' }).GroupId!;
    expect(deleting()).toEqual(refused);
    lab.ec2('DeleteSecurityGroup', { GroupId });

    expect(lab.ec2('DeleteVpc', { VpcId })).toEqual({});
    expect(lab.ec2Error('DescribeVpcs', { VpcIds: [VpcId] }).code).toBe('InvalidVpcID.NotFound');
    for (const [operation, key] of [
      ['DescribeRouteTables', 'RouteTables'],
      ['DescribeNetworkAcls', 'NetworkAcls'],
      ['DescribeSecurityGroups', 'SecurityGroups'],
    ] as const) {
      expect((lab.ec2(operation, { Filters: byVpc(VpcId) }) as Record<string, unknown[]>)[key]).toEqual([]);
    }
  });

  it('refuses a VPC with an instance in it', () => {
    const lab = createTestLab();
    const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
    const SubnetId = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' })
      .Subnet!.SubnetId!;
    lab.launch({ SubnetId });
    expect(lab.ec2Error('DeleteVpc', { VpcId }).code).toBe('DependencyViolation');
    expect(lab.ec2Error('DeleteSubnet', { SubnetId })).toEqual({
      code: 'DependencyViolation',
      message: `The subnet '${SubnetId}' has dependencies and cannot be deleted.`,
    });
  });
});
