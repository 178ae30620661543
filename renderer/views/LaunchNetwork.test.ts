// @vitest-environment happy-dom
// The launch wizard's network settings against a real engine: the VPC, a subnet of it, auto-assign
// public IP, and the firewall's groups in that VPC.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import LaunchInstanceView from './LaunchInstanceView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Wizard = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchInstanceView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/launch';
});

const select = (name: string) => getByRole(body(), 'combobox', name) as HTMLSelectElement;
const options = (name: string) => [...select(name).options].map((option) => option.value);
/** The option shown as chosen (happy-dom's `value` can lag behind when the options change under it). */
const chosen = (name: string) => select(name).options[select(name).selectedIndex]?.value;

async function choose(name: string, value: string): Promise<void> {
  select(name).value = value;
  select(name).dispatchEvent(new Event('change'));
  await flushPromises();
}

async function launch(): Promise<void> {
  getByRole(body(), 'button', 'Launch instance').click();
  await flushPromises();
}

function launchedId(): string {
  return /\((i-[0-9a-f]{17})\)/.exec(getByText(body(), 'status', /Successfully initiated launch/).textContent!)![1]!;
}

/** A custom VPC 10.0.0.0/16 with a private subnet (no auto-assign) and a public one (auto-assign on). */
function customVpc(lab: EngineLab) {
  const vpcId = lab.ec2('CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc!.VpcId!;
  const zone = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones![0]!.ZoneName!;
  const subnet = (cidr: string) =>
    lab.ec2('CreateSubnet', { VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }).Subnet!.SubnetId!;
  const privateSubnet = subnet('10.0.1.0/24');
  const publicSubnet = subnet('10.0.0.0/24');
  lab.ec2('ModifySubnetAttribute', { SubnetId: publicSubnet, MapPublicIpOnLaunch: { Value: true } });
  return { vpcId, privateSubnet, publicSubnet };
}

describe('the launch wizard’s network settings', () => {
  it('preselects the default VPC with "No preference" and auto-assign enabled', async () => {
    const lab = createEngineLab();
    const { vpcId } = customVpc(lab);
    const { bridge } = await mountLab(Wizard, { lab });
    const defaultVpc = lab.ec2('DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs![0]!;
    expect(select('VPC').value).toBe(defaultVpc.VpcId);
    expect(options('VPC').sort()).toEqual([defaultVpc.VpcId, vpcId].sort());
    expect(select('VPC').selectedOptions[0]!.textContent).toContain(`${defaultVpc.CidrBlock}) (default)`);
    const defaultSubnets = lab
      .ec2('DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [defaultVpc.VpcId!] }] })
      .Subnets!.map((subnet) => subnet.SubnetId!);
    expect(options('Subnet')).toEqual(['', ...options('Subnet').slice(1)]);
    expect(options('Subnet').slice(1).sort()).toEqual(defaultSubnets.sort());
    expect(select('Subnet').value).toBe('');
    expect(select('Auto-assign public IP').value).toBe('enable');

    await launch();
    expect(bridge.inputsOf<RunInstancesRequest>('RunInstances')[0]!.NetworkInterfaces).toEqual([
      { DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: [expect.stringMatching(/^sg-/)] },
    ]);
    const instance = lab.instance(launchedId());
    expect(instance.VpcId).toBe(defaultVpc.VpcId);
    expect(instance.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('launches into a custom VPC’s subnet with auto-assign off: the instance has no public IP', async () => {
    const lab = createEngineLab();
    const { vpcId, privateSubnet, publicSubnet } = customVpc(lab);
    const otherVpcGroup = lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }).GroupId!;
    const { bridge } = await mountLab(Wizard, { lab });

    await choose('VPC', vpcId);
    // No "No preference" outside the default VPC: its first subnet (by zone, then CIDR) is chosen.
    expect(options('Subnet')).toEqual([publicSubnet, privateSubnet]);
    expect(chosen('Subnet')).toBe(publicSubnet);
    expect(select('Auto-assign public IP').value).toBe('enable');
    await choose('Subnet', privateSubnet);
    expect(select('Auto-assign public IP').value).toBe('disable');

    // "Select existing" lists only this VPC's groups.
    const vpcDefaultGroup = lab.ec2('DescribeSecurityGroups', {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['default'] },
      ],
    }).SecurityGroups![0]!.GroupId!;
    (getByRole(body(), 'radio', 'Select existing security group') as HTMLInputElement).click();
    await flushPromises();
    expect(queryAllByRole(body(), 'checkbox', `default (${vpcDefaultGroup})`)).toHaveLength(1);
    expect(queryAllByRole(body(), 'checkbox', `web (${otherVpcGroup})`)).toHaveLength(0);
    (getByRole(body(), 'radio', 'Create security group') as HTMLInputElement).click();
    await flushPromises();
    expect(body().textContent).toContain("We'll create a new security group called 'launch-wizard-1'");

    await launch();
    const [created] = bridge.inputsOf('CreateSecurityGroup');
    expect(created).toMatchObject({ GroupName: 'launch-wizard-1', VpcId: vpcId });
    const groupId = lab.ec2('DescribeSecurityGroups', {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: ['launch-wizard-1'] },
      ],
    }).SecurityGroups![0]!.GroupId!;
    const request = bridge.inputsOf<RunInstancesRequest>('RunInstances')[0]!;
    expect(request.NetworkInterfaces).toEqual([
      { DeviceIndex: 0, SubnetId: privateSubnet, AssociatePublicIpAddress: false, Groups: [groupId] },
    ]);
    expect(request.SubnetId).toBe(undefined);
    expect(request.SecurityGroupIds).toBe(undefined);
    const instance = lab.instance(launchedId());
    expect([instance.VpcId, instance.SubnetId]).toEqual([vpcId, privateSubnet]);
    expect(instance.PrivateIpAddress).toMatch(/^10\.0\.1\./);
    expect(instance.PublicIpAddress).toBe(undefined);
    expect(instance.SecurityGroups).toEqual([{ GroupId: groupId, GroupName: 'launch-wizard-1' }]);
  });

  it('turns auto-assign off in a subnet that maps public IPs', async () => {
    const lab = createEngineLab();
    const { vpcId, publicSubnet } = customVpc(lab);
    await mountLab(Wizard, { lab });
    await choose('VPC', vpcId);
    await choose('Auto-assign public IP', 'disable');
    await launch();
    const instance = lab.instance(launchedId());
    expect(instance.SubnetId).toBe(publicSubnet);
    expect(instance.PublicIpAddress).toBe(undefined);
  });

  it('asks for a subnet in a VPC that has none', async () => {
    const lab = createEngineLab();
    const vpcId = lab.ec2('CreateVpc', { CidrBlock: '10.9.0.0/16' }).Vpc!.VpcId!;
    const { bridge } = await mountLab(Wizard, { lab });
    await choose('VPC', vpcId);
    expect(options('Subnet')).toEqual([]);
    expect(getByText(body(), 'alert', /Choose a subnet of this VPC/)).toBeTruthy();
    await launch();
    expect(bridge.inputsOf('RunInstances')).toEqual([]);
  });

  it('speaks Korean', async () => {
    await mountLab(Wizard, { locale: 'ko' });
    expect(body().textContent).toContain('퍼블릭 IP 자동 할당');
    expect(select('VPC').selectedOptions[0]!.textContent).toContain('(기본값)');
  });
});
