// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import VolumesView from './VolumesView.vue';
import SnapshotsView from './SnapshotsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Volumes = defineComponent(() => () => h('div', [h(FlashBanners), h(VolumesView)]));
const Snapshots = defineComponent(() => () => h('div', [h(FlashBanners), h(SnapshotsView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/volumes';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(root: HTMLElement, role: string, name: RegExp, value: string): Promise<void> {
  const input = getByRole(root, role, name) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function choose(root: HTMLElement, name: RegExp, value: string): Promise<void> {
  const select = getByRole(root, 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

/** The row that shows `id`. */
function rowOf(id: string): HTMLElement {
  const rows = queryAllByRole(body(), 'row').filter((row) => row.textContent?.includes(id));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function action(name: string): Promise<void> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(body(), 'menuitem', name));
}

async function pass(lab: EngineLab, milliseconds: number): Promise<void> {
  lab.pass(milliseconds);
  await flushPromises();
}

describe('VolumesView', () => {
  it('creates a volume, sees it become available, attaches it, sees it in use and takes a snapshot', async () => {
    const { lab, bridge } = await mountLab(Volumes);
    const zone = `${lab.region}a`;
    const instance = lab.launch({ Placement: { AvailabilityZone: zone } });
    lab.waitFor(instance.InstanceId!, 'running');
    await click(getByRole(body(), 'button', 'Create volume'));
    const dialog = getByRole(body(), 'dialog', 'Create volume');
    expect(dialog.textContent).toContain('A new empty volume has no file system');
    await type(dialog, 'textbox', /^Size \(GiB\)/, '20');
    await choose(dialog, /^Availability Zone/, zone);
    await click(getByRole(dialog, 'button', 'Create volume'));
    expect(bridge.inputsOf('CreateVolume')).toEqual([{ VolumeType: 'gp3', Size: 20, AvailabilityZone: zone }]);
    const volumeId = lab.ec2('DescribeVolumes', { Filters: [{ Name: 'size', Values: ['20'] }] }).Volumes![0]!.VolumeId!;
    expect(rowOf(volumeId).textContent).toContain('Creating');
    expect(getByText(body(), 'status', new RegExp(`Volume ${volumeId} is being created`))).toBeTruthy();
    await pass(lab, 10_000);
    expect(rowOf(volumeId).textContent).toContain('Available');

    await click(rowOf(volumeId));
    await action('Attach volume');
    const attach = getByRole(body(), 'dialog', 'Attach volume');
    expect((getByRole(attach, 'combobox', /^Instance/) as HTMLSelectElement).value).toBe(instance.InstanceId);
    await click(getByRole(attach, 'button', 'Attach volume'));
    expect(bridge.inputsOf('AttachVolume')).toEqual([
      { VolumeId: volumeId, InstanceId: instance.InstanceId, Device: '/dev/sdf' },
    ]);
    expect(rowOf(volumeId).textContent).toContain('In-use');
    await pass(lab, 10_000);
    expect(rowOf(volumeId).textContent).toContain(`${instance.InstanceId} (/dev/sdf): attached`);

    await action('Create snapshot');
    const snapshot = getByRole(body(), 'dialog', 'Create snapshot');
    await type(snapshot, 'textbox', /^Description/, 'before upgrade');
    await click(getByRole(snapshot, 'button', 'Create snapshot'));
    expect(bridge.inputsOf('CreateSnapshot')).toEqual([{ VolumeId: volumeId, Description: 'before upgrade' }]);
    expect(lab.ec2('DescribeSnapshots', {}).Snapshots![0]).toMatchObject({ VolumeId: volumeId, State: 'pending' });
  });

  it("shows AWS's error for a size out of bounds and for deleting an attached volume, and changes nothing", async () => {
    const lab = createEngineLab();
    const instance = lab.launch();
    lab.waitFor(instance.InstanceId!, 'running');
    const { lab: mounted } = await mountLab(Volumes, { lab });
    await click(getByRole(body(), 'button', 'Create volume'));
    const dialog = getByRole(body(), 'dialog', 'Create volume');
    await choose(dialog, /^Volume type/, 'st1');
    await type(dialog, 'textbox', /^Size \(GiB\)/, '10');
    await click(getByRole(dialog, 'button', 'Create volume'));
    expect(getByRole(dialog, 'alert').textContent).toBe(
      'InvalidParameterValue: Volume of 10GiB is too small; minimum is 125GiB.',
    );
    await click(getByRole(dialog, 'button', 'Cancel'));

    const root = mounted.ec2('DescribeVolumes', {}).Volumes![0]!;
    expect(mounted.ec2('DescribeVolumes', {}).Volumes).toHaveLength(1);
    await click(rowOf(root.VolumeId!));
    await action('Delete volume');
    await click(getByRole(getByRole(body(), 'dialog', 'Delete volume'), 'button', 'Delete volume'));
    expect(getByRole(body(), 'alert').textContent).toContain(
      `VolumeInUse: Volume ${root.VolumeId} is currently attached to ${instance.InstanceId}`,
    );
    await action('Detach volume');
    await click(getByRole(getByRole(body(), 'dialog', 'Detach volume'), 'button', 'Detach volume'));
    expect(body().textContent).toContain(
      `IncorrectState: Unable to detach root volume '${root.VolumeId}' from instance '${instance.InstanceId}'`,
    );
    expect(mounted.ec2('DescribeVolumes', {}).Volumes![0]!.State).toBe('in-use');
  });
});

describe('SnapshotsView', () => {
  it('shows a pending snapshot with a progress bar that fills as the lab clock runs, then creates a volume from it', async () => {
    const lab = createEngineLab();
    const volume = lab.ec2('CreateVolume', { AvailabilityZone: `${lab.region}a`, Size: 8, VolumeType: 'gp3' });
    lab.pass(10_000);
    const snapshotId = lab.ec2('CreateSnapshot', { VolumeId: volume.VolumeId! }).SnapshotId!;
    location.hash = '#/snapshots';
    const { bridge } = await mountLab(Snapshots, { lab });
    const bar = () => getByRole(rowOf(snapshotId), 'progressbar', `Progress of ${snapshotId}`) as HTMLProgressElement;
    expect(rowOf(snapshotId).textContent).toContain('Pending');
    expect(bar().value).toBe(0);
    await pass(lab, 19_000);
    expect(bar().value).toBe(50);
    expect(rowOf(snapshotId).textContent).toContain('50%');
    await pass(lab, 19_000);
    expect(rowOf(snapshotId).textContent).toContain('Completed');
    expect(bar().value).toBe(100);

    await click(rowOf(snapshotId));
    await action('Create volume from snapshot');
    await click(
      getByRole(getByRole(body(), 'dialog', 'Create volume from snapshot'), 'button', 'Create volume from snapshot'),
    );
    expect(bridge.inputsOf('CreateVolume')).toEqual([{ SnapshotId: snapshotId, AvailabilityZone: `${lab.region}a` }]);
    expect(
      lab.ec2('DescribeVolumes', { Filters: [{ Name: 'snapshot-id', Values: [snapshotId] }] }).Volumes,
    ).toHaveLength(1);
  });

  it("refuses to delete a snapshot an AMI uses, with AWS's message", async () => {
    const lab = createEngineLab();
    const instance = lab.launch();
    lab.waitFor(instance.InstanceId!, 'running');
    const { ImageId } = lab.ec2('CreateImage', { InstanceId: instance.InstanceId!, Name: 'kept', NoReboot: true });
    lab.pass(60_000);
    const snapshotId = lab.ec2('DescribeSnapshots', {}).Snapshots![0]!.SnapshotId!;
    location.hash = '#/snapshots';
    await mountLab(Snapshots, { lab });
    await click(rowOf(snapshotId));
    await action('Delete snapshot');
    await click(getByRole(getByRole(body(), 'dialog', 'Delete snapshot'), 'button', 'Delete snapshot'));
    expect(getByRole(body(), 'alert').textContent).toContain(
      `InvalidSnapshot.InUse: The snapshot ${snapshotId} is currently in use by ${ImageId}`,
    );
    expect(lab.ec2('DescribeSnapshots', {}).Snapshots).toHaveLength(1);
  });
});
