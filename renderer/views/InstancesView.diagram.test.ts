// @vitest-environment happy-dom
/**
 * The Details pane's lifecycle diagram lights exactly the transitions the instance went through,
 * whether the learner acted in the console or another client (the AWS CLI) did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';
import { body, chooseFromStateMenu, click, InstancesPage, labWith, rowOf } from './InstancesView.testing';

enableAutoUnmount(afterEach);

const litArrows = () =>
  [...document.querySelectorAll('[data-testid="state-diagram"] .diagram__edge--lit')].map((edge) =>
    edge.getAttribute('data-edge'),
  );
const diagramLabel = () => getByRole(body(), 'img', /Instance lifecycle/).getAttribute('aria-label') ?? '';

describe('Instance lifecycle diagram on the Instances page', () => {
  it('terminating a stopped instance lights only stopped → shutting-down → terminated', async () => {
    const { lab, ids } = labWith('stopped');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab });
    await click(rowOf(id).querySelectorAll('td')[1] as HTMLElement);
    await chooseFromStateMenu('Terminate (delete) instance');
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Terminate (delete)'));

    expect(litArrows()).toEqual(['terminate-stopped']);
    lab.waitFor(id, 'terminated');
    await flushPromises();
    expect(litArrows()).toEqual(['terminate-stopped', 'shutting-down-terminated']);
    expect(diagramLabel()).toContain('Current state: Terminated.');
    expect(diagramLabel()).toContain('Transitions: Stopped → Shutting-down → Terminated.');
  });

  it('follows a terminate from the AWS CLI of a running instance through its own path', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab });
    await click(rowOf(id).querySelectorAll('td')[1] as HTMLElement);
    lab.ec2('TerminateInstances', { InstanceIds: [id] });
    await flushPromises();
    expect(litArrows()).toEqual(['terminate-running']);
    lab.waitFor(id, 'terminated');
    await flushPromises();
    expect(litArrows()).toEqual(['terminate-running', 'shutting-down-terminated']);
  });

  it('lights stop then start as stop → stopped, then start → pending → running', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab });
    await click(rowOf(id).querySelectorAll('td')[1] as HTMLElement);
    await chooseFromStateMenu('Stop instance');
    await click(getByRole(getByRole(body(), 'dialog'), 'button', 'Stop'));
    lab.waitFor(id, 'stopped');
    await flushPromises();
    expect(litArrows()).toEqual(['stop', 'stopping-stopped']);
    await chooseFromStateMenu('Start instance');
    lab.waitFor(id, 'running');
    await flushPromises();
    expect(litArrows()).toEqual(['pending-running', 'start']);
  });
});
