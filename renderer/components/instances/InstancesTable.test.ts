// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import type { Instance } from '@aws-sdk/client-ec2';
import InstancesTable from './InstancesTable.vue';
import { createLabI18n } from '../../i18n';

enableAutoUnmount(afterEach);

const instances = (count: number): Instance[] =>
  Array.from({ length: count }, (_, index) => ({
    InstanceId: `i-${index.toString(16).padStart(17, '0')}`,
    State: { Code: 16, Name: 'running' },
    InstanceType: 't3.micro',
    LaunchTime: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
  }));

async function render(count: number) {
  const wrapper = mount(InstancesTable, {
    props: { instances: instances(count), statuses: {}, selectedIds: [] },
    attachTo: document.body,
    global: { plugins: [createLabI18n('en')] },
  });
  // The rows near the view are placed on the next animation frame.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await flushPromises();
  return wrapper;
}

describe('InstancesTable', () => {
  it('renders every row of a short list', async () => {
    const wrapper = await render(50);
    expect(wrapper.findAll('tr[data-row]')).toHaveLength(50);
    expect(wrapper.find('tr.spacer').exists()).toBe(false);
  });

  it('renders only the rows near the view of a long list, with the rest as space below', async () => {
    const wrapper = await render(5000);
    const rows = wrapper.findAll('tr[data-row]');
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThan(200);
    // Sorted by launch time, oldest first: the list starts at the first instance.
    expect(rows[0]!.text()).toContain('i-00000000000000000');
    const spacer = wrapper.findAll('tr.spacer');
    expect(spacer).toHaveLength(1);
    expect(spacer[0]!.attributes('aria-hidden')).toBe('true');
    expect(spacer[0]!.attributes('style')).toMatch(/height: \d+(\.\d+)?px/);
  });

  it('renders a row again when its instance, status, selection or language changes, and only then', async () => {
    const list = instances(300);
    const i18n = createLabI18n('en');
    const wrapper = mount(InstancesTable, {
      props: { instances: list, statuses: {}, selectedIds: [] },
      attachTo: document.body,
      global: { plugins: [i18n] },
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await flushPromises();
    const firstRow = () => wrapper.find('tr[data-row]');
    expect(firstRow().text()).toContain('Running');
    expect(firstRow().find('input').attributes('aria-label')).toBe(`Select instance ${list[0]!.InstanceId}`);

    const id = list[0]!.InstanceId!;
    const status = {
      InstanceId: id,
      SystemStatus: { Status: 'ok' as const },
      InstanceStatus: { Status: 'ok' as const },
    };
    await wrapper.setProps({ statuses: { [id]: status } });
    expect(firstRow().text()).toContain('2/2 checks passed');
    expect(firstRow().find('.status-check--ok').exists()).toBe(true);

    await wrapper.setProps({ instances: [{ ...list[0]!, State: { Code: 64, Name: 'stopping' } }, ...list.slice(1)] });
    expect(firstRow().text()).toContain('Stopping');
    expect(firstRow().find('.state-badge--busy').exists()).toBe(true);
    // A stopping instance has no checks to show.
    expect(firstRow().text()).not.toContain('checks passed');

    await wrapper.setProps({ selectedIds: [id] });
    expect(firstRow().classes()).toContain('table__row--selected');
    expect((firstRow().find('input').element as HTMLInputElement).checked).toBe(true);

    i18n.global.locale.value = 'ko';
    await flushPromises();
    expect(firstRow().text()).toContain('중지 중');
    expect(firstRow().find('input').attributes('aria-label')).toBe(`인스턴스 ${id} 선택`);
    expect(wrapper.findAll('tr[data-row]')[1]!.text()).toContain('실행 중');
    // Cells with Korean text keep the bundled Korean font; ids and types skip it.
    const cells = firstRow().findAll('td');
    expect(cells[3]!.classes()).not.toContain('text-latin');
    expect(cells[2]!.classes()).toContain('text-latin');
    expect(cells[4]!.classes()).toContain('text-latin');
  });
});
