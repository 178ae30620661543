// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstanceTypesView from './InstanceTypesView.vue';
import AmisView from './AmisView.vue';
import DashboardView from './DashboardView.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;
const rows = () => queryAllByRole(body(), 'row').slice(1);
const firstCells = () => rows().map((row) => row.querySelector('td')?.textContent);

async function search(name: string, text: string): Promise<void> {
  const input = getByRole(body(), 'searchbox', name) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

/** The instance types offered in some zone of the lab's region, by name. */
function offeredTypes(lab: EngineLab): string[] {
  const offerings = lab.ec2('DescribeInstanceTypeOfferings', { LocationType: 'availability-zone' });
  return [...new Set(offerings.InstanceTypeOfferings!.map((offering) => String(offering.InstanceType)))].sort();
}

describe('catalog views', () => {
  it('Instance types lists the region offering with vCPUs, memory, category and price, and searches', async () => {
    const lab = createEngineLab();
    await mountLab(InstanceTypesView, { lab });
    const offered = offeredTypes(lab);
    expect(offered).toContain('m5.large');
    expect([...firstCells()].sort()).toEqual(offered);
    const m5 = getByRole(body(), 'row', /^m5\.large/);
    const price = lab.lab('DescribePrices', { Region: lab.region }).Prices.find((p) => p.InstanceType === 'm5.large');
    expect(m5.textContent).toContain('General purpose');
    expect(m5.textContent).toContain(`${price!.UsdPerHour.toFixed(4)} USD per Hour`);

    await search('Find instance types', 'compute optimized');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(offered.length);
    expect(firstCells()).toContain('c5.large');
    for (const row of rows()) expect(row.textContent).toContain('Compute optimized');
  });

  it('Instance types sort by memory when its header is clicked', async () => {
    const lab = createEngineLab();
    await mountLab(InstanceTypesView, { lab });
    const offered = new Set(offeredTypes(lab));
    const memory = new Map(
      lab
        .ec2('DescribeInstanceTypes', {})
        .InstanceTypes!.filter((info) => offered.has(String(info.InstanceType)))
        .map((info) => [String(info.InstanceType), info.MemoryInfo!.SizeInMiB!]),
    );
    const most = Math.max(...memory.values());
    getByRole(body(), 'columnheader', /^Memory \(GiB\)/).click();
    await flushPromises();
    expect(memory.get(firstCells().at(-1)!)).toBe(most);
    expect(memory.get(firstCells()[0]!)).toBe(Math.min(...memory.values()));
    expect(getByRole(body(), 'columnheader', /^Memory/).getAttribute('aria-sort')).toBe('ascending');
  });

  it('AMIs lists DescribeImages (Public images) and searches by any attribute', async () => {
    const lab = createEngineLab();
    await mountLab(AmisView, { lab });
    const show = getByRole(body(), 'combobox', 'Show AMIs') as HTMLSelectElement;
    show.value = 'public';
    show.dispatchEvent(new Event('change'));
    await flushPromises();
    const images = lab.ec2('DescribeImages', {}).Images!;
    expect(rows()).toHaveLength(images.length);
    const ubuntu = lab.quickStart('ubuntu').ImageId;
    await search('Find AMI by attribute or tag', 'ubuntu');
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(images.length);
    expect(rows().some((row) => row.textContent?.includes(ubuntu))).toBe(true);
    expect(body().textContent).not.toContain(lab.quickStart('amazon-linux').ImageId);
  });

  it('Dashboard counts running and all (not terminated) instances and lists the zones', async () => {
    const lab = createEngineLab();
    const [running, stopped, terminated] = [lab.launch(), lab.launch(), lab.launch()].map((i) => i.InstanceId!);
    lab.waitFor(running!, 'running');
    lab.ec2('StopInstances', { InstanceIds: [stopped!] });
    lab.ec2('TerminateInstances', { InstanceIds: [terminated!] });
    lab.waitFor(stopped!, 'stopped');
    lab.waitFor(terminated!, 'terminated');
    await mountLab(DashboardView, { lab });
    expect(body().querySelector('[data-testid="running-count"]')?.textContent).toBe('1');
    expect(body().querySelector('[data-testid="instance-count"]')?.textContent).toBe('2');
    const zones = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones!;
    expect(zones.length).toBeGreaterThan(1);
    for (const zone of zones) {
      expect(getByRole(body(), 'row', new RegExp(`^${zone.ZoneName}`)).textContent).toContain(
        'Zone is operating normally',
      );
    }
    expect(getByRole(body(), 'button', 'Launch instance')).toBeTruthy();
  });
});
