// @vitest-environment happy-dom
/**
 * The Stop, Hibernate and Terminate confirmations tell what the request loses and what stays, per
 * instance, from what the engine describes (EC2 User Guide: Stop_Start, Hibernate, terminating-instances).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { mountLab } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';
import type { EngineLab } from '../testing/engine-lab';
import { body, CHECKS_MS, chooseFromStateMenu, click, InstancesPage, labWith } from './InstancesView.testing';

enableAutoUnmount(afterEach);

/** The lines under "What will be lost" and "What stays" in the open dialog. */
function warningsOf(dialog: HTMLElement): { lost: string[]; stays: string[] } {
  const lines = (testId: string) =>
    [...dialog.querySelectorAll(`[data-testid="${testId}"] li`)].map((li) => li.textContent?.trim() ?? '');
  return { lost: lines('action-losses'), stays: lines('action-notes') };
}

function rootVolumeOf(lab: EngineLab, id: string): string {
  const instance = lab.instance(id);
  return instance.BlockDeviceMappings!.find((mapping) => mapping.DeviceName === instance.RootDeviceName)!.Ebs!
    .VolumeId!;
}

async function confirmation(id: string, item: string, dialogName: string): Promise<HTMLElement> {
  await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
  await chooseFromStateMenu(item);
  return getByRole(body(), 'dialog', dialogName);
}

describe('Instance state confirmations', () => {
  it('warns that stopping releases the auto-assigned public IPv4 address and keeps the root volume', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    const address = lab.instance(id).PublicIpAddress!;
    await mountLab(InstancesPage, { lab });
    const dialog = await confirmation(id, 'Stop instance', 'Stop instance?');

    expect(dialog.textContent).toContain('What will be lost');
    expect(warningsOf(dialog)).toEqual({
      lost: [`${id}: its auto-assigned public IPv4 address ${address} is released. An Elastic IP address would stay.`],
      stays: [`${id}: its root EBS volume ${rootVolumeOf(lab, id)} is kept, with its data.`],
    });
    // t3.micro has no instance store: nothing said about one.
    expect(dialog.textContent).not.toContain('instance store');
  });

  it('warns that terminating deletes the root volume and loses instance store data on a type that has it', async () => {
    const lab = labWith().lab;
    expect(lab.offeredTypes('x86_64')).toContain('m5d.large');
    const id = lab.launch({ InstanceType: 'm5d.large' }).InstanceId!;
    lab.pass(CHECKS_MS);
    const address = lab.instance(id).PublicIpAddress!;
    await mountLab(InstancesPage, { lab });
    const dialog = await confirmation(id, 'Terminate (delete) instance', 'Terminate (delete) instance?');

    expect(warningsOf(dialog)).toEqual({
      lost: [
        `${id}: its auto-assigned public IPv4 address ${address} is released. An Elastic IP address would stay.`,
        `${id}: the data on its instance store volumes (m5d.large) is lost.`,
        `${id}: its root volume ${rootVolumeOf(lab, id)} is deleted (Delete on termination is on).`,
      ],
      stays: [],
    });
    expect(dialog.textContent).toContain('A terminated instance cannot be started again.');
  });

  it('says an Elastic IP stays on stop, and a root volume set to survive stays on terminate', async () => {
    const lab = labWith().lab;
    const image = lab.quickStart('amazon-linux');
    const id = lab.launch({
      BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { DeleteOnTermination: false } }],
    }).InstanceId!;
    lab.pass(CHECKS_MS);
    const { AllocationId, PublicIp } = lab.ec2('AllocateAddress', { Domain: 'vpc' });
    lab.ec2('AssociateAddress', { AllocationId, InstanceId: id });
    await mountLab(InstancesPage, { lab });

    let dialog = await confirmation(id, 'Stop instance', 'Stop instance?');
    expect(warningsOf(dialog).lost).toEqual([]);
    expect(warningsOf(dialog).stays).toContain(`${id}: its Elastic IP address ${PublicIp} stays associated.`);
    await click(getByRole(dialog, 'button', 'Cancel'));

    await chooseFromStateMenu('Terminate (delete) instance');
    dialog = getByRole(body(), 'dialog');
    expect(warningsOf(dialog).stays).toEqual([
      `${id}: its Elastic IP address ${PublicIp} is disassociated and stays allocated to your account until you release it.`,
      `${id}: its root volume ${rootVolumeOf(lab, id)} is kept (Delete on termination is off).`,
    ]);
  });

  it('says hibernation saves RAM to the root volume', async () => {
    const lab = labWith().lab;
    const image = lab.quickStart('amazon-linux');
    const id = lab.launch({
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { Encrypted: true, VolumeSize: 16 } }],
    }).InstanceId!;
    lab.pass(CHECKS_MS);
    await mountLab(InstancesPage, { lab });
    const dialog = await confirmation(id, 'Hibernate instance', 'Hibernate instance?');
    const volume = rootVolumeOf(lab, id);
    expect(warningsOf(dialog).stays).toEqual([
      `${id}: the contents of its memory (RAM) are saved to its root volume ${volume} and restored at the next start.`,
      `${id}: its root EBS volume ${volume} is kept, with its data.`,
    ]);
  });

  it('warns only about the instances the request changes, in Korean too', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [running, stopped] = ids as [string, string];
    await mountLab(InstancesPage, { lab, locale: 'ko' });
    await click(getByRole(body(), 'checkbox', '모든 인스턴스 선택'));
    await click(getByRole(body(), 'button', '인스턴스 상태'));
    await click(getByRole(getByRole(body(), 'menu'), 'menuitem', '인스턴스 중지'));
    const dialog = getByRole(body(), 'dialog');
    const { lost, stays } = warningsOf(dialog);
    expect(lost).toEqual([
      `${running}: 자동 할당된 퍼블릭 IPv4 주소 ${lab.instance(running).PublicIpAddress}이(가) 해제됩니다. 탄력적 IP 주소라면 유지됩니다.`,
    ]);
    expect(stays).toHaveLength(1);
    expect(dialog.textContent).toContain(stopped);
    expect([...lost, ...stays].join(' ')).not.toContain(stopped);
  });
});
