// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import type { Ec2Operations } from '../../shared/ec2-operations';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';
import type { Locale } from '../i18n';

enableAutoUnmount(afterEach);

/** The Instances page with the flash banners above it, as App lays them out. */
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));
const body = () => document.body;
/** The instance under test and another, running one; the engine names them in setup(). */
let ID = '';
let OTHER = '';

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(element: HTMLElement, value: string): Promise<void> {
  (element as HTMLInputElement).value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  await flushPromises();
}

function detailField(label: string): string {
  const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent?.trim() === label);
  if (!term) throw new Error(`No details field ${label}`);
  return term.nextElementSibling?.textContent?.trim() ?? '';
}

/** A lab with the instance under test (launched with `launch`, then brought to `state`) and another running one. */
async function setup(
  state: 'running' | 'stopped' | 'terminated',
  launch: Partial<Ec2Operations['RunInstances']['input']> = {},
  locale: Locale = 'en',
) {
  const lab = createEngineLab();
  ID = lab.launch(launch).InstanceId!;
  OTHER = lab.launch().InstanceId!;
  lab.waitFor(ID, 'running');
  if (state === 'stopped') lab.ec2('StopInstances', { InstanceIds: [ID] });
  if (state === 'terminated') lab.ec2('TerminateInstances', { InstanceIds: [ID] });
  lab.waitFor(ID, state);
  return mountLab(Page, { lab, locale });
}

async function select(id: string): Promise<void> {
  await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
}

async function openSetting(item: string, actions = 'Actions'): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', actions));
  await click(getByRole(getByRole(body(), 'menu'), 'menuitem', item));
  return getByRole(body(), 'dialog', item);
}

describe('Actions → Instance settings', () => {
  it('is enabled for exactly one selected instance and groups the five settings', async () => {
    await setup('running');
    const actions = () => getByRole(body(), 'button', 'Actions') as HTMLButtonElement;
    expect(actions().disabled).toBe(true);
    await click(getByRole(body(), 'checkbox', 'Select all instances'));
    expect(actions().disabled).toBe(true);
    await click(getByRole(body(), 'checkbox', `Select instance ${OTHER}`));
    expect(actions().disabled).toBe(false);

    await click(actions());
    const group = getByRole(getByRole(body(), 'menu', 'Actions'), 'group', 'Instance settings');
    expect(queryAllByRole(group, 'menuitem').map((item) => item.textContent?.trim())).toEqual([
      'Change termination protection',
      'Change stop protection',
      'Change shutdown behavior',
      'Change instance type',
      'Edit user data',
    ]);
  });

  it('has nothing to change on a terminated instance', async () => {
    await setup('terminated');
    await select(ID);
    await click(getByRole(body(), 'button', 'Actions'));
    const menu = getByRole(body(), 'menu', 'Actions');
    const items = queryAllByRole(getByRole(menu, 'group', 'Instance settings'), 'menuitem') as HTMLButtonElement[];
    expect(items).toHaveLength(5);
    expect(items.every((item) => item.disabled)).toBe(true);
    expect((getByRole(menu, 'menuitem', 'Create image') as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps Save disabled when the current value could not be read, and says why', async () => {
    const { bridge } = await setup('running');
    await select(ID);
    bridge.fail('DescribeInstanceAttribute', 'InvalidInstanceID.NotFound', `The instance ID '${ID}' does not exist`);
    const dialog = await openSetting('Change termination protection');
    expect(getByRole(dialog, 'alert').textContent).toBe(
      `InvalidInstanceID.NotFound: The instance ID '${ID}' does not exist`,
    );
    expect((getByRole(dialog, 'button', 'Save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('changes termination protection and the Details tab then shows it enabled', async () => {
    const { bridge, lab } = await setup('running');
    await select(ID);
    expect(detailField('Termination protection')).toBe('Disabled');

    const dialog = await openSetting('Change termination protection');
    const enable = getByRole(dialog, 'checkbox', 'Enable') as HTMLInputElement;
    expect(enable.checked).toBe(false);
    expect(document.activeElement).toBe(enable);
    await click(enable);
    await click(getByRole(dialog, 'button', 'Save'));

    expect(bridge.inputsOf('ModifyInstanceAttribute')).toEqual([
      { InstanceId: ID, DisableApiTermination: { Value: true } },
    ]);
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect(detailField('Termination protection')).toBe('Enabled');
    const banner = getByText(body(), 'status', new RegExp(`Successfully changed termination protection for ${ID}`));
    await click(getByRole(banner, 'button', 'Show CLI command'));
    expect(banner.textContent).toContain(
      `aws ec2 modify-instance-attribute --region ${lab.region} --instance-id ${ID} --disable-api-termination`,
    );
    expect(lab.ec2('DescribeInstanceAttribute', { InstanceId: ID, Attribute: 'disableApiTermination' })).toMatchObject({
      DisableApiTermination: { Value: true },
    });

    const reopened = await openSetting('Change termination protection');
    expect((getByRole(reopened, 'checkbox', 'Enable') as HTMLInputElement).checked).toBe(true);
  });

  it('reads the Details fields with DescribeInstanceAttribute and reads them again on an event for the instance', async () => {
    const hibernation = createEngineLab().quickStart('amazon-linux');
    const { bridge, lab } = await setup('running', {
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: hibernation.RootDeviceName, Ebs: { Encrypted: true, VolumeSize: 16 } }],
      DisableApiStop: true,
      InstanceInitiatedShutdownBehavior: 'terminate',
    });
    await select(ID);
    expect(detailField('Stop protection')).toBe('Enabled');
    expect(detailField('Shutdown behavior')).toBe('Terminate');
    expect(detailField('Stop - Hibernate behavior')).toBe('Enabled');
    expect(bridge.inputsOf('DescribeInstanceAttribute').map((input) => input.Attribute)).toEqual([
      'disableApiTermination',
      'disableApiStop',
      'instanceInitiatedShutdownBehavior',
    ]);

    // Changed elsewhere (the AWS CLI): the engine's event is the cue to read again.
    lab.ec2('ModifyInstanceAttribute', { InstanceId: ID, DisableApiStop: { Value: false } });
    await flushPromises();
    expect(detailField('Stop protection')).toBe('Disabled');

    const reads = bridge.inputsOf('DescribeInstanceAttribute').length;
    lab.ec2('CreateTags', { Resources: [OTHER], Tags: [{ Key: 'team', Value: 'blue' }] });
    await flushPromises();
    expect(bridge.inputsOf('DescribeInstanceAttribute')).toHaveLength(reads);
  });

  it('changes stop protection and shutdown behavior with one attribute per call', async () => {
    const { bridge } = await setup('running');
    await select(ID);
    let dialog = await openSetting('Change stop protection');
    await click(getByRole(dialog, 'checkbox', 'Enable'));
    await click(getByRole(dialog, 'button', 'Save'));
    dialog = await openSetting('Change shutdown behavior');
    const behavior = getByRole(dialog, 'combobox', 'Shutdown behavior') as HTMLSelectElement;
    expect(behavior.value).toBe('stop');
    await type(behavior, 'terminate');
    await click(getByRole(dialog, 'button', 'Save'));

    expect(bridge.inputsOf('ModifyInstanceAttribute')).toEqual([
      { InstanceId: ID, DisableApiStop: { Value: true } },
      { InstanceId: ID, InstanceInitiatedShutdownBehavior: { Value: 'terminate' } },
    ]);
    expect(detailField('Stop protection')).toBe('Enabled');
    expect(detailField('Shutdown behavior')).toBe('Terminate');
  });

  it('does not change the instance type while the instance runs', async () => {
    const { bridge } = await setup('running');
    await select(ID);
    const dialog = await openSetting('Change instance type');
    expect(dialog.textContent).toContain('To change the instance type, the instance must be stopped');
    expect((getByRole(dialog, 'combobox', 'New instance type') as HTMLSelectElement).disabled).toBe(true);
    expect((getByRole(dialog, 'button', 'Apply') as HTMLButtonElement).disabled).toBe(true);
    await click(getByRole(dialog, 'button', 'Apply'));
    expect(bridge.inputsOf('ModifyInstanceAttribute')).toHaveLength(0);
  });

  it('does not change the instance type of an instance enabled for hibernation, and says why', async () => {
    const { bridge } = await setup('stopped', {
      HibernationOptions: { Configured: true },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 10, Encrypted: true } }],
    });
    await select(ID);
    const dialog = await openSetting('Change instance type');
    expect(dialog.textContent).toContain(
      "This instance is enabled for hibernation: its instance type can't be changed.",
    );
    expect(dialog.textContent).not.toContain('must be stopped');
    expect((getByRole(dialog, 'combobox', 'New instance type') as HTMLSelectElement).disabled).toBe(true);
    expect((getByRole(dialog, 'button', 'Apply') as HTMLButtonElement).disabled).toBe(true);
    expect(bridge.inputsOf('ModifyInstanceAttribute')).toHaveLength(0);
  });

  it('offers the types of its zone and architecture and sends InstanceType while stopped', async () => {
    const { bridge, lab } = await setup('stopped');
    const zone = lab.instance(ID).Placement!.AvailabilityZone!;
    await select(ID);
    const dialog = await openSetting('Change instance type');
    expect(dialog.textContent).not.toContain('must be stopped');
    const types = getByRole(dialog, 'combobox', 'New instance type') as HTMLSelectElement;
    expect(types.value).toBe('t3.micro');
    // x86_64 types offered in the instance's zone: not the Arm or Mac ones.
    const offered = [...types.options].map((option) => option.value);
    expect([...offered].sort()).toEqual(lab.offeredTypes('x86_64', zone));
    expect(offered).not.toContain('t4g.micro');
    expect(bridge.inputsOf('DescribeInstanceTypeOfferings').at(-1)).toEqual({
      LocationType: 'availability-zone',
      Filters: [{ Name: 'location', Values: [zone] }],
    });
    await type(types, 'm5.large');
    await click(getByRole(dialog, 'button', 'Apply'));

    expect(bridge.inputsOf('ModifyInstanceAttribute')).toEqual([
      { InstanceId: ID, InstanceType: { Value: 'm5.large' } },
    ]);
    expect(getByRole(body(), 'row', new RegExp(ID)).textContent).toContain('m5.large');
    expect(lab.instance(ID).InstanceType).toBe('m5.large');
    expect(getByText(body(), 'status', new RegExp(`changed the instance type of ${ID} to m5.large`))).toBeTruthy();
  });

  it("shows the engine's AWS error in the dialog when it refuses", async () => {
    const zones = createEngineLab().ec2('DescribeAvailabilityZones', {}).AvailabilityZones!;
    const { bridge, lab } = await setup('stopped', { Placement: { AvailabilityZone: zones[1]!.ZoneName } });
    // The refusal the engine gives when the instance started meanwhile (e.g. from the AWS CLI).
    const message = lab
      .ec2Error('ModifyInstanceAttribute', {
        InstanceId: OTHER,
        InstanceType: { Value: 'm5.large' },
      })
      .message.replaceAll(OTHER, ID);
    bridge.fail('ModifyInstanceAttribute', 'IncorrectInstanceState', message);
    await select(ID);
    const dialog = await openSetting('Change instance type');
    const types = getByRole(dialog, 'combobox', 'New instance type') as HTMLSelectElement;
    expect([...types.options].map((option) => option.value).sort()).toEqual(
      lab.offeredTypes('x86_64', zones[1]!.ZoneName),
    );
    await type(types, 'm5.large');
    await click(getByRole(dialog, 'button', 'Apply'));

    expect(getByRole(dialog, 'alert').textContent).toBe(`IncorrectInstanceState: ${message}`);
    expect(getByRole(body(), 'dialog', 'Change instance type')).toBe(dialog);
  });

  it('round-trips user data: decoded for editing, sent as bytes, kept base64-encoded, read back the same', async () => {
    const before = '#!/bin/bash\necho hello';
    const { bridge, lab } = await setup('stopped', { UserData: btoa(before) });
    await select(ID);
    let dialog = await openSetting('Edit user data');
    const field = getByRole(dialog, 'textbox', 'User data') as HTMLTextAreaElement;
    expect(field.value).toBe(before);
    expect(field.readOnly).toBe(false);
    const after = '#!/bin/bash\necho "안녕하세요" > /tmp/hello.txt\n';
    await type(field, after);
    await click(getByRole(dialog, 'button', 'Save'));

    const sent = bridge.inputsOf<{ UserData: { Value: unknown } }>('ModifyInstanceAttribute');
    expect(sent).toHaveLength(1);
    const bytes = sent[0]!.UserData.Value;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe(after);
    expect(getByText(body(), 'status', new RegExp(`Successfully edited user data for ${ID}`))).toBeTruthy();
    const stored = lab.ec2('DescribeInstanceAttribute', { InstanceId: ID, Attribute: 'userData' }).UserData?.Value;
    expect(new TextDecoder().decode(Uint8Array.from(atob(stored!), (c) => c.charCodeAt(0)))).toBe(after);

    dialog = await openSetting('Edit user data');
    expect((getByRole(dialog, 'textbox', 'User data') as HTMLTextAreaElement).value).toBe(after);
  });

  it('shows user data read-only while the instance runs', async () => {
    await setup('running', { UserData: 'IyE=' });
    await select(ID);
    const dialog = await openSetting('Edit user data');
    expect(dialog.textContent).toContain('To edit the user data, the instance must be stopped');
    expect((getByRole(dialog, 'textbox', 'User data') as HTMLTextAreaElement).value).toBe('#!');
    expect((getByRole(dialog, 'textbox', 'User data') as HTMLTextAreaElement).readOnly).toBe(true);
    expect((getByRole(dialog, 'button', 'Save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('works from the keyboard: arrows through the menu, Escape closes the dialog', async () => {
    const { bridge } = await setup('running');
    await select(ID);
    const button = getByRole(body(), 'button', 'Actions');
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await flushPromises();
    const menu = getByRole(body(), 'menu', 'Actions');
    // Connect comes first, as in the console's Actions menu.
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Connect'));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Change termination protection'));
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Change stop protection'));
    await click(document.activeElement as HTMLElement);
    const dialog = getByRole(body(), 'dialog', 'Change stop protection');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect(bridge.inputsOf('ModifyInstanceAttribute')).toHaveLength(0);
  });

  it('speaks Korean: 작업 → 인스턴스 설정 → 종료 방지 변경', async () => {
    await setup('running', {}, 'ko');
    await click(getByRole(body(), 'checkbox', `인스턴스 ${ID} 선택`));
    await click(getByRole(body(), 'button', '작업'));
    const group = getByRole(getByRole(body(), 'menu', '작업'), 'group', '인스턴스 설정');
    expect(queryAllByRole(group, 'menuitem').map((item) => item.textContent?.trim())).toEqual([
      '종료 방지 변경',
      '중지 방지 변경',
      '종료 동작 변경',
      '인스턴스 유형 변경',
      '사용자 데이터 편집',
    ]);
    await click(getByRole(group, 'menuitem', '종료 방지 변경'));
    const dialog = getByRole(body(), 'dialog', '종료 방지 변경');
    expect(getByRole(dialog, 'checkbox', '활성화')).toBeTruthy();
    expect(detailField('종료 방지')).toBe('비활성화됨');
  });
});
