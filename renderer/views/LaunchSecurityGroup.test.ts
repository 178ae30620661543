// @vitest-environment happy-dom
// The launch wizard's firewall: a new launch-wizard-N group with SSH from My IP, or existing groups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import LaunchInstanceView from './LaunchInstanceView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText } from '../testing/queries';

enableAutoUnmount(afterEach);
const Wizard = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchInstanceView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/launch';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function choose(name: string, value: string): Promise<void> {
  const select = getByRole(body(), 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function check(role: 'radio' | 'checkbox', name: string | RegExp, checked = true): Promise<void> {
  const input = getByRole(body(), role, name) as HTMLInputElement;
  input.checked = checked;
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

function launchedId(): string {
  return /\((i-[0-9a-f]{17})\)/.exec(getByText(body(), 'status', /Successfully initiated launch/).textContent!)![1]!;
}

const defaultVpc = (lab: ReturnType<typeof createEngineLab>) =>
  lab.ec2('DescribeVpcs', {}).Vpcs!.find((vpc) => vpc.IsDefault)!.VpcId!;

describe('the launch wizard’s firewall', () => {
  it('creates launch-wizard-N with SSH from My IP, then launches the instance in it', async () => {
    const lab = createEngineLab();
    const myIp = lab.lab('GetLaptop', {}).PublicIp;
    lab.ec2('CreateSecurityGroup', { GroupName: 'launch-wizard-1', Description: 'taken', VpcId: defaultVpc(lab) });
    const { bridge } = await mountLab(Wizard, { lab });
    expect(body().textContent).toContain("We'll create a new security group called 'launch-wizard-2'");
    expect(body().textContent).toContain('Rules with source of 0.0.0.0/0 allow all IP addresses');

    await choose('SSH source', 'my-ip');
    expect(getByRole(body(), 'combobox', 'SSH source').textContent).toContain(`My IP ${myIp}`);
    expect(body().textContent).not.toContain('Rules with source of 0.0.0.0/0');
    await click(getByRole(body(), 'button', 'Launch instance'));

    const [created] = bridge.inputsOf('CreateSecurityGroup');
    expect(created).toMatchObject({ GroupName: 'launch-wizard-2', VpcId: defaultVpc(lab) });
    expect(created!.Description).toMatch(/^launch-wizard-2 created \d{4}-\d\d-\d\dT/);
    const groupId = lab.ec2('DescribeSecurityGroups', {
      Filters: [{ Name: 'group-name', Values: ['launch-wizard-2'] }],
    }).SecurityGroups![0]!.GroupId!;
    expect(
      bridge.inputsOf<RunInstancesRequest>('RunInstances').map((input) => input.NetworkInterfaces![0]!.Groups),
    ).toEqual([[groupId]]);
    const instance = lab.instance(launchedId());
    expect(instance.SecurityGroups).toEqual([{ GroupId: groupId, GroupName: 'launch-wizard-2' }]);
    const inbound = lab
      .ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [groupId] }] })
      .SecurityGroupRules!.filter((rule) => !rule.IsEgress);
    expect(inbound.map((rule) => [rule.IpProtocol, rule.FromPort, rule.ToPort, rule.CidrIpv4])).toEqual([
      ['tcp', 22, 22, `${myIp}/32`],
    ]);
  });

  it('launches in the existing groups chosen, and asks for one when none is', async () => {
    const lab = createEngineLab();
    const vpcId = defaultVpc(lab);
    const web = lab.ec2('CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId: vpcId }).GroupId!;
    const { bridge } = await mountLab(Wizard, { lab });
    await check('radio', 'Select existing security group');
    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(getByText(body(), 'alert', /Select at least one security group./)).toBeTruthy();
    expect(bridge.inputsOf('RunInstances')).toEqual([]);

    const defaultGroup = lab.ec2('DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['default'] }] })
      .SecurityGroups![0]!.GroupId!;
    await check('checkbox', `web (${web})`);
    await check('checkbox', `default (${defaultGroup})`);
    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(bridge.inputsOf('CreateSecurityGroup')).toEqual([]);
    expect(
      bridge.inputsOf<RunInstancesRequest>('RunInstances').map((input) => input.NetworkInterfaces![0]!.Groups),
    ).toEqual([[web, defaultGroup]]);
    expect(lab.instance(launchedId()).SecurityGroups!.map((group) => group.GroupName)).toEqual(['web', 'default']);
  });

  it('checks a custom SSH source CIDR inline', async () => {
    const { bridge } = await mountLab(Wizard);
    await choose('SSH source', 'custom');
    const cidr = getByRole(body(), 'textbox', 'Custom source CIDR') as HTMLInputElement;
    cidr.value = '10.0.0.0/33';
    cidr.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(getByText(body(), 'alert', /Enter a valid IPv4 CIDR block/)).toBeTruthy();
    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(bridge.inputsOf('CreateSecurityGroup')).toEqual([]);
  });

  it('speaks Korean', async () => {
    await mountLab(Wizard, { locale: 'ko' });
    expect(body().textContent).toContain('방화벽(보안 그룹)');
    expect(body().textContent).toContain('다음에서 SSH 트래픽 허용');
    expect(body().textContent).toContain('기존 보안 그룹 선택');
  });
});
