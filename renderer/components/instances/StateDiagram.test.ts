// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import type { InstanceStateName } from '@aws-sdk/client-ec2';
import StateDiagram from './StateDiagram.vue';
import type { LifecycleAction } from '../../domain/instances/instance-lifecycle';
import { createLabI18n } from '../../i18n';
import { getByRole } from '../../testing/queries';

enableAutoUnmount(afterEach);

function render(
  props: { state: InstanceStateName | undefined; lastAction?: LifecycleAction; lastActionFrom?: InstanceStateName },
  locale: 'en' | 'ko' = 'en',
) {
  return mount(StateDiagram, { props, attachTo: document.body, global: { plugins: [createLabI18n(locale)] } });
}

const current = (wrapper: ReturnType<typeof render>) =>
  wrapper.findAll('.diagram__node--current').map((node) => node.attributes('data-state'));
const lit = (wrapper: ReturnType<typeof render>) =>
  wrapper.findAll('.diagram__edge--lit').map((edge) => edge.attributes('data-edge'));

describe('StateDiagram', () => {
  it('draws all six states and the labelled actions', () => {
    const wrapper = render({ state: 'running' });
    const states = wrapper.findAll('.diagram__node').map((node) => node.text());
    expect(states).toEqual(['Pending', 'Running', 'Stopping', 'Stopped', 'Shutting-down', 'Terminated']);
    const labels = wrapper.findAll('.diagram__label').map((label) => label.text());
    expect(labels).toEqual(['launch', 'reboot', 'stop', 'hibernate', 'start', 'terminate', 'terminate']);
  });

  it('highlights the current state only, and describes it for screen readers', () => {
    const wrapper = render({ state: 'running', lastAction: 'start' });
    expect(current(wrapper)).toEqual(['running']);
    expect(wrapper.find('.diagram__node--pulse').exists()).toBe(false);
    const image = getByRole(document.body, 'img', /Current state: Running\./);
    expect(image.getAttribute('aria-label')).toContain('Last action: start.');
  });

  it('pulses a transitional state and lights the arrow of the last action', async () => {
    const wrapper = render({ state: 'stopping', lastAction: 'hibernate', lastActionFrom: 'running' });
    expect(current(wrapper)).toEqual(['stopping']);
    expect(wrapper.find('.diagram__node--pulse').attributes('data-state')).toBe('stopping');
    expect(lit(wrapper)).toEqual(['hibernate']);

    await wrapper.setProps({ state: 'shutting-down', lastAction: 'terminate', lastActionFrom: 'running' });
    expect(current(wrapper)).toEqual(['shutting-down']);
    expect(lit(wrapper)).toEqual(['terminate-running']);
  });

  it('lights exactly the path taken: terminate from Stopped goes stopped → shutting-down → terminated', async () => {
    const wrapper = render({ state: 'shutting-down', lastAction: 'terminate', lastActionFrom: 'stopped' });
    expect(lit(wrapper)).toEqual(['terminate-stopped']);
    await wrapper.setProps({ state: 'terminated' });
    expect(lit(wrapper)).toEqual(['terminate-stopped', 'shutting-down-terminated']);
    expect(getByRole(document.body, 'img', /Current state/).getAttribute('aria-label')).toContain(
      'Transitions: Stopped → Shutting-down → Terminated.',
    );

    await wrapper.setProps({ state: 'running', lastAction: 'start', lastActionFrom: 'stopped' });
    expect(lit(wrapper)).toEqual(['pending-running', 'start']);
    await wrapper.setProps({ state: 'running', lastAction: 'launch', lastActionFrom: undefined });
    expect(lit(wrapper)).toEqual(['launch', 'pending-running']);
  });

  it('draws a terminate arrow from Pending or Stopping only when that is the path taken', async () => {
    const wrapper = render({ state: 'running', lastAction: 'launch' });
    const drawn = () => wrapper.findAll('.diagram__edge').map((edge) => edge.attributes('data-edge'));
    expect(drawn()).not.toContain('terminate-pending');
    expect(drawn()).not.toContain('terminate-stopping');
    await wrapper.setProps({ state: 'terminated', lastAction: 'terminate', lastActionFrom: 'stopping' });
    expect(lit(wrapper)).toEqual(['terminate-stopping', 'shutting-down-terminated']);
    expect(drawn()).toContain('terminate-stopping');
    expect(drawn()).not.toContain('terminate-pending');
  });

  it('lights only what is certain when the console did not see where the action began', () => {
    const wrapper = render({ state: 'terminated', lastAction: 'terminate' });
    expect(lit(wrapper)).toEqual(['shutting-down-terminated']);
  });

  it('speaks Korean in the Korean UI', () => {
    render({ state: 'stopped', lastAction: 'stop' }, 'ko');
    expect(getByRole(document.body, 'img', /현재 상태: 중지됨\./)).toBeTruthy();
  });
});
