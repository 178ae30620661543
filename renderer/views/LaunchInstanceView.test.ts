// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import LaunchInstanceView from './LaunchInstanceView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole, queryAllByText } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(LaunchInstanceView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/launch';
});

async function choose(name: string, value: string): Promise<void> {
  const select = getByRole(body(), 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function type(role: string, name: string, value: string): Promise<void> {
  const input = getByRole(body(), role, name) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

function options(name: string): string[] {
  return [...(getByRole(body(), 'combobox', name) as HTMLSelectElement).options].map((option) => option.value);
}

const sorted = (values: string[]) => [...values].sort();

/** The default VPC's subnet in `zone`, as the Subnet list offers it. */
const defaultSubnetIn = (lab: ReturnType<typeof createEngineLab>, zone: string) =>
  lab.ec2('DescribeSubnets', {
    Filters: [
      { Name: 'availability-zone', Values: [zone] },
      { Name: 'default-for-az', Values: ['true'] },
    ],
  }).Subnets![0]!.SubnetId!;

async function launch(): Promise<void> {
  getByRole(body(), 'button', 'Launch instance').click();
  await flushPromises();
}

describe('LaunchInstanceView', () => {
  it('starts from Amazon Linux on a free-tier type with the AMI size as root volume', async () => {
    const { lab } = await mountLab(Page);
    const image = lab.quickStart('amazon-linux');
    expect((getByRole(body(), 'radio', 'Amazon Linux') as HTMLInputElement).checked).toBe(true);
    expect(options('Architecture')).toEqual(['x86_64', 'arm64']);
    expect(body().textContent).toContain(image.ImageId);
    expect(body().textContent).toContain('Free tier eligible');
    expect((getByRole(body(), 'combobox', 'Instance type') as HTMLSelectElement).value).toBe('t3.micro');
    expect((getByRole(body(), 'spinbutton', 'Root volume size (GiB)') as HTMLInputElement).value).toBe(
      String(image.RootVolumeSizeGiB),
    );
    const prices = lab.lab('DescribePrices', { Region: lab.region });
    expect(body().textContent).toContain(`Prices are approximate, as of ${prices.AsOf}.`);
    expect(getByRole(body(), 'combobox', 'Key pair name').textContent).toContain(
      'Proceed without a key pair (Not recommended)',
    );
  });

  it('lists only instance types of the AMI architecture, and mac types only for macOS', async () => {
    const { lab } = await mountLab(Page);
    expect(sorted(options('Instance type'))).toEqual(lab.offeredTypes('x86_64'));
    expect(options('Instance type')).toContain('m5.large');
    expect(options('Instance type')).not.toContain('t4g.micro');
    await choose('Architecture', 'arm64');
    expect(sorted(options('Instance type'))).toEqual(lab.offeredTypes('arm64'));
    expect(options('Instance type')).toContain('t4g.micro');
    getByRole(body(), 'radio', 'macOS').click();
    await flushPromises();
    const mac = lab.quickStart('macos', 'x86_64_mac');
    expect(body().textContent).toContain(mac.ImageId);
    expect(sorted(options('Instance type'))).toEqual(lab.offeredTypes('x86_64_mac'));
    expect(options('Instance type').every((type) => type.startsWith('mac'))).toBe(true);
  });

  it('offers only types available in the chosen Availability Zone', async () => {
    const { lab } = await mountLab(Page);
    const zones = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones!.map((zone) => zone.ZoneName!);
    // A zone that lacks some type the region offers elsewhere.
    const zone = zones.find((name) => lab.offeredTypes('x86_64', name).length < lab.offeredTypes('x86_64').length)!;
    expect(zone).toBeTruthy();
    await choose('Subnet', defaultSubnetIn(lab, zone));
    expect(sorted(options('Instance type'))).toEqual(lab.offeredTypes('x86_64', zone));
  });

  it('offers hibernation only for types that support it, and encrypts the root volume for it', async () => {
    const { lab } = await mountLab(Page);
    const unsupported = lab
      .ec2('DescribeInstanceTypes', {})
      .InstanceTypes!.find(
        (info) => !info.HibernationSupported && options('Instance type').includes(String(info.InstanceType)),
      )!.InstanceType!;
    expect(getByRole(body(), 'combobox', 'Stop - Hibernate behavior')).toBeTruthy();
    await choose('Stop - Hibernate behavior', 'enable');
    const encrypted = getByRole(body(), 'checkbox', 'Encrypted') as HTMLInputElement;
    expect(encrypted.checked).toBe(true);
    expect(encrypted.disabled).toBe(true);
    expect(body().textContent).toContain('so the root volume must be encrypted');

    await choose('Instance type', unsupported);
    expect(queryAllByRole(body(), 'combobox', 'Stop - Hibernate behavior')).toHaveLength(0);
    expect(body().textContent).toContain(`Hibernation is not supported for ${unsupported}.`);
  });

  it('rejects a hibernating instance whose root volume cannot hold its memory', async () => {
    const { bridge } = await mountLab(Page);
    await choose('Instance type', 'm5.large');
    await choose('Stop - Hibernate behavior', 'enable');
    await launch();
    // The AMI's 8 GiB and m5.large's 8 GiB of RAM: the engine's rule, shared with the console.
    expect(getByText(body(), 'alert', /must hold the AMI and the whole memory: at least 16 GiB/)).toBeTruthy();
    expect(bridge.inputsOf('RunInstances')).toHaveLength(0);
    await type('spinbutton', 'Root volume size (GiB)', '15');
    expect(getByText(body(), 'alert', /at least 16 GiB/)).toBeTruthy();
    await type('spinbutton', 'Root volume size (GiB)', '16');
    expect(queryAllByText(body(), 'alert', /the whole memory/)).toHaveLength(0);
  });

  it('validates the number of instances, the root size and the name', async () => {
    const { bridge } = await mountLab(Page);
    await type('spinbutton', 'Number of instances', '0');
    expect(getByText(body(), 'alert', /^Enter a whole number from 1 to 20\.$/)).toBeTruthy();
    await type('spinbutton', 'Number of instances', '21');
    expect(getByText(body(), 'alert', /^Enter a whole number from 1 to 20\.$/)).toBeTruthy();
    await type('spinbutton', 'Root volume size (GiB)', '4');
    expect(getByText(body(), 'alert', /at least 8 GiB/)).toBeTruthy();
    await type('spinbutton', 'Root volume size (GiB)', '16385');
    expect(getByText(body(), 'alert', /^The root volume can be at most 16384 GiB\.$/)).toBeTruthy();
    await type('textbox', 'Name', 'x'.repeat(257));
    expect(getByText(body(), 'alert', /^The name can have up to 256 characters\.$/)).toBeTruthy();
    await launch();
    expect(bridge.inputsOf('RunInstances')).toHaveLength(0);
  });

  it('sends RunInstances with the choices and shows the launch banner', async () => {
    const { bridge, lab } = await mountLab(Page);
    const image = lab.quickStart('amazon-linux');
    const zone = lab.ec2('DescribeAvailabilityZones', {}).AvailabilityZones![0]!.ZoneName!;
    const price = lab.lab('DescribePrices', { Region: lab.region }).Prices.find((p) => p.InstanceType === 'm5.large')!;
    await type('textbox', 'Name', 'web-1');
    await choose('Instance type', 'm5.large');
    const subnetId = defaultSubnetIn(lab, zone);
    await choose('Subnet', subnetId);
    await type('spinbutton', 'Root volume size (GiB)', '30');
    await choose('Shutdown behavior', 'terminate');
    await choose('Termination protection', 'enable');
    await choose('Stop - Hibernate behavior', 'enable');
    await type('textbox', 'User data', '#!/bin/bash\necho héllo');
    for (const invalid of ['-3', '2.5', '21']) {
      await type('spinbutton', 'Number of instances', invalid);
      expect(body().textContent?.replace(/\s+/g, ' ')).not.toContain(`× ${invalid} =`);
    }
    await type('spinbutton', 'Number of instances', '2');
    expect(body().textContent?.replace(/\s+/g, ' ')).toContain(
      `${price.UsdPerHour.toFixed(4)} USD per Hour × 2 = ${(price.UsdPerHour * 2).toFixed(4)} USD per Hour`,
    );
    await launch();

    // The firewall's default: a new launch-wizard-1 group, made before the launch.
    const wizardGroup = lab.ec2('DescribeSecurityGroups', {
      Filters: [{ Name: 'group-name', Values: ['launch-wizard-1'] }],
    }).SecurityGroups![0]!.GroupId!;
    expect(bridge.inputsOf('RunInstances')).toEqual([
      {
        ImageId: image.ImageId,
        InstanceType: 'm5.large',
        MinCount: 2,
        MaxCount: 2,
        InstanceInitiatedShutdownBehavior: 'terminate',
        DisableApiTermination: true,
        DisableApiStop: false,
        BlockDeviceMappings: [
          {
            DeviceName: image.RootDeviceName,
            Ebs: { VolumeSize: 30, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
          },
        ],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
        // The network as the console sends it: the primary interface's specification.
        NetworkInterfaces: [
          { DeviceIndex: 0, SubnetId: subnetId, AssociatePublicIpAddress: true, Groups: [wizardGroup] },
        ],
        HibernationOptions: { Configured: true },
        UserData: btoa(String.fromCharCode(...new TextEncoder().encode('#!/bin/bash\necho héllo'))),
        // One idempotency token per visit of the wizard: a repeated submit cannot launch twice.
        ClientToken: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      },
    ]);
    // The engine launched both, as asked.
    const launched = lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
    expect(
      launched.map((i) => [i.InstanceType, i.Placement?.AvailabilityZone, i.HibernationOptions?.Configured]),
    ).toEqual([
      ['m5.large', zone, true],
      ['m5.large', zone, true],
    ]);
    const ids = launched.map((i) => i.InstanceId!);
    const banner = getByText(body(), 'status', /Successfully initiated launch of instances/);
    expect(banner.textContent).toContain(`Successfully initiated launch of instances (${ids.join(', ')})`);
    for (const id of ids) expect(getByRole(banner, 'link', id).getAttribute('href')).toBe(`#/instances/${id}`);
    expect(location.hash).toBe('#/instances');
    getByRole(banner, 'button', 'Show CLI command').click();
    await flushPromises();
    const command = banner.querySelector('pre')?.textContent ?? '';
    expect(command).toMatch(new RegExp(`^aws ec2 run-instances --region ${lab.region} --image-id ${image.ImageId} `));
    expect(command).toContain("--user-data '#!/bin/bash\necho héllo'");
  });

  it('opens the new instance when one was launched', async () => {
    const { lab } = await mountLab(Page);
    await launch();
    const [launched] = lab.ec2('DescribeInstances', {}).Reservations!.flatMap((r) => r.Instances!);
    const banner = getByText(body(), 'status', /Successfully initiated launch of instance/);
    expect(banner.textContent).toContain(`Successfully initiated launch of instance (${launched!.InstanceId})`);
    expect(location.hash).toBe(`#/instances/${launched!.InstanceId}`);
  });

  it("shows the engine's error when RunInstances fails", async () => {
    const lab = createEngineLab();
    lab.bridge.fail(
      'RunInstances',
      'InvalidParameterCombination',
      'The instance type m5.large is not supported in ap-northeast-2b.',
    );
    await mountLab(Page, { lab });
    await launch();
    const alerts = queryAllByText(body(), 'alert', /InvalidParameterCombination: The instance type m5.large/);
    expect(alerts.length).toBeGreaterThan(0);
    expect(location.hash).toBe('#/launch');
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
  });
});
