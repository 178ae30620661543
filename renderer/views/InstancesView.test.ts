// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createWorld, instance } from '../testing/fixtures';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';
import { defineComponent, h } from 'vue';

enableAutoUnmount(afterEach);

/** The Instances page with the flash banners above it, as App lays them out. */
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));
const body = () => document.body;

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

describe('InstancesView', () => {
  it('lists instances from DescribeInstances with the console columns', async () => {
    const world = createWorld();
    world.instances.push(
      instance('i-0123456789abcdef0', 'running', { Tags: [{ Key: 'Name', Value: 'web-1' }], KeyName: 'my-key' }),
      instance('i-0fedcba9876543210', 'stopped'),
    );
    world.statuses.push({
      InstanceId: 'i-0123456789abcdef0',
      SystemStatus: { Status: 'ok' },
      InstanceStatus: { Status: 'ok' },
    });
    await mountLab(Page, { world });

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
    const running = rowOf('i-0123456789abcdef0');
    expect(running.textContent).toContain('web-1');
    expect(running.textContent).toContain('Running');
    expect(running.textContent).toContain('2/2 checks passed');
    expect(running.textContent).toContain('54.180.1.2');
    expect(running.textContent).toContain('my-key');
    expect(rowOf('i-0fedcba9876543210').textContent).toContain('Stopped');
    expect(getByRole(body(), 'heading', /Instances/).textContent).toContain('(2)');
  });

  it('re-describes the ids named by a resources-changed event and shows the new state', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'pending'));
    const { bridge } = await mountLab(Page, { world });
    expect(rowOf('i-0123456789abcdef0').textContent).toContain('Pending');

    world.instances[0] = instance('i-0123456789abcdef0', 'running');
    world.instances.push(instance('i-0aaaaaaaaaaaaaaaa', 'pending'));
    bridge.emit({
      type: 'resources-changed',
      region: 'ap-northeast-2',
      resource: 'instance',
      ids: ['i-0123456789abcdef0', 'i-0aaaaaaaaaaaaaaaa'],
    });
    await flushPromises();

    expect(rowOf('i-0123456789abcdef0').textContent).toContain('Running');
    expect(rowOf('i-0aaaaaaaaaaaaaaaa').textContent).toContain('Pending');
    expect(bridge.inputsOf('DescribeInstances').at(-1)).toEqual({
      InstanceIds: ['i-0123456789abcdef0', 'i-0aaaaaaaaaaaaaaaa'],
    });
  });

  it('ignores events for another region and drops instances that no longer exist', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'terminated'), instance('i-0bbbbbbbbbbbbbbbb', 'running'));
    const { bridge } = await mountLab(Page, { world });
    const describes = bridge.inputsOf('DescribeInstances').length;

    bridge.emit({ type: 'resources-changed', region: 'us-east-1', resource: 'instance', ids: ['i-0123456789abcdef0'] });
    await flushPromises();
    expect(bridge.inputsOf('DescribeInstances')).toHaveLength(describes);

    world.instances.shift();
    bridge.emit({
      type: 'resources-changed',
      region: 'ap-northeast-2',
      resource: 'instance',
      ids: ['i-0123456789abcdef0'],
    });
    await flushPromises();
    expect(queryAllByRole(body(), 'row', /i-0123456789abcdef0/)).toHaveLength(0);
    expect(rowOf('i-0bbbbbbbbbbbbbbbb')).toBeTruthy();
  });

  it('stops the selected instance after confirmation and shows the success banner', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'running'));
    world.bridge.handle('StopInstances', (input: { InstanceIds: string[] }) => ({
      StoppingInstances: input.InstanceIds.map((InstanceId) => ({
        InstanceId,
        PreviousState: { Name: 'running', Code: 16 },
        CurrentState: { Name: 'stopping', Code: 64 },
      })),
    }));
    const { bridge } = await mountLab(Page, { world });

    expect((getByRole(body(), 'button', 'Instance state') as HTMLButtonElement).disabled).toBe(true);
    await click(getByRole(body(), 'checkbox', 'Select instance i-0123456789abcdef0'));
    await chooseFromStateMenu('Stop instance');
    const dialog = getByRole(body(), 'dialog', 'Stop instance?');
    expect(dialog.textContent).toContain('i-0123456789abcdef0');
    await click(getByRole(dialog, 'button', 'Stop'));

    expect(bridge.inputsOf('StopInstances')).toEqual([{ InstanceIds: ['i-0123456789abcdef0'] }]);
    expect(getByText(body(), 'status', /Successfully stopped i-0123456789abcdef0/)).toBeTruthy();
    expect(rowOf('i-0123456789abcdef0').textContent).toContain('Stopping');
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
  });

  it('offers the equivalent AWS CLI command in the success banner', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'running'));
    world.bridge.handle('StopInstances', (input: { InstanceIds: string[] }) => ({
      StoppingInstances: input.InstanceIds.map((InstanceId) => ({
        InstanceId,
        CurrentState: { Name: 'stopping', Code: 64 },
      })),
    }));
    await mountLab(Page, { world });
    await click(getByRole(body(), 'checkbox', 'Select instance i-0123456789abcdef0'));
    await chooseFromStateMenu('Stop instance');
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Stop'));

    const banner = getByText(body(), 'status', /Successfully stopped/);
    const disclosure = getByRole(banner, 'button', 'Show CLI command');
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(queryAllByRole(banner, 'button', 'Copy CLI command')).toHaveLength(0);
    await click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    const command = 'aws ec2 stop-instances --region ap-northeast-2 --instance-ids i-0123456789abcdef0';
    const panel = document.getElementById(disclosure.getAttribute('aria-controls') ?? '')!;
    expect(panel.textContent).toContain(command);
    await click(getByRole(panel, 'button', 'Copy CLI command'));
    expect(await navigator.clipboard.readText()).toBe(command);
  });

  it("shows the engine's error code and message when a stop fails", async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'pending'));
    const message = "Instance 'i-0123456789abcdef0' cannot be stopped as it has never reached the 'running' state.";
    world.bridge.fail('StopInstances', 'IncorrectInstanceState', message);
    const { bridge } = await mountLab(Page, { world });

    await click(getByRole(body(), 'checkbox', 'Select instance i-0123456789abcdef0'));
    await chooseFromStateMenu('Stop instance');
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Stop'));

    expect(bridge.inputsOf('StopInstances')).toHaveLength(1);
    const alert = getByText(body(), 'alert', /IncorrectInstanceState/);
    expect(alert.textContent).toContain(`IncorrectInstanceState: ${message}`);
    expect(alert.textContent).toContain('Failed to stop the instance');
  });

  it('asks before terminating, and terminates only on the confirmation button', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'running'), instance('i-0fedcba9876543210', 'stopped'));
    world.bridge.handle('TerminateInstances', (input: { InstanceIds: string[] }) => ({
      TerminatingInstances: input.InstanceIds.map((InstanceId) => ({
        InstanceId,
        CurrentState: { Name: 'shutting-down', Code: 32 },
      })),
    }));
    const { bridge } = await mountLab(Page, { world });

    await click(getByRole(body(), 'checkbox', 'Select all instances'));
    await chooseFromStateMenu('Terminate (delete) instance');
    let dialog = getByRole(body(), 'dialog', 'Terminate (delete) instances?');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('i-0123456789abcdef0');
    expect(dialog.textContent).toContain('i-0fedcba9876543210');
    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(bridge.inputsOf('TerminateInstances')).toHaveLength(0);

    await chooseFromStateMenu('Terminate (delete) instance');
    dialog = getByRole(body(), 'dialog');
    await click(getByRole(dialog, 'button', 'Terminate (delete)'));
    expect(bridge.inputsOf('TerminateInstances')).toEqual([
      { InstanceIds: ['i-0123456789abcdef0', 'i-0fedcba9876543210'] },
    ]);
    expect(rowOf('i-0123456789abcdef0').textContent).toContain('Shutting-down');
  });

  it('offers menu items by state: a stopped instance can start but not hibernate', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0fedcba9876543210', 'stopped'));
    world.bridge.handle('StartInstances', () => ({
      StartingInstances: [{ InstanceId: 'i-0fedcba9876543210', CurrentState: { Name: 'pending', Code: 0 } }],
    }));
    const { bridge } = await mountLab(Page, { world });
    await click(getByRole(body(), 'checkbox', 'Select instance i-0fedcba9876543210'));
    await click(getByRole(body(), 'button', 'Instance state'));
    const menu = getByRole(body(), 'menu');
    expect((getByRole(menu, 'menuitem', 'Hibernate instance') as HTMLButtonElement).disabled).toBe(true);
    await click(getByRole(menu, 'menuitem', 'Start instance'));
    expect(bridge.inputsOf('StartInstances')).toEqual([{ InstanceIds: ['i-0fedcba9876543210'] }]);
    expect(rowOf('i-0fedcba9876543210').textContent).toContain('Pending');
  });

  it('filters by text and by state', async () => {
    const world = createWorld();
    world.instances.push(
      instance('i-0123456789abcdef0', 'running', { Tags: [{ Key: 'Name', Value: 'web-1' }] }),
      instance('i-0fedcba9876543210', 'stopped', { Tags: [{ Key: 'Name', Value: 'db-1' }] }),
    );
    const { wrapper } = await mountLab(Page, { world });
    await wrapper.find('input[type="search"]').setValue('web');
    expect(queryAllByRole(body(), 'row', /i-0fedcba9876543210/)).toHaveLength(0);
    expect(rowOf('i-0123456789abcdef0')).toBeTruthy();
    await wrapper.find('input[type="search"]').setValue('');
    const stateFilter = getByRole(body(), 'combobox', 'Filter by instance state') as HTMLSelectElement;
    stateFilter.value = 'stopped';
    stateFilter.dispatchEvent(new Event('change'));
    await flushPromises();
    expect(queryAllByRole(body(), 'row', /i-0123456789abcdef0/)).toHaveLength(0);
    expect(rowOf('i-0fedcba9876543210')).toBeTruthy();
  });

  it('shows the details pane with the state diagram and edits tags', async () => {
    const world = createWorld();
    world.instances.push(instance('i-0123456789abcdef0', 'running', { Tags: [{ Key: 'Name', Value: 'web-1' }] }));
    world.bridge
      .handle('CreateTags', (input: { Tags: { Key: string; Value: string }[] }) => {
        world.instances[0]!.Tags = [...(world.instances[0]!.Tags ?? []), ...input.Tags];
        return {};
      })
      .handle('DeleteTags', () => ({}));
    const { bridge } = await mountLab(Page, { world });
    await click(rowOf('i-0123456789abcdef0').querySelectorAll('td')[1] as HTMLElement);

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

    expect(bridge.inputsOf('CreateTags')).toEqual([
      { Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'env', Value: 'lab' }] },
    ]);
    expect(bridge.inputsOf('DeleteTags')).toHaveLength(0);
    expect(getByRole(body(), 'cell', 'lab')).toBeTruthy();
    const banner = getByText(body(), 'status', /Successfully saved tags for i-0123456789abcdef0/);
    await click(getByRole(banner, 'button', 'Show CLI command'));
    expect(banner.textContent).toContain(
      `aws ec2 create-tags --region ap-northeast-2 --resources i-0123456789abcdef0 --tags '[{"Key":"env","Value":"lab"}]'`,
    );
  });
});
