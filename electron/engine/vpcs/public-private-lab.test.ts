/**
 * The classic public/private subnet lab, end to end on the engine (issue "VPC networking a learner
 * can build"): VPC 10.0.0.0/16, a public subnet that maps public IPv4 addresses and routes
 * 0.0.0.0/0 to an internet gateway, a private subnet without either; one instance in each. Only the
 * public one gets a public address and is reachable over SSH from the laptop; the private one is
 * blocked for both reasons. All of it survives a restart and an export/import.
 */
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../context';
import { TIMINGS } from '../instances/lifecycle';
import { reachability } from '../security-groups/reachability';
import { TEST_REGION, createTestLab, type TestLab } from '../test-support/test-lab';

const MY_IP = '203.0.113.7';

function buildLab(lab: TestLab) {
  const VpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const publicSubnet = lab.ec2('CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'ap-northeast-2a' })
    .Subnet!.SubnetId!;
  const privateSubnet = lab.ec2('CreateSubnet', {
    VpcId,
    CidrBlock: '10.0.2.0/24',
    AvailabilityZone: 'ap-northeast-2a',
  }).Subnet!.SubnetId!;
  lab.ec2('ModifySubnetAttribute', { SubnetId: publicSubnet, MapPublicIpOnLaunch: { Value: true } });
  const InternetGatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
  lab.ec2('AttachInternetGateway', { InternetGatewayId, VpcId });
  const RouteTableId = lab.ec2('CreateRouteTable', { VpcId }).RouteTable!.RouteTableId!;
  lab.ec2('CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGatewayId });
  lab.ec2('AssociateRouteTable', { RouteTableId, SubnetId: publicSubnet });
  const GroupId = lab.ec2('CreateSecurityGroup', {
    VpcId,
    GroupName: 'ssh',
    Description: 'ssh from my laptop',
  }).GroupId!;
  lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${MY_IP}/32` }] }],
  });
  const web = lab.launch({ SubnetId: publicSubnet, SecurityGroupIds: [GroupId] });
  const db = lab.launch({ SubnetId: privateSubnet, SecurityGroupIds: [GroupId] });
  lab.pass(TIMINGS.pendingMs);
  lab.pass(TIMINGS.statusChecksMs);
  return { VpcId, web, db };
}

function sshFromLaptop(lab: TestLab, instanceId: string) {
  const ctx = (lab.engine as unknown as { ctx: EngineContext }).ctx;
  return reachability(ctx, TEST_REGION, { instanceId, protocol: 'tcp', port: 22, source: MY_IP });
}

function check(lab: TestLab, web: string, db: string) {
  const instance = (id: string) => lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
  expect(instance(web).PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(instance(web).PrivateIpAddress).toMatch(/^10\.0\.1\./);
  expect(instance(db).PublicIpAddress).toBeUndefined();
  expect(instance(db).PrivateIpAddress).toMatch(/^10\.0\.2\./);
  expect(sshFromLaptop(lab, web)).toEqual({ allowed: true });
  const blocked = sshFromLaptop(lab, db);
  expect(blocked.allowed === false && blocked.reasons.map((r) => r.code)).toEqual([
    'no-public-ip',
    'no-route-to-internet-gateway',
  ]);
}

describe('the public/private subnet lab', () => {
  it('reaches only the instance in the public subnet, after a restart and an export/import too', () => {
    const lab = createTestLab();
    const { VpcId, web, db } = buildLab(lab);
    check(lab, web, db);
    // The VPC cannot go while anything is in it.
    expect(lab.ec2Error('DeleteVpc', { VpcId }).code).toBe('DependencyViolation');
    const restarted = lab.reopen();
    check(restarted, web, db);
    const content = restarted.lab('ExportLab', {}).content;
    const imported = createTestLab({ seed: 7 });
    imported.lab('ImportLab', { content });
    check(imported, web, db);
  });
});
