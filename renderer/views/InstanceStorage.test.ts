// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import InstancesView from './InstancesView.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/instances';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

/** The cells of the row whose header is `label`, in one table. */
function rowCells(table: HTMLElement, label: string | RegExp): string[] {
  const row = queryAllByRole(table, 'row').find((r) => {
    const text = r.querySelector('th')?.textContent?.trim() ?? '';
    return typeof label === 'string' ? text === label : label.test(text);
  });
  if (!row) throw new Error(`no row ${String(label)}`);
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '');
}

describe('Instance details → Storage', () => {
  it('lists the root device, EBS volumes and instance-store disks, and what each does on reboot, stop, hibernate and terminate', async () => {
    const lab = createEngineLab();
    const zone = `${lab.region}a`;
    const instance = lab.launch({
      InstanceType: 'c5d.large',
      Placement: { AvailabilityZone: zone },
      BlockDeviceMappings: [
        { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: false } },
      ],
    });
    const id = instance.InstanceId!;
    lab.waitFor(id, 'running');
    const mappings = lab.instance(id).BlockDeviceMappings!;
    const root = mappings.find((m) => m.DeviceName === '/dev/xvda')!.Ebs!.VolumeId!;
    const data = mappings.find((m) => m.DeviceName === '/dev/sdf')!.Ebs!.VolumeId!;
    await mountLab(InstancesView, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${id}`));
    await click(getByRole(body(), 'tab', 'Storage'));
    const panel = getByRole(body(), 'group', `Storage of ${id}`);
    expect(panel.textContent).toContain('Root device name/dev/xvda');
    const blockDevices = getByRole(panel, 'table', 'Block devices');
    const dataRow = queryAllByRole(blockDevices, 'row').find((r) => r.textContent?.includes(data))!;
    expect([...dataRow.querySelectorAll('td')].map((c) => c.textContent?.trim()).slice(0, 6)).toEqual([
      data,
      '/dev/sdf',
      '20',
      'gp3',
      'attached',
      'No',
    ]);
    expect(panel.textContent).toContain('ephemeral0: 50 GB SSD, NVMe, physically attached to the host');

    const compare = getByRole(panel, 'table', 'Instance store vs Amazon EBS');
    expect(rowCells(compare, 'Persistence')).toEqual([
      'Temporary: kept on reboot, lost on stop, hibernate and terminate',
      'Independent of the instance: kept on stop; on terminate, DeleteOnTermination decides',
    ]);
    expect(queryAllByRole(compare, 'row').map((r) => r.querySelector('th')?.textContent?.trim())).toEqual([
      'Aspect',
      'Connection',
      'I/O',
      'Persistence',
      'Snapshots',
    ]);

    const fates = getByRole(panel, 'table', `What happens to the disks of ${id}`);
    expect(rowCells(fates, `EBS root volume ${root} (/dev/xvda)`)).toEqual([
      'Kept',
      'Kept',
      'Not enabled for this instance',
      'Deleted',
    ]);
    expect(rowCells(fates, `EBS volume ${data} (/dev/sdf)`)).toEqual([
      'Kept',
      'Kept',
      'Not enabled for this instance',
      'Kept, detached',
    ]);
    expect(rowCells(fates, 'Instance store ephemeral0')).toEqual([
      'Kept',
      'Wiped',
      'Not enabled for this instance',
      'Wiped',
    ]);
  });

  it('says an instance type without instance store has none, in Korean too', async () => {
    const lab = createEngineLab();
    const id = lab.launch().InstanceId!;
    lab.waitFor(id, 'running');
    await mountLab(InstancesView, { lab, locale: 'ko' });
    await click(getByRole(body(), 'checkbox', `인스턴스 ${id} 선택`));
    await click(getByRole(body(), 'tab', '스토리지'));
    const panel = getByRole(body(), 'group', `${id}의 스토리지`);
    expect(panel.textContent).toContain('t3.micro에는 인스턴스 스토어가 없습니다.');
    expect(getByRole(panel, 'table', '인스턴스 스토어와 Amazon EBS')).toBeTruthy();
  });
});
