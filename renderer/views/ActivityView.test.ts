// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import ActivityView from './ActivityView.vue';
import { activityEvent, createWorld, type FakeWorld } from '../testing/fixtures';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;
const T0 = Date.parse('2025-05-01T10:00:00Z');

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function choose(name: string, value: string): Promise<void> {
  const select = getByRole(body(), 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

/** The data rows of the event history, top to bottom, as "EventName" texts. */
function eventNames(): string[] {
  const table = getByRole(body(), 'table', 'Event history');
  return [...table.querySelectorAll('tbody tr:not(.activity-table__details)')].map(
    (row) => row.querySelectorAll('td')[2]?.textContent?.trim() ?? '',
  );
}

function worldWithEvents(): FakeWorld {
  const world = createWorld();
  world.activity = [
    activityEvent(
      'ev-3',
      'StopInstances',
      { InstanceIds: ['i-0123456789abcdef0'] },
      { EventTime: T0 + 3000, Caller: 'cli', ErrorCode: 'IncorrectInstanceState', ErrorMessage: 'cannot be stopped' },
    ),
    activityEvent('ev-2', 'DescribeInstances', {}, { EventTime: T0 + 2000, Caller: 'sdk' }),
    activityEvent(
      'ev-1',
      'RunInstances',
      { ImageId: 'ami-0a1b2c3d4e5f60718', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
      { EventTime: T0 + 1000, ResourceIds: ['i-0123456789abcdef0'] },
    ),
  ];
  return world;
}

describe('ActivityView', () => {
  it('lists events newest first with the event history columns', async () => {
    await mountLab(ActivityView, { world: worldWithEvents() });
    for (const column of ['Event time', 'Event name', 'Caller', 'Region', 'Resource IDs', 'Result']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    expect(eventNames()).toEqual(['StopInstances', 'DescribeInstances', 'RunInstances']);
    const stop = getByRole(body(), 'row', /StopInstances/);
    expect(stop.textContent).toContain('AWS CLI');
    expect(stop.textContent).toContain('ap-northeast-2');
    expect(stop.textContent).toContain('IncorrectInstanceState');
    expect(stop.textContent).toContain('May 1, 2025');
    expect(getByRole(stop, 'link', 'i-0123456789abcdef0').getAttribute('href')).toBe('#/instances/i-0123456789abcdef0');
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('Success');
  });

  it('puts a pushed activity event on top without calling DescribeActivity again', async () => {
    const { bridge } = await mountLab(ActivityView, { world: worldWithEvents() });
    const asked = bridge.inputsOf('DescribeActivity').length;
    bridge.emit({
      type: 'activity',
      event: activityEvent(
        'ev-4',
        'TerminateInstances',
        { InstanceIds: ['i-0123456789abcdef0'] },
        { EventTime: T0 + 4000 },
      ),
    });
    await flushPromises();
    expect(eventNames()).toEqual(['TerminateInstances', 'StopInstances', 'DescribeInstances', 'RunInstances']);
    expect(bridge.inputsOf('DescribeActivity')).toHaveLength(asked);
  });

  it('filters by caller, by read-only and by text', async () => {
    await mountLab(ActivityView, { world: worldWithEvents() });
    await choose('Caller', 'cli');
    expect(eventNames()).toEqual(['StopInstances']);
    await choose('Caller', '');
    await choose('Read-only', 'false');
    expect(eventNames()).toEqual(['StopInstances', 'RunInstances']);
    await choose('Read-only', 'true');
    expect(eventNames()).toEqual(['DescribeInstances']);
    await choose('Read-only', '');
    const search = getByRole(body(), 'searchbox', 'Find events by event name or resource ID') as HTMLInputElement;
    search.value = 'run';
    search.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(eventNames()).toEqual(['RunInstances']);
    search.value = 'i-0123456789abcdef0';
    search.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(eventNames()).toEqual(['StopInstances', 'RunInstances']);
    search.value = 'nothing-like-this';
    search.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(getByRole(body(), 'cell', 'No events match the filters.')).toBeTruthy();
  });

  it('expands a row to show the parameters, the error and the CLI command with a Copy button', async () => {
    await mountLab(ActivityView, { world: worldWithEvents() });
    const toggle = getByRole(body(), 'button', 'Show details for StopInstances ev-3');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(body().textContent).not.toContain('aws ec2 stop-instances');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(details?.textContent).toContain(
      'aws ec2 stop-instances --region ap-northeast-2 --instance-ids i-0123456789abcdef0',
    );
    expect(details?.textContent).toContain(JSON.stringify({ InstanceIds: ['i-0123456789abcdef0'] }, null, 2));
    expect(details?.textContent).toContain('IncorrectInstanceState: cannot be stopped');
    await click(getByRole(details!, 'button', 'Copy CLI command of StopInstances ev-3'));
    expect(await navigator.clipboard.readText()).toBe(
      'aws ec2 stop-instances --region ap-northeast-2 --instance-ids i-0123456789abcdef0',
    );
    await click(toggle);
    expect(body().textContent).not.toContain('aws ec2 stop-instances');
  });

  it('loads older events with NextToken', async () => {
    const world = createWorld();
    world.activity = Array.from({ length: 60 }, (_, index) =>
      activityEvent(
        `ev-${60 - index}`,
        'CreateTags',
        { Resources: ['i-0123456789abcdef0'] },
        { EventTime: T0 - index },
      ),
    );
    const { bridge } = await mountLab(ActivityView, { world });
    expect(eventNames()).toHaveLength(50);
    await click(getByRole(body(), 'button', 'Load more'));
    expect(bridge.inputsOf('DescribeActivity').at(-1)).toEqual({ MaxResults: 50, NextToken: '50' });
    expect(eventNames()).toHaveLength(60);
    expect(queryAllByRole(body(), 'button', 'Load more')).toHaveLength(0);
  });

  it('is reloaded when the lab is replaced', async () => {
    const world = worldWithEvents();
    const { bridge } = await mountLab(ActivityView, { world });
    world.activity = [];
    bridge.emit({ type: 'lab-replaced', status: world.status });
    await flushPromises();
    expect(getByRole(body(), 'cell', /No events yet/)).toBeTruthy();
  });

  it('speaks Korean', async () => {
    await mountLab(ActivityView, { world: worldWithEvents(), locale: 'ko' });
    expect(getByRole(body(), 'table', '이벤트 기록')).toBeTruthy();
    for (const column of ['이벤트 시간', '이벤트 이름', '호출자', '리전', '리소스 ID', '결과']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('콘솔');
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('성공');
    expect(getByRole(body(), 'button', 'StopInstances ev-3 세부 정보 보기')).toBeTruthy();
  });
});
