// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import InstancesView from './InstancesView.vue';
import SnapshotsView from './SnapshotsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Instances = defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)]));
const Snapshots = defineComponent(() => () => h('div', [h(FlashBanners), h(SnapshotsView)]));
const body = () => document.body;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function type(root: HTMLElement, name: string, value: string): Promise<void> {
  const input = getByRole(root, 'textbox', name) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function menu(item: string): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(body(), 'menuitem', item));
  return getByRole(body(), 'dialog', item);
}

describe('Instances → Actions → Image and templates → Create image', () => {
  it('makes an AMI of the instance without a reboot when asked, and shows a taken name refused', async () => {
    const lab = createEngineLab();
    const instanceId = lab.launch().InstanceId!;
    lab.waitFor(instanceId, 'running');
    location.hash = '#/instances';
    const { bridge } = await mountLab(Instances, { lab });
    await click(getByRole(body(), 'checkbox', `Select instance ${instanceId}`));
    await click(getByRole(body(), 'button', 'Actions'));
    const group = getByRole(getByRole(body(), 'menu', 'Actions'), 'group', 'Image and templates');
    await click(getByRole(group, 'menuitem', 'Create image'));
    const dialog = getByRole(body(), 'dialog', 'Create image');
    expect(dialog.textContent).toContain('Instance store data is not in the AMI');
    await type(dialog, 'Image name', 'web v1');
    await type(dialog, 'Image description - optional', 'first cut');
    await click(getByRole(dialog, 'checkbox', 'Reboot instance'));
    await click(getByRole(dialog, 'button', 'Create image'));
    expect(bridge.inputsOf('CreateImage')).toEqual([
      { InstanceId: instanceId, Name: 'web v1', Description: 'first cut', NoReboot: true },
    ]);
    const images = lab.ec2('DescribeImages', { Owners: ['self'] }).Images!;
    expect(images.map((i) => [i.Name, i.SourceInstanceId])).toEqual([['web v1', instanceId]]);
    expect(body().textContent).toContain(`AMI ${images[0]!.ImageId} is being created.`);
    expect(lab.instance(instanceId).State?.Name).toBe('running');

    const again = await menu('Create image');
    await type(again, 'Image name', 'web v1');
    await click(getByRole(again, 'button', 'Create image'));
    expect(getByRole(again, 'alert').textContent).toBe(
      `InvalidAMIName.Duplicate: AMI name web v1 is already in use by AMI ${images[0]!.ImageId}`,
    );
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }).Images).toHaveLength(1);
  });
});

describe('Snapshots → Create image from snapshot', () => {
  it("registers an AMI with the snapshot as its root volume, and refuses a bad name with AWS's error", async () => {
    const lab = createEngineLab();
    const instanceId = lab.launch().InstanceId!;
    lab.waitFor(instanceId, 'running');
    const root = lab.instance(instanceId).BlockDeviceMappings![0]!.Ebs!.VolumeId!;
    const { SnapshotId } = lab.ec2('CreateSnapshot', { VolumeId: root });
    lab.pass(10 * 60_000);
    location.hash = '#/snapshots';
    const { bridge } = await mountLab(Snapshots, { lab });
    const row = queryAllByRole(body(), 'row').find((r) => r.textContent?.includes(SnapshotId!))!;
    await click(row);

    const bad = await menu('Create image from snapshot');
    await type(bad, 'Image name', 'x');
    await click(getByRole(bad, 'button', 'Create image from snapshot'));
    expect(getByRole(bad, 'alert').textContent).toMatch(/^InvalidAMIName\.Malformed: AMI names must be/);
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }).Images).toEqual([]);
    await click(getByRole(bad, 'button', 'Cancel'));

    const dialog = await menu('Create image from snapshot');
    await type(dialog, 'Image name', 'from-root-snapshot');
    await click(getByRole(dialog, 'button', 'Create image from snapshot'));
    expect(bridge.inputsOf('RegisterImage').at(-1)).toEqual({
      Name: 'from-root-snapshot',
      Architecture: 'x86_64',
      RootDeviceName: '/dev/xvda',
      VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId } }],
    });
    const [image] = lab.ec2('DescribeImages', { Owners: ['self'] }).Images!;
    expect(image).toMatchObject({ Name: 'from-root-snapshot', State: 'available' });
    expect(body().textContent).toContain(`AMI ${image!.ImageId} was registered from ${SnapshotId}.`);
  });
});
