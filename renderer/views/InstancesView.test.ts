// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';
import { defineComponent, h } from 'vue';

enableAutoUnmount(afterEach);

/** The Instances page with the flash banners above it, as App lays them out. */
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));
const body = () => document.body;
/** Status checks pass two minutes after an instance first runs (engine lifecycle timings). */
const CHECKS_MS = 3 * 60_000;

function rowOf(id: string): HTMLElement {
  return getByRole(body(), 'row', new RegExp(id));
}

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function chooseFromStateMenu(item: string): Promise<void> {
  await click(getByRole(body(), 'button', 'Instance state'));
  await click(getByRole(getByRole(body(), 'menu'), 'menuitem', item));
}

/** A lab with one instance per wanted state (Name-tagged server-1, server-2 … in order), and their ids. */
function labWith(...wanted: ('pending' | 'running' | 'stopped')[]): { lab: EngineLab; ids: string[] } {
  const lab = createEngineLab();
  const ids: string[] = [];
  const launch = (index: number) =>
    (ids[index] = lab.launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `server-${index + 1}` }] }],
    }).InstanceId!);
  wanted.forEach((state, index) => state !== 'pending' && launch(index));
  if (ids.length) lab.pass(CHECKS_MS);
  const stopped = ids.filter((_, index) => wanted[index] === 'stopped');
  if (stopped.length) {
    lab.ec2('StopInstances', { InstanceIds: stopped });
    stopped.forEach((id) => lab.waitFor(id, 'stopped'));
  }
  wanted.forEach((state, index) => state === 'pending' && launch(index));
  return { lab, ids };
}

describe('InstancesView', () => {
  it('lists instances from DescribeInstances with the console columns', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [running, stopped] = ids as [string, string];
    await mountLab(Page, { lab });

    for (const column of [
      'Name',
      'Instance ID',
      'Instance state',
      'Instance type',
      'Status check',
      'Availability Zone',
    ]) {
      expect(getByRole(body(), 'columnheader', new RegExp(`^${column}`))).toBeTruthy();
    }
    const described = lab.instance(running);
    const row = rowOf(running);
    expect(row.textContent).toContain('server-1');
    expect(row.textContent).toContain('Running');
    expect(row.textContent).toContain('2/2 checks passed');
    expect(described.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(row.textContent).toContain(described.PublicIpAddress);
    expect(row.textContent).toContain(described.Placement!.AvailabilityZone);
    expect(rowOf(stopped).textContent).toContain('Stopped');
    expect(getByRole(body(), 'heading', /Instances/).textContent).toContain('(2)');
  });

  it('re-describes the ids named by a resources-changed event and shows the new state', async () => {
    const { lab, ids } = labWith('pending');
    const { bridge } = await mountLab(Page, { lab });
    const [first] = ids as [string];
    expect(rowOf(first).textContent).toContain('Pending');

    lab.pass(CHECKS_MS);
    await flushPromises();
    expect(rowOf(first).textContent).toContain('Running');
    expect(bridge.inputsOf('DescribeInstances').at(-1)).toEqual({ InstanceIds: [first] });

    const second = lab.launch().InstanceId!;
    await flushPromises();
    expect(rowOf(second).textContent).toContain('Pending');
    expect(bridge.inputsOf('DescribeInstances').at(-1)).toEqual({ InstanceIds: [second] });
  });

  it('ignores events for another region and drops instances that no longer exist', async () => {
    const { lab, ids } = labWith('running', 'running');
    const [gone, kept] = ids as [string, string];
    const { bridge } = await mountLab(Page, { lab });
    const describes = bridge.inputsOf('DescribeInstances').length;

    const elsewhere = lab.launch({}, 'us-east-1').InstanceId!;
    await flushPromises();
    expect(bridge.inputsOf('DescribeInstances')).toHaveLength(describes);
    expect(queryAllByRole(body(), 'row', new RegExp(elsewhere))).toHaveLength(0);

    lab.ec2('TerminateInstances', { InstanceIds: [gone] });
    lab.waitFor(gone, 'terminated');
    await flushPromises();
    expect(rowOf(gone).textContent).toContain('Terminated');
    // A terminated instance stays visible for about an hour, then DescribeInstances no longer knows it.
    lab.pass(2 * 60 * 60_000);
    await flushPromises();
    expect(queryAllByRole(body(), 'row', new RegExp(gone))).toHaveLength(0);
    expect(rowOf(kept)).toBeTruthy();
  });

  it('stops the selected instance after confirmation and shows the success banner', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    const { bridge } = await mountLab(Page, { lab });

    expect((getByRole(body(), 'button', 'Instance state') as HTMLButtonElement).disabled).toBe(true);
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await chooseFromStateMenu('Stop instance');
    const dialog = getByRole(body(), 'dialog', 'Stop instance?');
    expect(dialog.textContent).toContain(id);
    await click(getByRole(dialog, 'button', 'Stop'));

    expect(bridge.inputsOf('StopInstances')).toEqual([{ InstanceIds: [id] }]);
    expect(getByText(body(), 'status', new RegExp(`Successfully stopped ${id}`))).toBeTruthy();
    expect(rowOf(id).textContent).toContain('Stopping');
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect(lab.instance(id).State?.Name).toBe('stopping');
  });

  it('offers the equivalent AWS CLI command in the success banner', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    await mountLab(Page, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await chooseFromStateMenu('Stop instance');
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Stop'));

    const banner = getByText(body(), 'status', /Successfully stopped/);
    const disclosure = getByRole(banner, 'button', 'Show CLI command');
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(queryAllByRole(banner, 'button', 'Copy CLI command')).toHaveLength(0);
    await click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    const command = `aws ec2 stop-instances --region ${lab.region} --instance-ids ${id}`;
    const panel = document.getElementById(disclosure.getAttribute('aria-controls') ?? '')!;
    expect(panel.textContent).toContain(command);
    await click(getByRole(panel, 'button', 'Copy CLI command'));
    expect(await navigator.clipboard.readText()).toBe(command);
  });

  it("shows the engine's error code and message when a stop fails", async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    const { bridge } = await mountLab(Page, { lab });

    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await chooseFromStateMenu('Stop instance');
    // Terminated elsewhere (the AWS CLI) while the question is open: AWS refuses the stop.
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Stop'));

    const refusal = lab.ec2Error('StopInstances', { InstanceIds: [id] });
    expect(bridge.inputsOf('StopInstances')).toHaveLength(1);
    expect(refusal.code).toBe('IncorrectInstanceState');
    const alert = getByText(body(), 'alert', /IncorrectInstanceState/);
    expect(alert.textContent).toContain(`IncorrectInstanceState: ${refusal.message}`);
    expect(alert.textContent).toContain('Failed to stop the instance');
  });

  it('asks before terminating, and terminates only on the confirmation button', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [running, stopped] = ids as [string, string];
    const { bridge } = await mountLab(Page, { lab });

    await click(getByRole(body(), 'checkbox', 'Select all instances'));
    await chooseFromStateMenu('Terminate (delete) instance');
    let dialog = getByRole(body(), 'dialog', 'Terminate (delete) instances?');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain(running);
    expect(dialog.textContent).toContain(stopped);
    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(bridge.inputsOf('TerminateInstances')).toHaveLength(0);

    await chooseFromStateMenu('Terminate (delete) instance');
    dialog = getByRole(body(), 'dialog');
    await click(getByRole(dialog, 'button', 'Terminate (delete)'));
    expect(bridge.inputsOf('TerminateInstances')).toHaveLength(1);
    expect(new Set(bridge.inputsOf<{ InstanceIds: string[] }>('TerminateInstances')[0]!.InstanceIds)).toEqual(
      new Set([running, stopped]),
    );
    expect(rowOf(running).textContent).toContain('Shutting-down');
  });

  it('offers menu items by state: a stopped instance can start but not hibernate', async () => {
    const { lab, ids } = labWith('stopped');
    const [id] = ids as [string];
    const { bridge } = await mountLab(Page, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await click(getByRole(body(), 'button', 'Instance state'));
    const menu = getByRole(body(), 'menu');
    const hibernate = getByRole(menu, 'menuitem', 'Hibernate instance');
    expect(hibernate.getAttribute('aria-disabled')).toBe('true');
    await click(hibernate);
    expect(bridge.inputsOf('StopInstances')).toHaveLength(0);
    await click(getByRole(menu, 'menuitem', 'Start instance'));
    expect(bridge.inputsOf('StartInstances')).toEqual([{ InstanceIds: [id] }]);
    expect(rowOf(id).textContent).toContain('Pending');
  });

  it('filters by text and by state', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [web, db] = ids as [string, string];
    lab.ec2('CreateTags', { Resources: [web], Tags: [{ Key: 'Name', Value: 'web-1' }] });
    lab.ec2('CreateTags', { Resources: [db], Tags: [{ Key: 'Name', Value: 'db-1' }] });
    const { wrapper } = await mountLab(Page, { lab });
    await wrapper.find('input[type="search"]').setValue('web');
    expect(queryAllByRole(body(), 'row', new RegExp(db))).toHaveLength(0);
    expect(rowOf(web)).toBeTruthy();
    await wrapper.find('input[type="search"]').setValue('');
    const stateFilter = getByRole(body(), 'combobox', 'Filter by instance state') as HTMLSelectElement;
    stateFilter.value = 'stopped';
    stateFilter.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(queryAllByRole(body(), 'row', new RegExp(web))).toHaveLength(0);
    expect(rowOf(db)).toBeTruthy();
  });

  it('shows the details pane with the state diagram and edits tags', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    const { bridge } = await mountLab(Page, { lab });
    await click(rowOf(id).querySelectorAll('td')[1] as HTMLElement);

    expect(getByRole(body(), 'img', /Current state: Running/)).toBeTruthy();
    await click(getByRole(body(), 'tab', 'Tags'));
    await click(getByRole(body(), 'button', 'Manage tags'));
    await click(getByRole(body(), 'button', 'Add new tag'));
    const key = getByRole(body(), 'textbox', 'Key 2') as HTMLInputElement;
    const value = getByRole(body(), 'textbox', 'Value 2') as HTMLInputElement;
    key.value = 'env';
    key.dispatchEvent(new Event('input'));
    value.value = 'lab';
    value.dispatchEvent(new Event('input'));
    await click(getByRole(body(), 'button', 'Save'));

    expect(bridge.inputsOf('CreateTags')).toEqual([{ Resources: [id], Tags: [{ Key: 'env', Value: 'lab' }] }]);
    expect(bridge.inputsOf('DeleteTags')).toHaveLength(0);
    expect(lab.instance(id).Tags).toContainEqual({ Key: 'env', Value: 'lab' });
    expect(getByRole(body(), 'cell', 'lab')).toBeTruthy();
    const banner = getByText(body(), 'status', new RegExp(`Successfully saved tags for ${id}`));
    await click(getByRole(banner, 'button', 'Show CLI command'));
    expect(banner.textContent).toContain(
      `aws ec2 create-tags --region ${lab.region} --resources ${id} --tags '[{"Key":"env","Value":"lab"}]'`,
    );
  });
});
