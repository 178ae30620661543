// @vitest-environment happy-dom
/**
 * The address follows the Instances page's selection (`#/instances/i-…`), a link to an instance the
 * region does not have says so, and leaving a launch wizard with entries asks first, in the console's
 * own dialog.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import App from '../App.vue';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';
import { body, click, InstancesPage, labWith, rowOf } from './InstancesView.testing';

enableAutoUnmount(afterEach);

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
  location.hash = '#/instances';
});

async function goTo(hash: string): Promise<void> {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await flushPromises();
}

describe('Instances page address', () => {
  it('follows the selected instance, and back to #/instances for none or several', async () => {
    const { lab, ids } = labWith('running', 'running');
    const [first, second] = ids as [string, string];
    await mountLab(InstancesPage, { lab });
    const historyLength = history.length;

    await click(rowOf(first).querySelectorAll('td')[1] as HTMLElement);
    expect(location.hash).toBe(`#/instances/${first}`);
    await click(getByRole(body(), 'checkbox', `Select instance ${second}`));
    expect(location.hash).toBe('#/instances');
    await click(getByRole(body(), 'checkbox', `Select instance ${first}`));
    expect(location.hash).toBe(`#/instances/${second}`);
    // Selecting replaces the address; it does not pile up history entries.
    expect(history.length).toBe(historyLength);
  });

  it('opens the instance a link names, and says when the region has no such instance', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    location.hash = `#/instances/${id}`;
    await mountLab(InstancesPage, { lab });
    expect(getByRole(body(), 'region', `Details of instance ${id}`)).toBeTruthy();
    expect(queryAllByRole(body(), 'alert')).toHaveLength(0);

    await goTo('#/instances/i-0123456789abcdef0');
    expect(queryAllByRole(body(), 'alert').map((alert) => alert.textContent?.trim())).toEqual([
      `Instance i-0123456789abcdef0 was not found in ${lab.region}.`,
    ]);
    expect(queryAllByRole(body(), 'region', /Details of instance/)).toHaveLength(0);

    await click(rowOf(id).querySelectorAll('td')[1] as HTMLElement);
    expect(location.hash).toBe(`#/instances/${id}`);
    expect(queryAllByRole(body(), 'alert')).toHaveLength(0);
  });
});

describe('Leaving the launch wizard', () => {
  async function typeName(value: string): Promise<void> {
    const input = getByRole(body(), 'textbox', 'Name') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await flushPromises();
  }

  it('asks before leaving once something was entered, and stays on Cancel', async () => {
    location.hash = '#/launch';
    const { lab } = await mountLab(App);
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Closing the tab (or the desktop window) asks only once something was entered.
    expect(closing()).toBe(false);
    await typeName('web-1');
    expect(closing()).toBe(true);

    const nav = getByRole(body(), 'navigation', 'EC2 navigation');
    await click(getByRole(nav, 'link', 'Instances'));
    await goTo('#/instances');
    const dialog = getByRole(body(), 'dialog', 'Leave the launch wizard?');
    expect(dialog.textContent).toContain('The settings you entered will be lost.');
    expect(location.hash).toBe('#/launch');
    expect(getByRole(body(), 'heading', 'Launch an instance')).toBeTruthy();

    await click(getByRole(dialog, 'button', 'Cancel'));
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect((getByRole(body(), 'textbox', 'Name') as HTMLInputElement).value).toBe('web-1');

    await click(getByRole(body(), 'button', 'Cancel'));
    await click(getByRole(getByRole(body(), 'dialog', 'Leave the launch wizard?'), 'button', 'Leave'));
    expect(location.hash).toBe('#/instances');
    expect(getByRole(body(), 'button', 'Instance state')).toBeTruthy();
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(closing()).toBe(false);
  });

  it('leaves an untouched wizard without asking', async () => {
    location.hash = '#/launch';
    await mountLab(App);
    await goTo('#/key-pairs');
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect(location.hash).toBe('#/key-pairs');
  });
});
