// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import AmisView from './AmisView.vue';
import LaunchInstanceView from './LaunchInstanceView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Amis = defineComponent(() => () => h('div', [h(FlashBanners), h(AmisView)]));
const Launch = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchInstanceView)]));
const body = () => document.body;
const dataRows = () => queryAllByRole(body(), 'row').filter((row) => row.querySelector('input[type="radio"]'));

beforeEach(() => {
  location.hash = '#/amis';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function show(filter: 'owned' | 'quickStart' | 'marketplace' | 'public'): Promise<void> {
  const select = getByRole(body(), 'combobox', 'Show AMIs') as HTMLSelectElement;
  select.value = filter;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

function rowOf(id: string): HTMLElement {
  const rows = dataRows().filter((row) => row.textContent?.includes(id));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function action(name: string): Promise<void> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(body(), 'menuitem', name));
}

/** A running instance and an available AMI made of it. */
function ownImage(lab: EngineLab, name = 'my-web-server'): string {
  const instance = lab.launch();
  lab.waitFor(instance.InstanceId!, 'running');
  const { ImageId } = lab.ec2('CreateImage', { InstanceId: instance.InstanceId!, Name: name, NoReboot: true });
  lab.pass(60_000);
  return ImageId!;
}

describe('AmisView', () => {
  it('filters Owned by me, Quick Start, Marketplace and Public images, and details a Marketplace AMI', async () => {
    const lab = createEngineLab();
    const imageId = ownImage(lab);
    await mountLab(Amis, { lab });
    expect(dataRows().map((row) => row.textContent)).toEqual([expect.stringContaining(imageId)]);

    await show('marketplace');
    const marketplace = lab.ec2('DescribeImages', { Owners: ['aws-marketplace'] }).Images!;
    expect(dataRows()).toHaveLength(marketplace.length);
    expect(dataRows().every((row) => row.textContent?.includes('aws-marketplace'))).toBe(true);
    const wordpress = marketplace.find((i) => i.Name?.startsWith('bitnami-wordpress') && i.Architecture === 'x86_64')!;
    await click(rowOf(wordpress.ImageId!));
    const details = getByRole(body(), 'region', `Details of ${wordpress.ImageId}`);
    expect(details.textContent).toContain('Default user name');
    expect(details.textContent).toContain('bitnami');
    expect(details.textContent).toContain('Bitnami by Broadcom');
    expect(details.textContent).toContain(wordpress.BlockDeviceMappings![0]!.Ebs!.SnapshotId);
    await click(getByRole(body(), 'button', 'Actions'));
    expect((getByRole(body(), 'menuitem', 'Deregister AMI') as HTMLButtonElement).disabled).toBe(true);
    expect((getByRole(body(), 'menuitem', 'Launch instance from AMI') as HTMLButtonElement).disabled).toBe(false);

    await show('quickStart');
    const amazon = lab.ec2('DescribeImages', { Owners: ['amazon'] }).Images!;
    expect(dataRows()).toHaveLength(amazon.length);
    expect(dataRows().some((row) => row.textContent?.includes(wordpress.ImageId!))).toBe(false);
    await show('public');
    expect(dataRows()).toHaveLength(amazon.length + marketplace.length);
  });

  it('shows an own AMI with its snapshots, copies it to another region and deregisters it', async () => {
    const lab = createEngineLab();
    const imageId = ownImage(lab);
    const { bridge } = await mountLab(Amis, { lab });
    await click(rowOf(imageId));
    const image = lab.ec2('DescribeImages', { ImageIds: [imageId] }).Images![0]!;
    const details = getByRole(body(), 'region', `Details of ${imageId}`);
    expect(details.textContent).toContain('my-web-server');
    expect(details.textContent).toContain(image.BlockDeviceMappings![0]!.Ebs!.SnapshotId);
    expect(details.textContent).toContain('/dev/xvda');
    expect(details.textContent).toContain('ec2-user');

    await action('Copy AMI');
    const copy = getByRole(body(), 'dialog', 'Copy AMI');
    const region = getByRole(copy, 'combobox', 'Destination Region') as HTMLSelectElement;
    region.value = 'us-east-1';
    region.dispatchEvent(new Event('change'));
    await flushPromises();
    await click(getByRole(copy, 'button', 'Copy AMI'));
    expect(bridge.inputsOf('CopyImage')).toEqual([
      { SourceImageId: imageId, SourceRegion: lab.region, Name: 'my-web-server' },
    ]);
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }, 'us-east-1').Images).toHaveLength(1);

    await action('Deregister AMI');
    await click(getByRole(getByRole(body(), 'dialog', 'Deregister AMI'), 'button', 'Deregister AMI'));
    expect(bridge.inputsOf('DeregisterImage')).toEqual([{ ImageId: imageId }]);
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }).Images).toEqual([]);
    expect(dataRows()).toHaveLength(0);
    expect(body().textContent).toContain(`AMI ${imageId} was deregistered.`);
  });

  it("shows AWS's error when a copy's name is taken in the destination, and copies nothing", async () => {
    const lab = createEngineLab();
    const imageId = ownImage(lab, 'taken-name');
    lab.ec2('CopyImage', { SourceImageId: imageId, SourceRegion: lab.region, Name: 'taken-name' }, 'us-east-1');
    await mountLab(Amis, { lab });
    await click(rowOf(imageId));
    await action('Copy AMI');
    const copy = getByRole(body(), 'dialog', 'Copy AMI');
    const region = getByRole(copy, 'combobox', 'Destination Region') as HTMLSelectElement;
    region.value = 'us-east-1';
    region.dispatchEvent(new Event('change'));
    await flushPromises();
    await click(getByRole(copy, 'button', 'Copy AMI'));
    expect(getByRole(copy, 'alert').textContent).toMatch(
      /^InvalidAMIName\.Duplicate: AMI name taken-name is already in use/,
    );
    expect(lab.ec2('DescribeImages', { Owners: ['self'] }, 'us-east-1').Images).toHaveLength(1);
  });
});

describe('Launch instance from AMI', () => {
  it('opens the launch wizard with the chosen AMI (an own AMI) and launches it', async () => {
    const lab = createEngineLab();
    const imageId = ownImage(lab);
    await mountLab(Amis, { lab });
    await click(rowOf(imageId));
    await click(getByRole(body(), 'button', 'Launch instance from AMI'));
    expect(location.hash).toBe(`#/launch/${imageId}`);

    const { bridge } = await mountLab(Launch, { lab });
    expect(body().textContent).toContain('Chosen on the AMIs page');
    expect(body().textContent).toContain(imageId);
    getByRole(body(), 'button', 'Launch instance').click();
    await flushPromises();
    expect(bridge.inputsOf('RunInstances')[0]).toMatchObject({ ImageId: imageId });
    const launched = lab
      .ec2('DescribeInstances', { Filters: [{ Name: 'image-id', Values: [imageId] }] })
      .Reservations!.flatMap((r) => r.Instances!);
    expect(launched).toHaveLength(1);
  });

  it('launches a Marketplace AMI with its seller shown, and goes back to Quick Start on request', async () => {
    const lab = createEngineLab();
    const nginx = lab
      .ec2('DescribeImages', { Owners: ['aws-marketplace'] })
      .Images!.find((i) => i.Name?.startsWith('nginx'))!;
    location.hash = `#/launch/${nginx.ImageId}`;
    await mountLab(Launch, { lab });
    expect(body().textContent).toContain('Sold by F5, Inc. (NGINX)');
    expect(body().textContent).toContain('ubuntu');
    await click(getByRole(body(), 'button', 'Choose a Quick Start AMI instead'));
    expect(body().textContent).not.toContain(nginx.ImageId);
    expect((getByRole(body(), 'radio', 'Ubuntu') as HTMLInputElement).checked).toBe(true);
  });
});
