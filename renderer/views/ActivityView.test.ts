// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import ActivityView from './ActivityView.vue';
import type { ApiError } from '../../shared/errors';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;

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

interface LabWithEvents {
  lab: EngineLab;
  instanceId: string;
  /** The event id of the refused StopInstances. */
  stopEvent: string;
  refusal: ApiError;
}

/** Three calls, a second apart: the console's RunInstances, an SDK's DescribeInstances, a CLI's refused StopInstances. */
function labWithEvents(): LabWithEvents {
  const lab = createEngineLab();
  const instanceId = lab.launch().InstanceId!;
  lab.pass(1000);
  lab.engine.dispatch({ service: 'ec2', operation: 'DescribeInstances', region: lab.region, input: {}, caller: 'sdk' });
  lab.pass(1000);
  const stop = lab.engine.dispatch({
    service: 'ec2',
    operation: 'StopInstances',
    region: lab.region,
    input: { InstanceIds: [instanceId] },
    caller: 'cli',
  });
  if (stop.ok) throw new Error('a pending instance cannot be stopped');
  const stopEvent = lab.lab('DescribeActivity', {}).Events.find((event) => event.EventName === 'StopInstances')!;
  return { lab, instanceId, stopEvent: stopEvent.EventId, refusal: stop.error };
}

describe('ActivityView', () => {
  it('lists events newest first with the event history columns', async () => {
    const { lab, instanceId } = labWithEvents();
    await mountLab(ActivityView, { lab });
    for (const column of ['Event time', 'Event name', 'Caller', 'Region', 'Resource IDs', 'Result']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    expect(eventNames()).toEqual(['StopInstances', 'DescribeInstances', 'RunInstances']);
    const stop = getByRole(body(), 'row', /StopInstances/);
    expect(stop.textContent).toContain('AWS CLI');
    expect(stop.textContent).toContain(lab.region);
    expect(stop.textContent).toContain('IncorrectInstanceState');
    expect(stop.textContent).toContain('May 1, 2025');
    expect(getByRole(stop, 'link', instanceId).getAttribute('href')).toBe(`#/instances/${instanceId}`);
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('Success');
  });

  it('puts a pushed activity event on top without calling DescribeActivity again', async () => {
    const { lab, instanceId } = labWithEvents();
    const { bridge } = await mountLab(ActivityView, { lab });
    const asked = bridge.inputsOf('DescribeActivity').length;
    lab.ec2('TerminateInstances', { InstanceIds: [instanceId] });
    await flushPromises();
    expect(eventNames()).toEqual(['TerminateInstances', 'StopInstances', 'DescribeInstances', 'RunInstances']);
    expect(bridge.inputsOf('DescribeActivity')).toHaveLength(asked);
  });

  it('filters by caller, by read-only and by text', async () => {
    const { lab, instanceId } = labWithEvents();
    await mountLab(ActivityView, { lab });
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
    search.value = instanceId;
    search.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(eventNames()).toEqual(['StopInstances', 'RunInstances']);
    search.value = 'nothing-like-this';
    search.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(getByRole(body(), 'cell', 'No events match the filters.')).toBeTruthy();
  });

  it("shows the selected Region's events (CloudTrail is per Region), or every Region's on request", async () => {
    const { lab } = labWithEvents();
    lab.engine.dispatch({ service: 'ec2', operation: 'DescribeVpcs', region: 'us-east-1', input: {}, caller: 'cli' });
    await mountLab(ActivityView, { lab });
    expect(eventNames()).toEqual(['StopInstances', 'DescribeInstances', 'RunInstances']);
    expect(getByRole(body(), 'combobox', 'Region').textContent).toContain(`This Region (${lab.region})`);
    await choose('Region', 'all');
    expect(eventNames()).toEqual(['DescribeVpcs', 'StopInstances', 'DescribeInstances', 'RunInstances']);
    expect(getByRole(body(), 'row', /DescribeVpcs/).textContent).toContain('us-east-1');
  });

  it('shows a call that named many instances as their count, expandable to every id', async () => {
    const lab = createEngineLab();
    const ids = lab
      .ec2('RunInstances', {
        ImageId: lab.quickStart('amazon-linux').ImageId,
        InstanceType: 't3.micro',
        MinCount: 5,
        MaxCount: 5,
      })
      .Instances!.map((i) => i.InstanceId!);
    await mountLab(ActivityView, { lab });
    const row = getByRole(body(), 'row', /RunInstances/);
    expect(row.textContent).toContain('5 instances');
    expect(queryAllByRole(row, 'link')).toHaveLength(0);
    await click(getByRole(row, 'button', 'Show all 5 resource IDs'));
    expect(queryAllByRole(row, 'link').map((link) => link.textContent?.trim())).toEqual(ids);
    await click(getByRole(row, 'button', 'Hide resource IDs'));
    expect(queryAllByRole(row, 'link')).toHaveLength(0);
  });

  it('expands a row to show the parameters, the error and the CLI command with a Copy button', async () => {
    const { lab, instanceId, stopEvent, refusal } = labWithEvents();
    await mountLab(ActivityView, { lab });
    const toggle = getByRole(body(), 'button', `Show details for StopInstances ${stopEvent}`);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(body().textContent).not.toContain('aws ec2 stop-instances');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    const command = `aws ec2 stop-instances --region ${lab.region} --instance-ids ${instanceId}`;
    expect(details?.textContent).toContain(command);
    expect(details?.textContent).toContain(JSON.stringify({ InstanceIds: [instanceId] }, null, 2));
    expect(refusal.code).toBe('IncorrectInstanceState');
    expect(details?.textContent).toContain(`IncorrectInstanceState: ${refusal.message}`);
    await click(getByRole(details!, 'button', `Copy CLI command of StopInstances ${stopEvent}`));
    expect(await navigator.clipboard.readText()).toBe(command);
    await click(toggle);
    expect(body().textContent).not.toContain('aws ec2 stop-instances');
  });

  it('loads older events with NextToken', async () => {
    const lab = createEngineLab();
    const instanceId = lab.launch().InstanceId!;
    for (let n = 0; n < 59; n++)
      lab.ec2('CreateTags', { Resources: [instanceId], Tags: [{ Key: 'n', Value: `${n}` }] });
    const { bridge } = await mountLab(ActivityView, { lab });
    expect(eventNames()).toHaveLength(50);
    await click(getByRole(body(), 'button', 'Load more'));
    expect(bridge.inputsOf('DescribeActivity').at(-1)).toEqual({ MaxResults: 50, NextToken: expect.any(String) });
    expect(eventNames()).toHaveLength(60);
    expect(eventNames().at(-1)).toBe('RunInstances');
    expect(queryAllByRole(body(), 'button', 'Load more')).toHaveLength(0);
  });

  it('is reloaded when the lab is replaced', async () => {
    const { lab } = labWithEvents();
    await mountLab(ActivityView, { lab });
    lab.lab('ResetLab', {});
    await flushPromises();
    expect(getByRole(body(), 'cell', /No events yet/)).toBeTruthy();
  });

  it('speaks Korean', async () => {
    const { lab, stopEvent } = labWithEvents();
    await mountLab(ActivityView, { lab, locale: 'ko' });
    expect(getByRole(body(), 'table', '이벤트 기록')).toBeTruthy();
    for (const column of ['이벤트 시간', '이벤트 이름', '호출자', '리전', '리소스 ID', '결과']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('콘솔');
    expect(getByRole(body(), 'row', /RunInstances/).textContent).toContain('성공');
    expect(getByRole(body(), 'button', `StopInstances ${stopEvent} 세부 정보 보기`)).toBeTruthy();
  });
});
