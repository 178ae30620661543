// @vitest-environment happy-dom
// The VPC pages on a real engine: Your VPCs (create, a /29 refused, the resource map, delete refused
// while a subnet is in it), Subnets (create, auto-assign public IPv4), Internet gateways (create,
// attach), Route tables (a route to the gateway, a subnet association, blackhole), Network ACLs
// (create, rules by number, a duplicate and the default ACL refused), and Korean.
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h, type Component } from 'vue';
import VpcsView from './VpcsView.vue';
import SubnetsView from './SubnetsView.vue';
import RouteTablesView from './RouteTablesView.vue';
import InternetGatewaysView from './InternetGatewaysView.vue';
import NetworkAclsView from './NetworkAclsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const pageOf = (view: Component) => defineComponent(() => () => h('div', [h(FlashBanners), h(view)]));
const body = () => document.body;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(root: HTMLElement, name: string, value: string): Promise<void> {
  const input = getByRole(root, 'textbox', name) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function choose(root: HTMLElement, name: string, value: string): Promise<void> {
  const select = getByRole(root, 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function action(item: string): Promise<void> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(getByRole(body(), 'menu'), 'menuitem', item));
}

const rowOf = (id: string) => getByRole(body(), 'row', new RegExp(id));

function labWithVpc(): { lab: EngineLab; vpcId: string; subnetId: string } {
  const lab = createEngineLab();
  const vpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const subnetId = lab.ec2('CreateSubnet', {
    VpcId: vpcId,
    CidrBlock: '10.0.1.0/24',
    AvailabilityZone: 'ap-northeast-2a',
  }).Subnet!.SubnetId!;
  return { lab, vpcId, subnetId };
}

describe('Your VPCs', () => {
  it('offers Create default VPC only once the default VPC was deleted, and makes it again', async () => {
    const lab = createEngineLab();
    const { bridge } = await mountLab(pageOf(VpcsView), { lab });
    await click(getByRole(body(), 'button', 'Actions'));
    const item = getByRole(getByRole(body(), 'menu'), 'menuitem', 'Create default VPC');
    expect(item.getAttribute('aria-disabled') === 'true' || (item as HTMLButtonElement).disabled).toBe(true);
    await click(getByRole(body(), 'button', 'Actions'));

    const vpcId = lab.ec2('DescribeVpcs', {}).Vpcs![0]!.VpcId!;
    for (const subnet of lab.ec2('DescribeSubnets', {}).Subnets!)
      lab.ec2('DeleteSubnet', { SubnetId: subnet.SubnetId! });
    const gatewayId = lab.ec2('DescribeInternetGateways', {}).InternetGateways![0]!.InternetGatewayId!;
    lab.ec2('DetachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
    lab.ec2('DeleteInternetGateway', { InternetGatewayId: gatewayId });
    lab.ec2('DeleteVpc', { VpcId: vpcId });
    await flushPromises();
    expect(queryAllByRole(body(), 'row', new RegExp(vpcId))).toHaveLength(0);

    await action('Create default VPC');
    expect(bridge.inputsOf('CreateDefaultVpc')).toEqual([{}]);
    const [made] = lab.ec2('DescribeVpcs', {}).Vpcs!;
    expect(made).toMatchObject({ IsDefault: true, CidrBlock: '172.31.0.0/16' });
    expect(rowOf(made!.VpcId!).textContent).toContain('172.31.0.0/16');
    expect(getByText(body(), 'status', /You successfully created/).textContent).toContain(made!.VpcId);
  });

  it('creates a VPC with a Name tag, refuses a /29 with AWS’s error, and shows its resource map', async () => {
    const { bridge, lab } = await mountLab(pageOf(VpcsView));
    await click(getByRole(body(), 'button', 'Create VPC'));
    let dialog = getByRole(body(), 'dialog', 'Create VPC');
    await type(dialog, 'IPv4 CIDR', '10.0.0.0/29');
    await click(getByRole(dialog, 'button', 'Create VPC'));
    expect(getByText(body(), 'alert', /InvalidVpc\.Range/).textContent).toContain("The CIDR '10.0.0.0/29' is invalid.");
    dialog = getByRole(body(), 'dialog', 'Create VPC');
    await type(dialog, 'IPv4 CIDR', '10.0.0.0/16');
    await type(dialog, 'Name tag - optional', 'lab-vpc');
    await click(getByRole(dialog, 'button', 'Create VPC'));

    expect(bridge.inputsOf('CreateVpc').at(-1)).toEqual({
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab-vpc' }] }],
    });
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    const vpc = lab.ec2('DescribeVpcs', { Filters: [{ Name: 'tag:Name', Values: ['lab-vpc'] }] }).Vpcs![0]!;
    expect(getByText(body(), 'status', /successfully created/).textContent).toContain(vpc.VpcId);
    expect(rowOf(vpc.VpcId!).textContent).toContain('10.0.0.0/16');
    // The new VPC is selected: its map shows its main route table and no gateway yet.
    const map = getByRole(body(), 'region', 'Resource map');
    const main = lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] })
      .RouteTables![0]!;
    expect(getByRole(map, 'group', 'Route tables (1)').textContent).toContain(main.RouteTableId);
    expect(getByRole(map, 'group', 'Network connections (0)').textContent).toContain('No internet gateway attached');
  });

  it('refuses to delete a VPC that still has a subnet, naming it', async () => {
    const { lab, vpcId } = labWithVpc();
    await mountLab(pageOf(VpcsView), { lab });
    await click(rowOf(vpcId));
    expect(getByRole(getByRole(body(), 'region', 'Resource map'), 'group', 'Subnets (1)').textContent).toContain(
      'ap-northeast-2a',
    );
    await action('Delete VPC');
    await click(getByRole(getByRole(body(), 'dialog', 'Delete VPC'), 'button', 'Delete'));
    expect(getByText(body(), 'alert', /DependencyViolation/).textContent).toContain(
      `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
    );
    expect(lab.ec2('DescribeVpcs', { VpcIds: [vpcId] }).Vpcs).toHaveLength(1);
  });
});

describe('Subnets', () => {
  it('creates a subnet in a chosen VPC and zone, and turns on auto-assign public IPv4', async () => {
    const { lab, vpcId } = labWithVpc();
    const { bridge } = await mountLab(pageOf(SubnetsView), { lab });
    await click(getByRole(body(), 'button', 'Create subnet'));
    const dialog = getByRole(body(), 'dialog', 'Create subnet');
    await choose(dialog, 'VPC', vpcId);
    await choose(dialog, 'Availability Zone', 'ap-northeast-2c');
    await type(dialog, 'IPv4 subnet CIDR block', '10.0.2.0/24');
    await type(dialog, 'Name tag - optional', 'private');
    await click(getByRole(dialog, 'button', 'Create subnet'));
    expect(bridge.inputsOf('CreateSubnet').at(-1)).toMatchObject({
      VpcId: vpcId,
      CidrBlock: '10.0.2.0/24',
      AvailabilityZone: 'ap-northeast-2c',
    });
    const subnet = lab.ec2('DescribeSubnets', { Filters: [{ Name: 'tag:Name', Values: ['private'] }] }).Subnets![0]!;
    expect(rowOf(subnet.SubnetId!).textContent).toContain('251');
    await action('Enable auto-assign public IPv4 address');
    expect(lab.ec2('DescribeSubnets', { SubnetIds: [subnet.SubnetId!] }).Subnets![0]!.MapPublicIpOnLaunch).toBe(true);
    expect(getByText(body(), 'status', /auto-assign public IPv4 setting/)).toBeTruthy();
  });
});

describe('Internet gateways and route tables', () => {
  it('attaches a new gateway to the VPC', async () => {
    const { lab, vpcId } = labWithVpc();
    await mountLab(pageOf(InternetGatewaysView), { lab });
    await click(getByRole(body(), 'button', 'Create internet gateway'));
    await click(getByRole(getByRole(body(), 'dialog', 'Create internet gateway'), 'button', 'Create internet gateway'));
    // The region's only detached gateway is the new one (the default VPC's is attached).
    const created = lab
      .ec2('DescribeInternetGateways', {})
      .InternetGateways!.find((g) => !g.Attachments?.length)!.InternetGatewayId!;
    expect(rowOf(created).textContent).toContain('Detached');
    await action('Attach to VPC');
    const dialog = getByRole(body(), 'dialog', 'Attach to VPC');
    await choose(dialog, 'VPC', vpcId);
    await click(getByRole(dialog, 'button', 'Attach to VPC'));
    expect(rowOf(created).textContent).toContain('Attached');
    expect(rowOf(created).textContent).toContain(vpcId);
  });

  it('routes 0.0.0.0/0 to the gateway, associates a subnet, and shows blackhole once the gateway is detached', async () => {
    const { lab, vpcId, subnetId } = labWithVpc();
    const gatewayId = lab.ec2('CreateInternetGateway', {}).InternetGateway!.InternetGatewayId!;
    lab.ec2('AttachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
    const { bridge } = await mountLab(pageOf(RouteTablesView), { lab });
    await click(getByRole(body(), 'button', 'Create route table'));
    const dialog = getByRole(body(), 'dialog', 'Create route table');
    await choose(dialog, 'VPC', vpcId);
    await type(dialog, 'Name tag - optional', 'public');
    await click(getByRole(dialog, 'button', 'Create route table'));
    const table = lab.ec2('DescribeRouteTables', { Filters: [{ Name: 'tag:Name', Values: ['public'] }] })
      .RouteTables![0]!;

    const routes = getByRole(body(), 'region', 'Routes');
    await choose(routes, 'Target', gatewayId);
    await click(getByRole(routes, 'button', 'Add route'));
    expect(bridge.inputsOf('CreateRoute').at(-1)).toEqual({
      RouteTableId: table.RouteTableId,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: gatewayId,
    });
    expect(getByRole(routes, 'row', /0\.0\.0\.0\/0/).textContent).toContain('active');

    const associations = getByRole(body(), 'region', 'Subnet associations');
    await choose(associations, 'Select a subnet', subnetId);
    await click(getByRole(associations, 'button', 'Associate subnet'));
    expect(rowOf(table.RouteTableId!).textContent).toContain(subnetId);

    lab.ec2('DetachInternetGateway', { InternetGatewayId: gatewayId, VpcId: vpcId });
    await flushPromises();
    expect(getByRole(getByRole(body(), 'region', 'Routes'), 'row', /0\.0\.0\.0\/0/).textContent).toContain('blackhole');
  });
});

describe('Network ACLs', () => {
  it('creates an ACL that denies everything, adds and removes numbered rules, and keeps the default ACL', async () => {
    const { lab, vpcId } = labWithVpc();
    const { bridge } = await mountLab(pageOf(NetworkAclsView), { lab });
    await click(getByRole(body(), 'button', 'Create network ACL'));
    const dialog = getByRole(body(), 'dialog', 'Create network ACL');
    await choose(dialog, 'VPC', vpcId);
    await type(dialog, 'Name tag - optional', 'strict');
    await click(getByRole(dialog, 'button', 'Create network ACL'));
    const acl = lab.ec2('DescribeNetworkAcls', { Filters: [{ Name: 'tag:Name', Values: ['strict'] }] })
      .NetworkAcls![0]!;
    const inbound = () => getByRole(body(), 'region', 'Inbound rules');
    expect(queryAllByRole(inbound(), 'row').map((row) => row.textContent)).toEqual([
      expect.stringContaining('Rule number'),
      expect.stringMatching(/^\*All trafficAll traffic0\.0\.0\.0\/0Deny/),
    ]);

    await click(getByRole(body(), 'button', 'Add rule'));
    expect(bridge.inputsOf('CreateNetworkAclEntry').at(-1)).toEqual({
      NetworkAclId: acl.NetworkAclId,
      RuleNumber: 100,
      Egress: false,
      Protocol: '6',
      RuleAction: 'allow',
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 22, To: 22 },
    });
    expect(getByRole(inbound(), 'row', /^100TCP22/).textContent).toContain('Allow');
    await click(getByRole(body(), 'button', 'Add rule'));
    expect(getByText(body(), 'alert', /NetworkAclEntryAlreadyExists/).textContent).toContain(
      'The network acl entry identified by 100 already exists.',
    );
    await click(getByRole(inbound(), 'button', 'Remove Inbound rules rule 100'));
    expect(
      lab.ec2('DescribeNetworkAcls', { NetworkAclIds: [acl.NetworkAclId!] }).NetworkAcls![0]!.Entries,
    ).toHaveLength(2);

    const defaultAcl = lab.ec2('DescribeNetworkAcls', {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'default', Values: ['true'] },
      ],
    }).NetworkAcls![0]!;
    await click(rowOf(defaultAcl.NetworkAclId!));
    await action('Delete network ACL');
    await click(getByRole(getByRole(body(), 'dialog', 'Delete network ACL'), 'button', 'Delete'));
    expect(getByText(body(), 'alert', /InvalidParameterValue/).textContent).toContain(
      `cannot delete default network ACL ${defaultAcl.NetworkAclId}`,
    );
  });
});

describe('in Korean', () => {
  it('names the VPC page and its actions in the Korean console’s words', async () => {
    await mountLab(pageOf(VpcsView), { locale: 'ko' });
    expect(getByRole(body(), 'heading', /^VPC/)).toBeTruthy();
    expect(getByRole(body(), 'button', 'VPC 생성')).toBeTruthy();
  });
});
