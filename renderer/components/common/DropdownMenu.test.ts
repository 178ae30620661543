// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import DropdownMenu from './DropdownMenu.vue';
import { getByRole, queryAllByRole } from '../../testing/queries';

enableAutoUnmount(afterEach);

function render() {
  return mount(DropdownMenu, {
    props: {
      label: 'Instance state',
      items: [
        { id: 'stop', label: 'Stop instance' },
        { id: 'start', label: 'Start instance', disabled: true },
        { id: 'reboot', label: 'Reboot instance' },
      ],
    },
    attachTo: document.body,
  });
}

const key = (element: Element, name: string) =>
  element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));

describe('DropdownMenu', () => {
  it('opens with aria-expanded, moves with arrow keys over enabled items, and Escape returns focus', async () => {
    const wrapper = render();
    const button = getByRole(document.body, 'button', 'Instance state');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.click();
    await flushPromises();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = getByRole(document.body, 'menu', 'Instance state');
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Stop instance'));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Reboot instance'));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Stop instance'));
    key(document.activeElement!, 'Escape');
    await flushPromises();
    expect(queryAllByRole(document.body, 'menu')).toHaveLength(0);
    expect(document.activeElement).toBe(button);
    expect(wrapper.emitted('select')).toBeUndefined();
  });

  it('emits the chosen item and closes; a click outside closes too', async () => {
    const wrapper = render();
    getByRole(document.body, 'button', 'Instance state').click();
    await flushPromises();
    getByRole(document.body, 'menuitem', 'Reboot instance').click();
    await flushPromises();
    expect(wrapper.emitted('select')).toEqual([['reboot']]);
    expect(queryAllByRole(document.body, 'menu')).toHaveLength(0);

    getByRole(document.body, 'button', 'Instance state').click();
    await flushPromises();
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    await flushPromises();
    expect(queryAllByRole(document.body, 'menu')).toHaveLength(0);
  });

  it('shows items that name a group under that heading, and the arrow keys cross groups', async () => {
    mount(DropdownMenu, {
      props: {
        label: 'Actions',
        items: [
          { id: 'connect', label: 'Connect' },
          { id: 'protect', label: 'Change termination protection', group: 'Instance settings' },
          { id: 'type', label: 'Change instance type', group: 'Instance settings' },
        ],
      },
      attachTo: document.body,
    });
    getByRole(document.body, 'button', 'Actions').click();
    await flushPromises();
    const menu = getByRole(document.body, 'menu', 'Actions');
    const group = getByRole(menu, 'group', 'Instance settings');
    expect(queryAllByRole(group, 'menuitem').map((item) => item.textContent?.trim())).toEqual([
      'Change termination protection',
      'Change instance type',
    ]);
    expect(document.activeElement).toBe(getByRole(menu, 'menuitem', 'Connect'));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(getByRole(group, 'menuitem', 'Change termination protection'));
    key(document.activeElement!, 'End');
    expect(document.activeElement).toBe(getByRole(group, 'menuitem', 'Change instance type'));
  });
});
