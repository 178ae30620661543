/**
 * VPC networking with the real AWS CLI v2 (Debian's /usr/bin/aws) against the lab's EC2 API, as
 * the VPC User Guide's "Create a VPC with public and private subnets" walk-through has a learner do
 * it: create-vpc (and a refused /29), create-subnet (and a refused overlap), modify-subnet-attribute
 * `--map-public-ip-on-launch`, create-internet-gateway and attach-internet-gateway,
 * create-route-table, create-route and associate-route-table, describe-route-tables,
 * create-network-acl-entry, and delete-vpc refused while the VPC has subnets.
 * Needs /usr/bin/aws: missing, it fails in CI and is skipped elsewhere.
 */
import { expect, it } from 'vitest';
import { cliOutput, describeWithCli, useCliLab } from './support/aws-cli';

const lab = useCliLab({ name: 'vpc' });

const json = async (...args: string[]) =>
  JSON.parse((await cliOutput(lab.run('ec2', args))) || '{}') as Record<string, never>;
const failure = (...args: string[]) =>
  cliOutput(lab.run('ec2', args)).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error.message,
  );

/** What the first test builds and the second one uses. */
const built = { vpcId: '', gatewayId: '' };

describeWithCli('VPC networking with the AWS CLI v2', () => {
  it('builds a VPC with a public subnet routed to an internet gateway', async () => {
    expect(await failure('create-vpc', '--cidr-block', '10.0.0.0/29')).toContain(
      "An error occurred (InvalidVpc.Range) when calling the CreateVpc operation: The CIDR '10.0.0.0/29' is invalid.",
    );
    const vpc = (await json('create-vpc', '--cidr-block', '10.0.0.0/16')).Vpc as { VpcId: string; State: string };
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    await json('modify-vpc-attribute', '--vpc-id', vpc.VpcId, '--enable-dns-hostnames', '{"Value":true}');
    const subnet = (await json('create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', '10.0.1.0/24')).Subnet as {
      SubnetId: string;
      AvailableIpAddressCount: number;
    };
    expect(subnet.AvailableIpAddressCount).toBe(251);
    expect(await failure('create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', '10.0.1.0/25')).toContain(
      '(InvalidSubnet.Conflict)',
    );
    await json('modify-subnet-attribute', '--subnet-id', subnet.SubnetId, '--map-public-ip-on-launch');
    const gateway = (await json('create-internet-gateway')).InternetGateway as { InternetGatewayId: string };
    await json('attach-internet-gateway', '--internet-gateway-id', gateway.InternetGatewayId, '--vpc-id', vpc.VpcId);
    expect(
      await failure(
        'attach-internet-gateway',
        '--internet-gateway-id',
        gateway.InternetGatewayId,
        '--vpc-id',
        vpc.VpcId,
      ),
    ).toContain('(Resource.AlreadyAssociated)');
    const table = (await json('create-route-table', '--vpc-id', vpc.VpcId)).RouteTable as { RouteTableId: string };
    expect(
      await json(
        'create-route',
        '--route-table-id',
        table.RouteTableId,
        '--destination-cidr-block',
        '0.0.0.0/0',
        '--gateway-id',
        gateway.InternetGatewayId,
      ),
    ).toEqual({ Return: true });
    const associated = await json(
      'associate-route-table',
      '--route-table-id',
      table.RouteTableId,
      '--subnet-id',
      subnet.SubnetId,
    );
    expect(associated).toMatchObject({ AssociationId: expect.stringMatching(/^rtbassoc-/) });
    const described = (
      await json('describe-route-tables', '--filters', `Name=association.subnet-id,Values=${subnet.SubnetId}`)
    ).RouteTables as {
      RouteTableId: string;
      Routes: { DestinationCidrBlock: string; GatewayId: string; State: string }[];
    }[];
    expect(described.map((t) => t.RouteTableId)).toEqual([table.RouteTableId]);
    expect(described[0]!.Routes.map((r) => `${r.DestinationCidrBlock} ${r.GatewayId} ${r.State}`)).toEqual([
      '10.0.0.0/16 local active',
      `0.0.0.0/0 ${gateway.InternetGatewayId} active`,
    ]);
    built.vpcId = vpc.VpcId;
    built.gatewayId = gateway.InternetGatewayId;
  });

  it('adds a network ACL entry by rule number, and refuses to delete what is in use', async () => {
    const vpc = { VpcId: built.vpcId };
    const gateway = { InternetGatewayId: built.gatewayId };
    const acl = (
      (await json('describe-network-acls', '--filters', `Name=vpc-id,Values=${vpc.VpcId}`)).NetworkAcls as {
        NetworkAclId: string;
      }[]
    )[0]!;
    await json(
      'create-network-acl-entry',
      '--network-acl-id',
      acl.NetworkAclId,
      '--ingress',
      '--rule-number',
      '50',
      '--protocol',
      'tcp',
      '--port-range',
      'From=22,To=22',
      '--cidr-block',
      '198.51.100.0/24',
      '--rule-action',
      'deny',
    );
    const entries = (
      (await json('describe-network-acls', '--network-acl-ids', acl.NetworkAclId)).NetworkAcls as {
        Entries: { RuleNumber: number; Egress: boolean; RuleAction: string }[];
      }[]
    )[0]!.Entries.filter((e) => !e.Egress);
    expect(entries.map((e) => `${e.RuleNumber} ${e.RuleAction}`)).toEqual(['50 deny', '100 allow', '32767 deny']);
    expect(await failure('delete-vpc', '--vpc-id', vpc.VpcId)).toContain(
      `An error occurred (DependencyViolation) when calling the DeleteVpc operation: The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`,
    );
    expect(await failure('delete-internet-gateway', '--internet-gateway-id', gateway.InternetGatewayId)).toContain(
      '(DependencyViolation)',
    );
  });
});
