// @vitest-environment happy-dom
// The Security Groups page: the list, create with rules, edit rules, delete errors, My IP source, Korean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import SecurityGroupsView from './SecurityGroupsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(SecurityGroupsView)]));
const body = () => document.body;
const WARNING = 'Rules with source of 0.0.0.0/0 allow all IP addresses to access your instance.';

beforeEach(() => {
  location.hash = '#/security-groups';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

/** Types into a text field (the CIDR block field is a combobox: it suggests the VPC's groups). */
async function type(root: HTMLElement, name: string, value: string): Promise<void> {
  const input = (queryAllByRole(root, 'textbox', name)[0] ?? getByRole(root, 'combobox', name)) as HTMLInputElement;
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

const defaultVpc = (lab: EngineLab) => lab.ec2('DescribeVpcs', {}).Vpcs!.find((vpc) => vpc.IsDefault)!.VpcId!;
const rulesOf = (lab: EngineLab, groupId: string) =>
  lab
    .ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [groupId] }] })
    .SecurityGroupRules!.filter((rule) => !rule.IsEgress)
    .map((rule) => [rule.IpProtocol, rule.FromPort, rule.ToPort, rule.CidrIpv4, rule.Description ?? '']);

function rowOf(groupId: string): HTMLElement {
  return getByRole(body(), 'row', new RegExp(groupId));
}

async function action(item: string): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(getByRole(body(), 'menu'), 'menuitem', item));
  return getByRole(body(), 'dialog');
}

describe('SecurityGroupsView', () => {
  it('lists the default group with the console columns and its allow-all outbound rule', async () => {
    const lab = createEngineLab();
    const [group] = lab.ec2('DescribeSecurityGroups', {
      Filters: [{ Name: 'vpc-id', Values: [defaultVpc(lab)] }],
    }).SecurityGroups!;
    await mountLab(Page, { lab });
    for (const column of ['Security group ID', 'Security group name', 'VPC ID', 'Description', 'Owner']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    const row = rowOf(group!.GroupId!);
    expect(row.textContent).toContain('default');
    expect(row.textContent).toContain(group!.OwnerId);
    expect(row.textContent).toContain('1 Permission entry');
    await click(row);
    await click(getByRole(body(), 'tab', 'Outbound rules'));
    const outbound = getByRole(body(), 'tabpanel');
    expect(outbound.textContent).toContain('All traffic');
    expect(outbound.textContent).toContain('0.0.0.0/0');
  });

  it('creates a group with rules from My IP and a custom port, checking ports and CIDRs inline', async () => {
    const lab = createEngineLab();
    const myIp = lab.lab('GetLaptop', {}).PublicIp;
    const { bridge } = await mountLab(Page, { lab });
    await click(getByRole(body(), 'button', 'Create security group'));
    const dialog = getByRole(body(), 'dialog', 'Create security group');
    await type(dialog, 'Security group name', 'web-sg');
    await type(dialog, 'Description', 'Web servers');
    const inbound = getByRole(dialog, 'region', 'Inbound rules');
    await click(getByRole(inbound, 'button', 'Add rule'));
    const first = getByRole(inbound, 'group', 'Rule 1');
    await choose(first, 'Type', 'ssh');
    expect((getByRole(first, 'textbox', 'Port range') as HTMLInputElement).value).toBe('22');
    await choose(first, 'Source', 'my-ip');
    expect((getByRole(first, 'combobox', 'CIDR block') as HTMLInputElement).value).toBe(`${myIp}/32`);

    await click(getByRole(inbound, 'button', 'Add rule'));
    const second = getByRole(inbound, 'group', 'Rule 2');
    await type(second, 'Port range', '70000');
    await type(second, 'CIDR block', '10.0.0.0/40');
    expect(getByText(second, 'alert', /Enter a port/)).toBeTruthy();
    expect(getByText(second, 'alert', /Enter a valid IPv4 CIDR block/)).toBeTruthy();
    await click(getByRole(dialog, 'button', 'Create security group'));
    expect(bridge.inputsOf('CreateSecurityGroup')).toEqual([]);

    await type(second, 'Port range', '8080-8081');
    await choose(second, 'Source', 'anywhere');
    await type(second, 'Description - optional', 'app');
    expect(queryAllByRole(dialog, 'alert')).toHaveLength(0);
    await click(getByRole(dialog, 'button', 'Create security group'));

    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    const [group] = lab.ec2('DescribeSecurityGroups', {
      Filters: [{ Name: 'group-name', Values: ['web-sg'] }],
    }).SecurityGroups!;
    expect(group).toMatchObject({ Description: 'Web servers', VpcId: defaultVpc(lab) });
    expect(rulesOf(lab, group!.GroupId!)).toEqual([
      ['tcp', 22, 22, `${myIp}/32`, ''],
      ['tcp', 8080, 8081, '0.0.0.0/0', 'app'],
    ]);
    expect(getByText(body(), 'status', /was created successfully/).textContent).toContain(group!.GroupId);
    expect(rowOf(group!.GroupId!).textContent).toContain('2 Permission entries');
  });

  it('edits inbound rules: warns for SSH from anywhere, changes the edited rule in place and authorizes the new one', async () => {
    const lab = createEngineLab();
    const myIp = lab.lab('GetLaptop', {}).PublicIp;
    const groupId = lab.ec2('CreateSecurityGroup', {
      GroupName: 'ssh',
      Description: 'ssh',
      VpcId: defaultVpc(lab),
    }).GroupId!;
    const [ssh, ping] = lab
      .ec2('AuthorizeSecurityGroupIngress', {
        GroupId: groupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
        ],
      })
      .SecurityGroupRules!.map((rule) => rule.SecurityGroupRuleId!);
    const { bridge } = await mountLab(Page, { lab });
    await click(rowOf(groupId));
    const dialog = await action('Edit inbound rules');
    expect(dialog.textContent).toContain(WARNING);

    await choose(getByRole(dialog, 'group', 'Rule 1'), 'Source', 'my-ip');
    expect(dialog.textContent).not.toContain(WARNING);
    // The CIDR field suggests the VPC's groups as sources.
    const cidr = getByRole(getByRole(dialog, 'group', 'Rule 1'), 'combobox', 'CIDR block') as HTMLInputElement;
    const suggested = [...cidr.list!.querySelectorAll('option')].map((option) => option.value);
    expect(suggested).toContain(groupId);
    expect(suggested).toHaveLength(lab.ec2('DescribeSecurityGroups', {}).SecurityGroups!.length);
    await click(getByRole(getByRole(dialog, 'group', 'Rule 2'), 'button', 'Delete'));
    await click(getByRole(dialog, 'button', 'Add rule'));
    await choose(getByRole(dialog, 'group', 'Rule 2'), 'Type', 'http');
    await choose(getByRole(dialog, 'group', 'Rule 2'), 'Source', 'anywhere');
    await click(getByRole(dialog, 'button', 'Save rules'));

    expect(bridge.inputsOf('ModifySecurityGroupRules')).toEqual([
      {
        GroupId: groupId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: ssh,
            SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: `${myIp}/32` },
          },
        ],
      },
    ]);
    expect(bridge.inputsOf('AuthorizeSecurityGroupIngress')).toEqual([
      {
        GroupId: groupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
    ]);
    expect(bridge.inputsOf('RevokeSecurityGroupIngress')).toEqual([{ GroupId: groupId, SecurityGroupRuleIds: [ping] }]);
    expect(rulesOf(lab, groupId)).toEqual([
      ['tcp', 22, 22, `${myIp}/32`, ''],
      ['tcp', 80, 80, '0.0.0.0/0', ''],
    ]);
    const rules = lab.ec2('DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [groupId] }] });
    expect(rules.SecurityGroupRules!.map((rule) => rule.SecurityGroupRuleId)).toContain(ssh);
    const panel = getByRole(body(), 'tabpanel');
    expect(panel.textContent).toContain('HTTP');
    expect(panel.textContent).not.toContain(ping);
  });

  it('changes a rule’s description in place: the rule keeps its id and nothing is revoked', async () => {
    const lab = createEngineLab();
    const groupId = lab.ec2('CreateSecurityGroup', {
      GroupName: 'web',
      Description: 'web',
      VpcId: defaultVpc(lab),
    }).GroupId!;
    const ruleId = lab.ec2('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }).SecurityGroupRules![0]!.SecurityGroupRuleId!;
    const { bridge } = await mountLab(Page, { lab });
    await click(rowOf(groupId));
    const dialog = await action('Edit inbound rules');
    await type(getByRole(dialog, 'group', 'Rule 1'), 'Description - optional', 'public site');
    await click(getByRole(dialog, 'button', 'Save rules'));

    expect(queryAllByRole(body(), 'alert')).toHaveLength(0);
    expect(bridge.inputsOf('RevokeSecurityGroupIngress')).toEqual([]);
    expect(bridge.inputsOf('AuthorizeSecurityGroupIngress')).toEqual([]);
    expect(rulesOf(lab, groupId)).toEqual([['tcp', 443, 443, '0.0.0.0/0', 'public site']]);
    const [rule] = lab
      .ec2('DescribeSecurityGroupRules', {
        Filters: [{ Name: 'group-id', Values: [groupId] }],
      })
      .SecurityGroupRules!.filter((r) => !r.IsEgress);
    expect(rule!.SecurityGroupRuleId).toBe(ruleId);
  });

  it('refuses to delete the default group (CannotDelete) and a group in use (DependencyViolation), changing nothing', async () => {
    const lab = createEngineLab();
    const [defaultGroup] = lab.ec2('DescribeSecurityGroups', {
      Filters: [{ Name: 'group-name', Values: ['default'] }],
    }).SecurityGroups!;
    const used = lab.ec2('CreateSecurityGroup', {
      GroupName: 'used',
      Description: 'used',
      VpcId: defaultVpc(lab),
    }).GroupId!;
    lab.launch({ SecurityGroupIds: [used] });
    const spare = lab.ec2('CreateSecurityGroup', {
      GroupName: 'spare',
      Description: 'spare',
      VpcId: defaultVpc(lab),
    }).GroupId!;
    await mountLab(Page, { lab });

    await click(rowOf(defaultGroup!.GroupId!));
    await click(getByRole(await action('Delete security groups'), 'button', 'Delete'));
    expect(getByText(body(), 'alert', /CannotDelete/).textContent).toContain('Failed to delete security group');

    await click(rowOf(used));
    await click(getByRole(await action('Delete security groups'), 'button', 'Delete'));
    expect(getByText(body(), 'alert', /DependencyViolation/)).toBeTruthy();
    expect(
      lab
        .ec2('DescribeSecurityGroups', {})
        .SecurityGroups!.map((g) => g.GroupName)
        .sort(),
    ).toEqual(['default', 'spare', 'used']);

    await click(rowOf(spare));
    await click(getByRole(await action('Delete security groups'), 'button', 'Delete'));
    expect(getByText(body(), 'status', /was deleted/).textContent).toContain(spare);
    expect(queryAllByRole(body(), 'row', new RegExp(spare))).toHaveLength(0);
  });

  it('speaks Korean', async () => {
    await mountLab(Page, { locale: 'ko' });
    expect(getByRole(body(), 'columnheader', '보안 그룹 이름')).toBeTruthy();
    await click(getByRole(body(), 'button', '보안 그룹 생성'));
    const dialog = getByRole(body(), 'dialog', '보안 그룹 생성');
    expect(dialog.textContent).toContain('인바운드 규칙');
    expect(dialog.textContent).toContain('아웃바운드 규칙');
  });
});
