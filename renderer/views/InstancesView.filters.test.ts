// @vitest-environment happy-dom
/**
 * The Instances page's property filters (EC2 console filter bar): tokens next to free text, typed or
 * built, removable, "Clear filters", and an empty result that says "No matching instances".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';
import { body, click, InstancesPage, labWith, rowOf } from './InstancesView.testing';

enableAutoUnmount(afterEach);

const search = () => getByRole(body(), 'searchbox', 'Find Instance by attribute or tag') as HTMLInputElement;
const shownIds = (ids: string[]) => ids.filter((id) => queryAllByRole(body(), 'row', new RegExp(id)).length > 0);
const tokens = () =>
  queryAllByRole(body(), 'list', 'Applied filters').flatMap((list) =>
    [...list.querySelectorAll('li > span')].map((span) => span.textContent?.trim()),
  );

async function typeInSearch(text: string, enter = true): Promise<void> {
  const box = search();
  box.value = text;
  box.dispatchEvent(new Event('input'));
  if (enter) box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  await flushPromises();
}

async function setField(element: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
  await flushPromises();
}

describe('Instances filter', () => {
  it('turns typed `Instance state = running` and `tag:Env = prod` into tokens that combine', async () => {
    const { lab, ids } = labWith('running', 'running', 'stopped');
    const [web, db, old] = ids as [string, string, string];
    lab.ec2('CreateTags', { Resources: [web, old], Tags: [{ Key: 'Env', Value: 'prod' }] });
    lab.ec2('CreateTags', { Resources: [db], Tags: [{ Key: 'Env', Value: 'dev' }] });
    await mountLab(InstancesPage, { lab });

    await typeInSearch('Instance state = running');
    expect(tokens()).toEqual(['Instance state = running']);
    expect(search().value).toBe('');
    expect(shownIds(ids)).toEqual([web, db]);

    await typeInSearch('tag:Env = prod');
    expect(tokens()).toEqual(['Instance state = running', 'tag:Env = prod']);
    expect(shownIds(ids)).toEqual([web]);

    // Free text stays free text, next to the tokens.
    await typeInSearch('server-1', false);
    expect(shownIds(ids)).toEqual([web]);
    await typeInSearch('server-2', false);
    expect(shownIds(ids)).toEqual([]);
    await typeInSearch('', false);

    await click(getByRole(body(), 'button', 'Remove filter Instance state = running'));
    expect(tokens()).toEqual(['tag:Env = prod']);
    expect(shownIds(ids)).toEqual([web, old]);
  });

  it('builds tokens for instance type, Availability Zone and IPv4 addresses, and != excludes', async () => {
    const { lab, ids } = labWith('running', 'running');
    const [small, large] = ids as [string, string];
    lab.ec2('StopInstances', { InstanceIds: [large] });
    lab.waitFor(large, 'stopped');
    lab.ec2('ModifyInstanceAttribute', { InstanceId: large, InstanceType: { Value: 't3.small' } });
    const zone = lab.instance(small).Placement!.AvailabilityZone!;
    const publicIp = lab.instance(small).PublicIpAddress!;
    const privateIp = lab.instance(large).PrivateIpAddress!;
    await mountLab(InstancesPage, { lab });

    const property = getByRole(body(), 'combobox', 'Filter property') as HTMLSelectElement;
    const value = getByRole(body(), 'combobox', 'Value') as HTMLInputElement;
    const add = async (name: string, text: string, operator = '=') => {
      await setField(property, name);
      await setField(getByRole(body(), 'combobox', 'Operator') as HTMLSelectElement, operator);
      await setField(value, text);
      await click(getByRole(body(), 'button', 'Add filter'));
    };
    const removeAll = () => click(getByRole(body(), 'button', 'Clear filters'));

    await add('instance-type', 't3.micro');
    expect(tokens()).toEqual(['Instance type = t3.micro']);
    expect(shownIds(ids)).toEqual([small]);
    await removeAll();
    await add('instance-type', 't3.micro', '!=');
    expect(shownIds(ids)).toEqual([large]);
    await removeAll();
    await add('availability-zone', zone);
    expect(tokens()).toEqual([`Availability Zone = ${zone}`]);
    expect(shownIds(ids)).toContain(small);
    await removeAll();
    await add('ip-address', publicIp);
    expect(shownIds(ids)).toEqual([small]);
    await removeAll();
    await add('private-ip-address', privateIp);
    expect(tokens()).toEqual([`Private IPv4 address = ${privateIp}`]);
    expect(shownIds(ids)).toEqual([large]);
  });

  it('says "No matching instances" with Clear filters, not "No instances", when filters hide everything', async () => {
    const { lab, ids } = labWith('running');
    const [id] = ids as [string];
    await mountLab(InstancesPage, { lab });
    await typeInSearch('Instance type = m5.large');
    expect(shownIds(ids)).toEqual([]);
    const table = getByRole(body(), 'table');
    expect(table.textContent).toContain('No matching instances');
    expect(table.textContent).not.toContain('No instances');

    await click(getByRole(table, 'button', 'Clear filters'));
    expect(tokens()).toEqual([]);
    expect(rowOf(id)).toBeTruthy();
    expect(queryAllByRole(body(), 'button', 'Clear filters')).toHaveLength(0);
  });

  it('keeps the state menu as a shortcut for the Instance state token', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [running, stopped] = ids as [string, string];
    await mountLab(InstancesPage, { lab });
    const state = getByRole(body(), 'combobox', 'Filter by instance state') as HTMLSelectElement;
    await setField(state, 'stopped');
    expect(tokens()).toEqual(['Instance state = stopped']);
    expect(shownIds(ids)).toEqual([stopped]);
    await click(getByRole(body(), 'button', 'Remove filter Instance state = stopped'));
    expect(state.value).toBe('');
    expect(shownIds(ids)).toEqual([running, stopped]);
  });

  it('reads tokens typed in Korean property names in the Korean console', async () => {
    const { lab, ids } = labWith('running', 'stopped');
    const [, stopped] = ids as [string, string];
    await mountLab(InstancesPage, { lab, locale: 'ko' });
    const box = getByRole(body(), 'searchbox', '속성 또는 태그별로 인스턴스 찾기') as HTMLInputElement;
    box.value = '인스턴스 상태 = stopped';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flushPromises();
    expect(shownIds(ids)).toEqual([stopped]);
    expect(getByRole(body(), 'button', '필터 인스턴스 상태 = stopped 제거')).toBeTruthy();
  });
});
