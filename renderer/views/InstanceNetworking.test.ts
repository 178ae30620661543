// @vitest-environment happy-dom
/**
 * The Networking tab of an instance's details: public and private addresses and DNS names, the
 * Elastic IP or auto-assigned address, every network interface, and the reachability check with the
 * network's reasons (route to an internet gateway, network ACL), in English and Korean.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstancesView from './InstancesView.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;
/** Long enough for a new instance to run and pass its status checks. */
const CHECKS_MS = 10 * 60_000;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function openTab(id: string, tab: string): Promise<HTMLElement> {
  await click(getByRole(body(), 'checkbox', new RegExp(id)));
  await click(getByRole(body(), 'tab', tab));
  return getByRole(body(), 'tabpanel');
}

const reachability = (panel: HTMLElement) => getByRole(panel, 'region', /Reachability: SSH from My IP|연결 가능 여부/);

/** A VPC with a subnet that maps public IPs, an SSH-from-My-IP group, and an instance in them; no gateway yet. */
function labWithCustomVpc() {
  const lab = createEngineLab();
  const myIp = lab.lab('GetLaptop', {}).PublicIp;
  const vpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const subnetId = lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.0.0/24' }).Subnet!.SubnetId!;
  lab.ec2('ModifySubnetAttribute', { SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } });
  const groupId = lab.ec2('CreateSecurityGroup', { GroupName: 'ssh-in', Description: 'SSH', VpcId: vpcId }).GroupId!;
  lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${myIp}/32` }] }],
  });
  const id = lab.launch({ SubnetId: subnetId, SecurityGroupIds: [groupId] }).InstanceId!;
  lab.pass(CHECKS_MS);
  return { lab, myIp, vpcId, subnetId, groupId, id };
}

function attachGateway(lab: EngineLab, vpcId: string) {
  const gatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
  lab.ec2('AttachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
  const main = lab.ec2('DescribeRouteTables', {
    Filters: [
      { Name: 'vpc-id', Values: [vpcId] },
      { Name: 'association.main', Values: ['true'] },
    ],
  }).RouteTables![0]!.RouteTableId!;
  lab.ec2('CreateRoute', { RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0', GatewayId: gatewayId });
  return gatewayId;
}

describe('Instance details → Networking', () => {
  it('shows the addresses, DNS names and every interface, and tells an Elastic IP from an auto-assigned one', async () => {
    const lab = createEngineLab();
    const launched = lab.launch();
    const id = launched.InstanceId!;
    lab.pass(CHECKS_MS);
    const eni = lab.instance(id).NetworkInterfaces![0]!;
    lab.ec2('AssignPrivateIpAddresses', {
      NetworkInterfaceId: eni.NetworkInterfaceId!,
      SecondaryPrivateIpAddressCount: 1,
    });
    await mountLab(InstancesView, { lab });
    const panel = await openTab(id, 'Networking');
    const instance = lab.instance(id);

    const text = panel.textContent!;
    expect(text).toContain(instance.PublicIpAddress!);
    expect(text).toContain('Auto-assigned (released when the instance stops)');
    expect(text).toContain(instance.PublicDnsName!);
    expect(instance.PublicDnsName).toMatch(/^ec2-\d+-\d+-\d+-\d+\./);
    expect(text).toContain(instance.PrivateDnsName!);
    expect(text).toContain(instance.VpcId!);
    const row = getByRole(panel, 'row', new RegExp(eni.NetworkInterfaceId!));
    // Each line of a cell (an address, a group) on its own, joined by a space.
    const cells = [...row.querySelectorAll('td')].map((cell) =>
      [...cell.childNodes]
        .map((node) => node.textContent!.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' '),
    );
    const secondary = lab.instance(id).NetworkInterfaces![0]!.PrivateIpAddresses!.find((a) => !a.Primary)!;
    expect(cells).toEqual([
      eni.NetworkInterfaceId,
      '0',
      `${instance.PrivateIpAddress} ${secondary.PrivateIpAddress} (secondary)`,
      `${instance.PublicIpAddress} Auto-assigned (released when the instance stops)`,
      eni.MacAddress,
      instance.SubnetId,
      instance.VpcId,
      `${instance.SecurityGroups![0]!.GroupId} (${instance.SecurityGroups![0]!.GroupName})`,
      'Enabled',
    ]);

    const allocation = lab.ec2('AllocateAddress', { Domain: 'vpc' });
    lab.ec2('AssociateAddress', { AllocationId: allocation.AllocationId!, InstanceId: id });
    await flushPromises();
    expect(panel.textContent).toContain(allocation.PublicIp!);
    expect(panel.textContent).toContain(`Elastic IP (${allocation.AllocationId})`);
    expect(panel.textContent).not.toContain('Auto-assigned');
  });

  it('checks reachability through the network: route to an internet gateway, network ACL, then the groups', async () => {
    const { lab, myIp, vpcId, subnetId, id } = labWithCustomVpc();
    await mountLab(InstancesView, { lab });
    const panel = await openTab(id, 'Networking');
    expect(reachability(panel).textContent).toContain('Blocked because');
    const mainTable = lab.ec2('DescribeRouteTables', {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'association.main', Values: ['true'] },
      ],
    }).RouteTables![0]!.RouteTableId!;
    expect(reachability(panel).querySelector('[data-code="no-route-to-internet-gateway"]')!.textContent).toBe(
      `Route table ${mainTable} of the subnet has no active route to an internet gateway attached to the VPC: no route covers ${myIp}, or it goes to a detached gateway (blackhole).`,
    );

    attachGateway(lab, vpcId);
    await flushPromises();
    expect(reachability(panel).textContent).toContain('Allowed');

    const aclId = lab.ec2('CreateNetworkAcl', { VpcId: vpcId }).NetworkAcl!.NetworkAclId!;
    const association = lab
      .ec2('DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] })
      .NetworkAcls![0]!.Associations!.find((a) => a.SubnetId === subnetId)!.NetworkAclAssociationId!;
    lab.ec2('ReplaceNetworkAclAssociation', { AssociationId: association, NetworkAclId: aclId });
    await flushPromises();
    expect(reachability(panel).querySelector('[data-code="network-acl-inbound"]')!.textContent).toBe(
      `Network ACL ${aclId} of the subnet denies SSH (TCP 22) inbound from ${myIp} (rule *).`,
    );
    expect(reachability(panel).querySelector('[data-code="network-acl-outbound"]')!.textContent).toContain(
      'network ACLs are stateless',
    );
  });

  it('speaks Korean, also for the network’s reasons', async () => {
    const { lab, id } = labWithCustomVpc();
    await mountLab(InstancesView, { lab, locale: 'ko' });
    const panel = await openTab(id, '네트워킹');
    expect(panel.textContent).toContain('퍼블릭 IPv4 주소 유형');
    expect(panel.textContent).toContain('자동 할당(인스턴스가 중지되면 해제됨)');
    expect(reachability(panel).querySelector('[data-code="no-route-to-internet-gateway"]')!.textContent).toContain(
      'VPC에 연결된 인터넷 게이트웨이로 가는 활성 경로가 없습니다.',
    );
  });
});
