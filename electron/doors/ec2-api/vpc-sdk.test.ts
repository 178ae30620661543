/**
 * VPC networking through the EC2 API door, driven by the real @aws-sdk/client-ec2 as a learner's
 * script builds the public/private subnet lab: CreateVpc (CIDR rules), DescribeVpcs,
 * Modify/DescribeVpcAttribute, Associate/DisassociateVpcCidrBlock, CreateSubnet (range, conflict,
 * zone by id), ModifySubnetAttribute, internet gateways (create, attach, detach, delete, describe),
 * route tables (routes, associations, the main table replaced, blackhole), network ACLs (entries,
 * associations), launching into both subnets, the reachability of each, and every DeleteX with
 * AWS's DependencyViolation while anything is in use.
 */
import {
  AssociateRouteTableCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteInternetGatewayCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  DisassociateVpcCidrBlockCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  CreateDefaultVpcCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { sdkErrorOf as errorOf, useSdkLab } from './test-support/sdk-lab';

const lab = useSdkLab();
const { client } = lab;
const MY_IP = '203.0.113.7';

const ids = {
  vpc: '',
  publicSubnet: '',
  privateSubnet: '',
  gateway: '',
  publicTable: '',
  mainTable: '',
  group: '',
  web: '',
  db: '',
};

const reachability = (instanceId: string) => {
  const answer = lab.engine.dispatch({
    service: 'lab',
    operation: 'DescribeReachability',
    input: { Region: 'ap-northeast-2', InstanceId: instanceId, Protocol: 'tcp', Port: 22, SourceIp: MY_IP },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as { Allowed: boolean; Reasons: { Code: string }[] };
};

describe('VPC networking through the EC2 API door, driven by @aws-sdk/client-ec2', () => {
  it('shows the default VPC with its gateway, main route table and default ACL', async () => {
    const { Vpcs } = await client().send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }),
    );
    const vpcId = Vpcs![0]!.VpcId!;
    const { InternetGateways } = await client().send(
      new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }),
    );
    expect(InternetGateways![0]!.Attachments).toEqual([{ State: 'available', VpcId: vpcId }]);
    const { RouteTables } = await client().send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    expect(RouteTables![0]!.Routes!.map((r) => [r.DestinationCidrBlock, r.GatewayId, r.State])).toEqual([
      ['172.31.0.0/16', 'local', 'active'],
      ['0.0.0.0/0', InternetGateways![0]!.InternetGatewayId, 'active'],
    ]);
    const { NetworkAcls } = await client().send(
      new DescribeNetworkAclsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'default', Values: ['true'] },
        ],
      }),
    );
    expect(NetworkAcls![0]!.Entries!.map((e) => [e.RuleNumber, e.Egress, e.RuleAction])).toEqual([
      [100, true, 'allow'],
      [32767, true, 'deny'],
      [100, false, 'allow'],
      [32767, false, 'deny'],
    ]);
  });

  it('creates a VPC, refusing a /29 and a block that is no CIDR, and sets its DNS attributes', async () => {
    expect(await errorOf(client().send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/29' })))).toEqual({
      name: 'InvalidVpc.Range',
      message: "The CIDR '10.0.0.0/29' is invalid.",
      status: 400,
    });
    expect((await errorOf(client().send(new CreateVpcCommand({ CidrBlock: '10.0.0/16' })))).name).toBe(
      'InvalidParameterValue',
    );
    const { Vpc } = await client().send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab-vpc' }] }],
      }),
    );
    ids.vpc = Vpc!.VpcId!;
    expect(Vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'pending', IsDefault: false });
    const described = await client().send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['lab-vpc'] }] }),
    );
    expect(described.Vpcs!.map((v) => [v.VpcId, v.State])).toEqual([[ids.vpc, 'available']]);

    await client().send(new ModifyVpcAttributeCommand({ VpcId: ids.vpc, EnableDnsHostnames: { Value: true } }));
    const attribute = await client().send(
      new DescribeVpcAttributeCommand({ VpcId: ids.vpc, Attribute: 'enableDnsHostnames' }),
    );
    expect(attribute).toMatchObject({ VpcId: ids.vpc, EnableDnsHostnames: { Value: true } });
    expect(
      (await client().send(new DescribeVpcAttributeCommand({ VpcId: ids.vpc, Attribute: 'enableDnsSupport' })))
        .EnableDnsSupport,
    ).toEqual({ Value: true });

    const added = await client().send(new AssociateVpcCidrBlockCommand({ VpcId: ids.vpc, CidrBlock: '10.1.0.0/16' }));
    expect(added.CidrBlockAssociation).toMatchObject({ CidrBlock: '10.1.0.0/16' });
    const removed = await client().send(
      new DisassociateVpcCidrBlockCommand({ AssociationId: added.CidrBlockAssociation!.AssociationId }),
    );
    expect(removed).toMatchObject({ VpcId: ids.vpc, CidrBlockAssociation: { CidrBlock: '10.1.0.0/16' } });
  });

  it('creates a public and a private subnet, refusing ranges outside the VPC and overlaps', async () => {
    const publicSubnet = await client().send(
      new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'apne2-az1' }),
    );
    ids.publicSubnet = publicSubnet.Subnet!.SubnetId!;
    expect(publicSubnet.Subnet).toMatchObject({
      AvailabilityZone: 'ap-northeast-2a',
      AvailableIpAddressCount: 251,
      MapPublicIpOnLaunch: false,
    });
    ids.privateSubnet = (
      await client().send(
        new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'ap-northeast-2a' }),
      )
    ).Subnet!.SubnetId!;
    expect(
      await errorOf(client().send(new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: '10.0.1.128/25' }))),
    ).toEqual({
      name: 'InvalidSubnet.Conflict',
      message: "The CIDR '10.0.1.128/25' conflicts with another subnet",
      status: 400,
    });
    expect(
      (await errorOf(client().send(new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: '192.168.0.0/24' })))).name,
    ).toBe('InvalidSubnet.Range');
    await client().send(
      new ModifySubnetAttributeCommand({ SubnetId: ids.publicSubnet, MapPublicIpOnLaunch: { Value: true } }),
    );
    const { Subnets } = await client().send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [ids.vpc] }] }),
    );
    expect(Subnets!.map((s) => [s.CidrBlock, s.MapPublicIpOnLaunch]).sort()).toEqual([
      ['10.0.1.0/24', true],
      ['10.0.2.0/24', false],
    ]);
  });

  it('attaches an internet gateway to the VPC, once', async () => {
    const { InternetGateway } = await client().send(new CreateInternetGatewayCommand({}));
    ids.gateway = InternetGateway!.InternetGatewayId!;
    expect(
      (
        await errorOf(
          client().send(new DetachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc })),
        )
      ).name,
    ).toBe('Gateway.NotAttached');
    await client().send(new AttachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc }));
    const again = await errorOf(
      client().send(new AttachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc })),
    );
    expect(again).toEqual({
      name: 'Resource.AlreadyAssociated',
      message: `resource ${ids.gateway} is already attached to network ${ids.vpc}`,
      status: 400,
    });
    expect(
      (await errorOf(client().send(new DeleteInternetGatewayCommand({ InternetGatewayId: ids.gateway })))).name,
    ).toBe('DependencyViolation');
  });

  it('routes the public subnet to the gateway through its own route table', async () => {
    const { RouteTable } = await client().send(new CreateRouteTableCommand({ VpcId: ids.vpc }));
    ids.publicTable = RouteTable!.RouteTableId!;
    expect(RouteTable!.Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
    ]);
    expect(
      (
        await client().send(
          new CreateRouteCommand({
            RouteTableId: ids.publicTable,
            DestinationCidrBlock: '0.0.0.0/0',
            GatewayId: ids.gateway,
          }),
        )
      ).Return,
    ).toBe(true);
    await client().send(
      new ReplaceRouteCommand({
        RouteTableId: ids.publicTable,
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: ids.gateway,
      }),
    );
    expect(
      (
        await errorOf(
          client().send(
            new CreateRouteCommand({
              RouteTableId: ids.publicTable,
              DestinationCidrBlock: '0.0.0.0/0',
              GatewayId: ids.gateway,
            }),
          ),
        )
      ).name,
    ).toBe('RouteAlreadyExists');
    const associated = await client().send(
      new AssociateRouteTableCommand({ RouteTableId: ids.publicTable, SubnetId: ids.publicSubnet }),
    );
    expect(associated.AssociationState).toEqual({ State: 'associated' });
    const { RouteTables } = await client().send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [ids.publicSubnet] }] }),
    );
    expect(RouteTables!.map((t) => t.RouteTableId)).toEqual([ids.publicTable]);
    ids.mainTable = (
      await client().send(
        new DescribeRouteTablesCommand({
          Filters: [
            { Name: 'vpc-id', Values: [ids.vpc] },
            { Name: 'association.main', Values: ['true'] },
          ],
        }),
      )
    ).RouteTables![0]!.RouteTableId!;
    expect((await errorOf(client().send(new DeleteRouteTableCommand({ RouteTableId: ids.mainTable })))).name).toBe(
      'DependencyViolation',
    );
  });

  it('launches one instance in each subnet: only the public one gets a public IP and is reachable', async () => {
    const { Images } = await client().send(
      new DescribeImagesCommand({
        Filters: [
          { Name: 'name', Values: ['al2023-ami-2023*'] },
          { Name: 'architecture', Values: ['x86_64'] },
        ],
      }),
    );
    const ImageId = Images![0]!.ImageId!;
    ids.group = (
      await client().send(new CreateSecurityGroupCommand({ VpcId: ids.vpc, GroupName: 'ssh', Description: 'ssh' }))
    ).GroupId!;
    await client().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: ids.group,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${MY_IP}/32` }] }],
      }),
    );
    const launch = async (SubnetId: string) =>
      (
        await client().send(
          new RunInstancesCommand({
            ImageId,
            InstanceType: 't3.micro',
            MinCount: 1,
            MaxCount: 1,
            SubnetId,
            SecurityGroupIds: [ids.group],
          }),
        )
      ).Instances![0]!.InstanceId!;
    ids.web = await launch(ids.publicSubnet);
    ids.db = await launch(ids.privateSubnet);
    lab.advance(10 * 60_000);
    const { Reservations } = await client().send(new DescribeInstancesCommand({ InstanceIds: [ids.web, ids.db] }));
    const byId = new Map(Reservations!.flatMap((r) => r.Instances!).map((i) => [i.InstanceId, i]));
    expect(byId.get(ids.web)!.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(byId.get(ids.db)!.PublicIpAddress).toBeUndefined();
    expect(reachability(ids.web)).toMatchObject({ Allowed: true });
    expect(reachability(ids.db).Reasons.map((r) => r.Code)).toEqual(['no-public-ip', 'no-route-to-internet-gateway']);
    // Detaching the gateway leaves the public route a blackhole.
    await client().send(new DetachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc }));
    const table = await client().send(new DescribeRouteTablesCommand({ RouteTableIds: [ids.publicTable] }));
    expect(table.RouteTables![0]!.Routes![1]!.State).toBe('blackhole');
    expect(reachability(ids.web).Reasons.map((r) => r.Code)).toEqual(['no-route-to-internet-gateway']);
    await client().send(new AttachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc }));
  });

  it('guards the public subnet with a custom network ACL, stateless', async () => {
    const { NetworkAcl } = await client().send(new CreateNetworkAclCommand({ VpcId: ids.vpc }));
    const NetworkAclId = NetworkAcl!.NetworkAclId!;
    const { NetworkAcls } = await client().send(
      new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [ids.publicSubnet] }] }),
    );
    const association = NetworkAcls![0]!.Associations!.find((a) => a.SubnetId === ids.publicSubnet)!;
    const moved = await client().send(
      new ReplaceNetworkAclAssociationCommand({ AssociationId: association.NetworkAclAssociationId, NetworkAclId }),
    );
    expect(moved.NewAssociationId).toMatch(/^aclassoc-/);
    const entry = (Egress: boolean, From: number, To: number) =>
      client().send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId,
          RuleNumber: 100,
          Egress,
          Protocol: '6',
          RuleAction: 'allow',
          CidrBlock: '0.0.0.0/0',
          PortRange: { From, To },
        }),
      );
    await entry(false, 22, 22);
    expect(reachability(ids.web).Reasons.map((r) => r.Code)).toEqual(['network-acl-outbound']);
    await entry(true, 1024, 65535);
    expect(reachability(ids.web)).toMatchObject({ Allowed: true });
    expect((await errorOf(entry(true, 1024, 65535))).name).toBe('NetworkAclEntryAlreadyExists');
    await client().send(
      new ReplaceNetworkAclEntryCommand({
        NetworkAclId,
        RuleNumber: 100,
        Egress: false,
        Protocol: '6',
        RuleAction: 'deny',
        CidrBlock: `${MY_IP}/32`,
        PortRange: { From: 22, To: 22 },
      }),
    );
    expect(reachability(ids.web).Reasons.map((r) => r.Code)).toEqual(['network-acl-inbound']);
    await client().send(new DeleteNetworkAclEntryCommand({ NetworkAclId, Egress: false, RuleNumber: 100 }));
    expect((await errorOf(client().send(new DeleteNetworkAclCommand({ NetworkAclId })))).name).toBe(
      'DependencyViolation',
    );
    await client().send(
      new ReplaceNetworkAclAssociationCommand({
        AssociationId: moved.NewAssociationId,
        NetworkAclId: NetworkAcls![0]!.NetworkAclId,
      }),
    );
    await client().send(new DeleteNetworkAclCommand({ NetworkAclId }));
    expect(reachability(ids.web)).toMatchObject({ Allowed: true });
  });

  it('refuses to delete what is in use, then takes the lab down in order', async () => {
    const vpcRefused = await errorOf(client().send(new DeleteVpcCommand({ VpcId: ids.vpc })));
    expect(vpcRefused).toEqual({
      name: 'DependencyViolation',
      message: `The vpc '${ids.vpc}' has dependencies and cannot be deleted.`,
      status: 400,
    });
    expect((await errorOf(client().send(new DeleteSubnetCommand({ SubnetId: ids.publicSubnet })))).name).toBe(
      'DependencyViolation',
    );
    await client().send(new TerminateInstancesCommand({ InstanceIds: [ids.web, ids.db] }));
    lab.advance(10 * 60_000);
    // The main association moves to the public table; the old main table can then go.
    const { RouteTables } = await client().send(new DescribeRouteTablesCommand({ RouteTableIds: [ids.mainTable] }));
    const mainAssociation = RouteTables![0]!.Associations![0]!.RouteTableAssociationId!;
    const replaced = await client().send(
      new ReplaceRouteTableAssociationCommand({ AssociationId: mainAssociation, RouteTableId: ids.publicTable }),
    );
    expect(replaced.NewAssociationId).toMatch(/^rtbassoc-/);
    await client().send(new DeleteRouteTableCommand({ RouteTableId: ids.mainTable }));
    const publicAssociation = (
      await client().send(new DescribeRouteTablesCommand({ RouteTableIds: [ids.publicTable] }))
    ).RouteTables![0]!.Associations!.find((a) => a.SubnetId === ids.publicSubnet)!;
    await client().send(
      new DisassociateRouteTableCommand({ AssociationId: publicAssociation.RouteTableAssociationId }),
    );
    await client().send(new DeleteRouteCommand({ RouteTableId: ids.publicTable, DestinationCidrBlock: '0.0.0.0/0' }));
    await client().send(new DeleteSubnetCommand({ SubnetId: ids.publicSubnet }));
    await client().send(new DeleteSubnetCommand({ SubnetId: ids.privateSubnet }));
    await client().send(new DetachInternetGatewayCommand({ InternetGatewayId: ids.gateway, VpcId: ids.vpc }));
    await client().send(new DeleteInternetGatewayCommand({ InternetGatewayId: ids.gateway }));
    await client().send(new DeleteSecurityGroupCommand({ GroupId: ids.group }));
    await client().send(new DeleteVpcCommand({ VpcId: ids.vpc }));
    expect((await errorOf(client().send(new DescribeVpcsCommand({ VpcIds: [ids.vpc] })))).name).toBe(
      'InvalidVpcID.NotFound',
    );
  });

  it('deletes a default VPC for good, then CreateDefaultVpc makes it again, once', async () => {
    const sao = client('sa-east-1');
    const [defaultVpc] = (
      await sao.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))
    ).Vpcs!;
    const vpcId = defaultVpc!.VpcId!;
    for (const subnet of (
      await sao.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))
    ).Subnets!) {
      await sao.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId! }));
    }
    const [gateway] = (await sao.send(new DescribeInternetGatewaysCommand({}))).InternetGateways!;
    await sao.send(new DetachInternetGatewayCommand({ InternetGatewayId: gateway!.InternetGatewayId!, VpcId: vpcId }));
    await sao.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gateway!.InternetGatewayId! }));
    await sao.send(new DeleteVpcCommand({ VpcId: vpcId }));

    const refused = await errorOf(sao.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web' })));
    expect(refused).toMatchObject({ name: 'VPCIdNotSpecified', message: 'No default VPC for this user' });
    const { Vpc } = await sao.send(new CreateDefaultVpcCommand({}));
    expect(Vpc).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true });
    expect(await errorOf(sao.send(new CreateDefaultVpcCommand({})))).toMatchObject({ name: 'DefaultVpcAlreadyExists' });
  });
});
