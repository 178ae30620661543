// @vitest-environment happy-dom
/** The Security tab of an instance's details: its groups and inbound rules, key name, and the gate's SSH answer. */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstancesView from './InstancesView.vue';
import { createEngineLab } from '../testing/engine-lab';
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

/** A lab with a group allowing SSH from the laptop's IP and an instance (key pair lab-key) launched in it. */
function labWithSshGroup() {
  const lab = createEngineLab();
  const myIp = lab.lab('GetLaptop', {}).PublicIp;
  const vpcId = lab.ec2('DescribeVpcs', {}).Vpcs!.find((vpc) => vpc.IsDefault)!.VpcId!;
  const groupId = lab.ec2('CreateSecurityGroup', { GroupName: 'ssh-in', Description: 'SSH', VpcId: vpcId }).GroupId!;
  const ruleId = lab.ec2('AuthorizeSecurityGroupIngress', {
    GroupId: groupId,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${myIp}/32` }] }],
  }).SecurityGroupRules![0]!.SecurityGroupRuleId!;
  lab.ec2('CreateKeyPair', { KeyName: 'lab-key' });
  const id = lab.launch({ SecurityGroupIds: [groupId], KeyName: 'lab-key' }).InstanceId!;
  return { lab, myIp, groupId, ruleId, id };
}

async function openSecurityTab(id: string, tab = 'Security'): Promise<HTMLElement> {
  await click(getByRole(body(), 'checkbox', new RegExp(id)));
  await click(getByRole(body(), 'tab', tab));
  return getByRole(body(), 'tabpanel');
}

describe('Instance details → Security', () => {
  it('is blocked while booting, allowed once checks pass, and blocked with no inbound rule after a revoke', async () => {
    const { lab, myIp, groupId, ruleId, id } = labWithSshGroup();
    await mountLab(InstancesView, { lab });
    const panel = await openSecurityTab(id);

    expect(panel.textContent).toContain('lab-key');
    expect(panel.textContent).toContain(`${groupId} (ssh-in)`);
    expect(getByRole(panel, 'row', new RegExp(ruleId)).textContent).toContain(`SSH`);
    expect(getByRole(panel, 'row', new RegExp(ruleId)).textContent).toContain(`${myIp}/32`);
    const reachability = () => getByRole(panel, 'region', new RegExp('Reachability: SSH from My IP'));
    expect(reachability().textContent).toContain(`(${myIp})`);
    expect(reachability().textContent).toContain('Blocked because');
    expect(reachability().textContent).toContain('The instance is not running.');

    lab.pass(CHECKS_MS);
    await flushPromises();
    expect(lab.instance(id).State!.Name).toBe('running');
    expect(reachability().textContent).toContain('Allowed');
    expect(reachability().textContent).not.toContain('Blocked');

    lab.ec2('RevokeSecurityGroupIngress', { GroupId: groupId, SecurityGroupRuleIds: [ruleId] });
    await flushPromises();
    expect(reachability().textContent).toContain('Blocked because');
    expect(reachability().textContent).toContain(`No inbound rule allows SSH (TCP 22) from ${myIp} in ${groupId}.`);
    expect(panel.textContent).toContain('No security group rules found');
  });

  it('says the instance is still booting while it runs but its checks have not passed', async () => {
    const { lab, id } = labWithSshGroup();
    lab.waitFor(id, 'running');
    await mountLab(InstancesView, { lab });
    const panel = await openSecurityTab(id);
    expect(panel.textContent).toContain('The instance is still booting: its status checks have not passed yet.');
    expect(panel.textContent).not.toContain('The instance is not running.');
  });

  it('speaks Korean', async () => {
    const { lab, id } = labWithSshGroup();
    lab.pass(CHECKS_MS);
    await mountLab(InstancesView, { lab, locale: 'ko' });
    const panel = await openSecurityTab(id, '보안');
    expect(panel.textContent).toContain('연결 가능 여부: 내 IP(');
    expect(panel.textContent).toContain('허용됨');
    expect(panel.textContent).toContain('키 이름');
  });
});
