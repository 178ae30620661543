// @vitest-environment happy-dom
// The Launch templates page and Launch instance from template, against the real engine: create from
// the form's basics, the versions panel, set default version, delete, launch from a chosen version, Korean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import LaunchTemplatesView from './LaunchTemplatesView.vue';
import LaunchFromTemplateView from './LaunchFromTemplateView.vue';
import InstancesView from './InstancesView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchTemplatesView)]));
const LaunchPage = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchFromTemplateView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/launch-templates';
});

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

async function choose(root: HTMLElement, name: string, value: string): Promise<void> {
  const select = getByRole(root, 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

const imageOf = (lab: EngineLab) =>
  lab.ec2('DescribeImages', { Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }).Images![0]!.ImageId!;

function rowOf(name: string): HTMLElement {
  const rows = queryAllByRole(body(), 'row').filter(
    (row) => (row as HTMLTableRowElement).cells[2]?.textContent === name,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('LaunchTemplatesView', () => {
  it('creates a template from the basics, lists it and shows its versions', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateKeyPair', { KeyName: 'lab-key', KeyType: 'ed25519' });
    const [group] = lab.ec2('DescribeSecurityGroups', {}).SecurityGroups!;
    const imageId = imageOf(lab);
    const { bridge } = await mountLab(Page, { lab });
    expect(getByRole(body(), 'columnheader', 'Launch template name')).toBeTruthy();
    expect(body().textContent).toContain('No launch templates in this Region');

    await click(getByRole(body(), 'button', 'Create launch template'));
    const dialog = getByRole(body(), 'dialog', 'Create launch template');
    await type(dialog, 'Launch template name', 'bad name');
    await click(getByRole(dialog, 'button', 'Create launch template'));
    expect(getByRole(dialog, 'alert').textContent).toContain('Enter 3 to 128 characters');
    expect(bridge.inputsOf('CreateLaunchTemplate')).toEqual([]);

    await type(dialog, 'Launch template name', 'web-server');
    await type(dialog, 'Template version description', 'first');
    await choose(dialog, 'Amazon Machine Image (AMI)', imageId);
    await choose(dialog, 'Instance type', 't3.micro');
    await choose(dialog, 'Key pair (login)', 'lab-key');
    await click(getByRole(dialog, 'checkbox', new RegExp(group!.GroupId!)));
    await click(getByRole(dialog, 'button', 'Create launch template'));

    expect(bridge.inputsOf('CreateLaunchTemplate')).toEqual([
      {
        LaunchTemplateName: 'web-server',
        VersionDescription: 'first',
        LaunchTemplateData: {
          ImageId: imageId,
          InstanceType: 't3.micro',
          KeyName: 'lab-key',
          SecurityGroupIds: [group!.GroupId],
        },
      },
    ]);
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
    expect(body().textContent).toContain('Successfully created launch template web-server.');
    const [template] = lab.ec2('DescribeLaunchTemplates', {}).LaunchTemplates!;
    const row = rowOf('web-server');
    expect(row.textContent).toContain(template!.LaunchTemplateId);
    // The new template is selected, its versions shown.
    const versions = getByRole(body(), 'region', 'Versions');
    expect(versions.textContent).toContain(imageId);
    expect(versions.textContent).toContain('lab-key');
    expect(versions.textContent).toContain('first');
  });

  it('sets the default version and deletes the template', async () => {
    const lab = createEngineLab();
    const id = lab.ec2('CreateLaunchTemplate', {
      LaunchTemplateName: 'app',
      LaunchTemplateData: { ImageId: imageOf(lab), InstanceType: 't3.micro' },
    }).LaunchTemplate!.LaunchTemplateId!;
    lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '1',
      VersionDescription: 'small',
      LaunchTemplateData: { InstanceType: 't3.small' },
    });
    const { bridge } = await mountLab(Page, { lab });
    await click(rowOf('app'));
    await click(getByRole(body(), 'button', 'Actions'));
    await click(getByRole(body(), 'menuitem', 'Set default version'));
    const dialog = getByRole(body(), 'dialog', 'Set default version');
    await choose(dialog, 'Template version', '2');
    await click(getByRole(dialog, 'button', 'Set default version'));
    expect(bridge.inputsOf('ModifyLaunchTemplate')).toEqual([{ LaunchTemplateId: id, DefaultVersion: '2' }]);
    expect(lab.ec2('DescribeLaunchTemplates', {}).LaunchTemplates![0]!.DefaultVersionNumber).toBe(2);
    expect((rowOf('app') as HTMLTableRowElement).cells[3]!.textContent).toBe('2');
    expect(body().textContent).toContain('Version 2 is now the default version of app.');

    await click(getByRole(body(), 'button', 'Actions'));
    await click(getByRole(body(), 'menuitem', 'Delete template'));
    await click(getByRole(getByRole(body(), 'dialog', 'Delete launch template?'), 'button', 'Delete template'));
    expect(bridge.inputsOf('DeleteLaunchTemplate')).toEqual([{ LaunchTemplateId: id }]);
    expect(lab.ec2('DescribeLaunchTemplates', {}).LaunchTemplates).toEqual([]);
    expect(body().textContent).toContain('No launch templates in this Region');
  });

  it('speaks Korean', async () => {
    await mountLab(Page, { locale: 'ko' });
    expect(getByRole(body(), 'button', '시작 템플릿 생성')).toBeTruthy();
    expect(body().textContent).toContain('이 리전에 시작 템플릿이 없습니다');
  });
});

describe('LaunchFromTemplateView', () => {
  it('launches the chosen version of a template, the count asked for, tagged by AWS', async () => {
    const lab = createEngineLab();
    const id = lab.ec2('CreateLaunchTemplate', {
      LaunchTemplateName: 'app',
      LaunchTemplateData: { ImageId: imageOf(lab), InstanceType: 't3.micro' },
    }).LaunchTemplate!.LaunchTemplateId!;
    lab.ec2('CreateLaunchTemplateVersion', {
      LaunchTemplateId: id,
      SourceVersion: '1',
      LaunchTemplateData: { InstanceType: 't3.small' },
    });
    location.hash = `#/launch-from-template/${id}`;
    const { bridge } = await mountLab(LaunchPage, { lab });
    const contents = () => getByRole(body(), 'region', 'Launch template contents');
    expect(contents().textContent).toContain('t3.micro');
    expect(contents().textContent).toContain('Not included in launch template');
    await choose(body(), 'Source template version', '2');
    expect(contents().textContent).toContain('t3.small');
    const count = getByRole(body(), 'spinbutton', 'Number of instances') as HTMLInputElement;
    count.value = '2';
    count.dispatchEvent(new Event('input'));
    await flushPromises();
    await click(getByRole(body(), 'button', 'Launch instance'));

    expect(bridge.inputsOf('RunInstances')).toEqual([
      { MinCount: 2, MaxCount: 2, LaunchTemplate: { LaunchTemplateId: id, Version: '2' } },
    ]);
    const instances = lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
    expect(instances.map((i) => i.InstanceType)).toEqual(['t3.small', 't3.small']);
    expect(instances[0]!.Tags).toContainEqual({ Key: 'aws:ec2launchtemplate:version', Value: '2' });
    expect(location.hash).toBe('#/instances');
    expect(body().textContent).toContain('Successfully initiated launch of instances');
  });

  it('answers when the region has no template', async () => {
    location.hash = '#/launch-from-template';
    await mountLab(LaunchPage);
    expect(body().textContent).toContain('There are no launch templates in this Region yet.');
    expect((getByRole(body(), 'button', 'Launch instance') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows AWS refusals in the page', async () => {
    const lab = createEngineLab();
    lab.ec2('CreateLaunchTemplate', {
      LaunchTemplateName: 'no-image',
      LaunchTemplateData: { InstanceType: 't3.micro' },
    });
    location.hash = '#/launch-from-template';
    await mountLab(LaunchPage, { lab });
    await click(getByRole(body(), 'button', 'Launch instance'));
    expect(
      queryAllByRole(body(), 'alert')
        .map((alert) => alert.textContent)
        .join(' '),
    ).toContain('MissingParameter: The request must contain the parameter ImageId');
  });
});

describe('an instance launched from a template', () => {
  it("lists AWS's aws:ec2launchtemplate tags, and Manage tags edits only the user's own", async () => {
    const lab = createEngineLab();
    lab.ec2('CreateLaunchTemplate', {
      LaunchTemplateName: 'app',
      LaunchTemplateData: { ImageId: imageOf(lab), InstanceType: 't3.micro' },
    });
    const [instance] = lab.ec2('RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateName: 'app' },
    }).Instances!;
    const id = instance!.InstanceId!;
    location.hash = `#/instances/${id}`;
    const { bridge } = await mountLab(
      defineComponent(() => () => h('div', [h(FlashBanners), h(InstancesView)])),
      { lab },
    );
    await click(getByRole(body(), 'row', new RegExp(id)).querySelectorAll('td')[1] as HTMLElement);
    await click(getByRole(body(), 'tab', 'Tags'));
    expect(getByRole(body(), 'cell', 'aws:ec2launchtemplate:version')).toBeTruthy();
    await click(getByRole(body(), 'button', 'Manage tags'));
    await click(getByRole(body(), 'button', 'Add new tag'));
    await type(body(), 'Key 1', 'env');
    await type(body(), 'Value 1', 'lab');
    await click(getByRole(body(), 'button', 'Save'));
    expect(bridge.inputsOf('CreateTags')).toEqual([{ Resources: [id], Tags: [{ Key: 'env', Value: 'lab' }] }]);
    expect(bridge.inputsOf('DeleteTags')).toEqual([]);
    expect(
      lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!.Tags!.map((t) => t.Key),
    ).toEqual(['aws:ec2launchtemplate:id', 'aws:ec2launchtemplate:version', 'env']);
  });
});
