// @vitest-environment happy-dom
/**
 * The Instance state menu greys out what AWS would refuse for the selection, with the reason on
 * hover and as the item's description for screen readers (EC2 console behaviour), against the engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { mountLab } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';
import { body, click, InstancesPage, labWith, openStateMenu, rowOf } from './InstancesView.testing';

enableAutoUnmount(afterEach);

/** Whether the item is greyed out, and the reason a learner sees on hover and hears read out. */
function itemState(menu: HTMLElement, name: string): { greyed: boolean; hover?: string; description?: string } {
  const item = getByRole(menu, 'menuitem', name);
  const describedBy = item.getAttribute('aria-describedby');
  return {
    greyed: item.getAttribute('aria-disabled') === 'true',
    hover: item.getAttribute('title') ?? undefined,
    description: describedBy ? document.getElementById(describedBy)?.textContent?.trim() : undefined,
  };
}

describe('Instance state menu', () => {
  it('greys out start and hibernate for a running instance launched without hibernation, saying why', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    const { bridge } = await mountLab(InstancesPage, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    const menu = await openStateMenu();

    expect(itemState(menu, 'Start instance')).toEqual({
      greyed: true,
      hover: `Instance ${id} is already running.`,
      description: `Instance ${id} is already running.`,
    });
    const hibernation = `Instance ${id} was launched without hibernation. Hibernation must be enabled when the instance is launched.`;
    expect(itemState(menu, 'Hibernate instance')).toEqual({
      greyed: true,
      hover: hibernation,
      description: hibernation,
    });
    for (const offered of ['Stop instance', 'Reboot instance', 'Terminate (delete) instance']) {
      expect(itemState(menu, offered)).toEqual({ greyed: false });
    }
    // A greyed-out item stays reachable from the keyboard, so its reason can be read, but does nothing.
    await click(getByRole(menu, 'menuitem', 'Hibernate instance'));
    expect(bridge.inputsOf('StopInstances')).toHaveLength(0);
    expect(bridge.inputsOf('StartInstances')).toHaveLength(0);
  });

  it('greys out stop and reboot of a stopped instance', async () => {
    const { lab, ids } = labWith('stopped');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    const menu = await openStateMenu();
    expect(itemState(menu, 'Stop instance')).toMatchObject({
      greyed: true,
      hover: `Instance ${id} is already stopped.`,
    });
    expect(itemState(menu, 'Reboot instance')).toMatchObject({
      greyed: true,
      hover: `Instance ${id} is stopped: it cannot be rebooted from this state.`,
    });
    expect(itemState(menu, 'Start instance').greyed).toBe(false);
    expect(itemState(menu, 'Terminate (delete) instance').greyed).toBe(false);
  });

  it('offers nothing for a terminated instance', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    lab.waitFor(id, 'terminated');
    await mountLab(InstancesPage, { lab });
    expect(rowOf(id).textContent).toContain('Terminated');
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    const menu = await openStateMenu();
    for (const item of ['Stop instance', 'Start instance', 'Reboot instance', 'Hibernate instance']) {
      expect(itemState(menu, item)).toMatchObject({
        greyed: true,
        hover: expect.stringContaining(`Instance ${id} is `),
      });
    }
    expect(itemState(menu, 'Terminate (delete) instance')).toMatchObject({
      greyed: true,
      hover: `Instance ${id} is already terminated.`,
    });
  });

  it('greys out stop and terminate under stop or termination protection, for one or several instances', async () => {
    const { lab, ids } = labWith('running', 'running');
    const [guarded, plain] = ids as [string, string];
    lab.ec2('ModifyInstanceAttribute', { InstanceId: guarded, DisableApiTermination: { Value: true } });
    await mountLab(InstancesPage, { lab });

    await click(getByRole(body(), 'checkbox', 'Select all instances'));
    let menu = await openStateMenu();
    expect(itemState(menu, 'Terminate (delete) instance')).toMatchObject({
      greyed: true,
      hover: `Termination protection is on for instance ${guarded}. Turn it off under Actions › Instance settings first.`,
    });
    expect(itemState(menu, 'Stop instance').greyed).toBe(false);
    await click(getByRole(body(), 'button', 'Instance state'));

    // Changed elsewhere (the AWS CLI): the menu follows the engine's event.
    lab.ec2('ModifyInstanceAttribute', { InstanceId: guarded, DisableApiTermination: { Value: false } });
    lab.ec2('ModifyInstanceAttribute', { InstanceId: plain, DisableApiStop: { Value: true } });
    menu = await openStateMenu();
    expect(itemState(menu, 'Terminate (delete) instance')).toMatchObject({
      greyed: true,
      hover: `Stop protection is on for instance ${plain}. Turn it off under Actions › Instance settings first.`,
    });
    expect(itemState(menu, 'Stop instance').greyed).toBe(true);
    expect(itemState(menu, 'Reboot instance').greyed).toBe(false);
    await click(getByRole(body(), 'button', 'Instance state'));

    // One instance: the Details pane's read of its settings is what the menu uses.
    await click(getByRole(body(), 'checkbox', 'Select all instances'));
    await click(getByRole(body(), 'checkbox', `Select instance ${guarded}`));
    menu = await openStateMenu();
    expect(itemState(menu, 'Terminate (delete) instance').greyed).toBe(false);
  });

  it('says why in Korean in the Korean console', async () => {
    const { lab, ids } = labWith('stopped');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab, locale: 'ko' });
    await click(getByRole(body(), 'checkbox', `인스턴스 ${id} 선택`));
    await click(getByRole(body(), 'button', '인스턴스 상태'));
    const menu = getByRole(body(), 'menu');
    expect(itemState(menu, '인스턴스 재부팅')).toMatchObject({
      greyed: true,
      hover: `인스턴스 ${id}은(는) 중지됨 상태라서 재부팅할 수 없습니다.`,
    });
  });
});
