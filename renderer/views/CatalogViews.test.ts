// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstanceTypesView from './InstanceTypesView.vue';
import AmisView from './AmisView.vue';
import DashboardView from './DashboardView.vue';
import { createWorld, instance } from '../testing/fixtures';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;
const rows = () => queryAllByRole(body(), 'row').slice(1);

async function search(name: string, text: string): Promise<void> {
  const input = getByRole(body(), 'searchbox', name) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('catalog views', () => {
  it('Instance types lists the region offering with vCPUs, memory, category and price, and searches', async () => {
    await mountLab(InstanceTypesView);
    expect(rows().map((row) => row.querySelector('td')?.textContent)).toEqual([
      'c5d.large',
      'm5.large',
      'mac2.metal',
      't3.micro',
      't4g.micro',
    ]);
    const m5 = getByRole(body(), 'row', /^m5\.large/);
    expect(m5.textContent).toContain('General purpose');
    expect(m5.textContent).toContain('0.1180 USD per Hour');
    await search('Find instance types', 'compute optimized');
    expect(rows().map((row) => row.querySelector('td')?.textContent)).toEqual(['c5d.large']);
  });

  it('Instance types sort by memory when its header is clicked', async () => {
    await mountLab(InstanceTypesView);
    getByRole(body(), 'columnheader', /^Memory \(GiB\)/).click();
    await flushPromises();
    expect(rows().at(-1)?.querySelector('td')?.textContent).toBe('mac2.metal');
    expect(getByRole(body(), 'columnheader', /^Memory/).getAttribute('aria-sort')).toBe('ascending');
  });

  it('AMIs lists DescribeImages and searches by any attribute', async () => {
    await mountLab(AmisView);
    expect(rows()).toHaveLength(4);
    await search('Find AMI by attribute or tag', 'ubuntu');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('ami-0c1b2c3d4e5f60718');
  });

  it('Dashboard counts running and all (not terminated) instances and lists the zones', async () => {
    const world = createWorld();
    world.instances.push(instance('i-01', 'running'), instance('i-02', 'stopped'), instance('i-03', 'terminated'));
    await mountLab(DashboardView, { world });
    expect(body().querySelector('[data-testid="running-count"]')?.textContent).toBe('1');
    expect(body().querySelector('[data-testid="instance-count"]')?.textContent).toBe('2');
    expect(getByRole(body(), 'row', /^ap-northeast-2d/).textContent).toContain('Zone is operating normally');
    expect(getByRole(body(), 'button', 'Launch instance')).toBeTruthy();
  });
});
