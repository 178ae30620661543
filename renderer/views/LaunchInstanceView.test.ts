// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import type { RunInstancesRequest } from '@aws-sdk/client-ec2';
import { defineComponent, h } from 'vue';
import LaunchInstanceView from './LaunchInstanceView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createWorld, instance } from '../testing/fixtures';
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

async function launch(): Promise<void> {
  getByRole(body(), 'button', 'Launch instance').click();
  await flushPromises();
}

describe('LaunchInstanceView', () => {
  it('starts from Amazon Linux on a free-tier type with the AMI size as root volume', async () => {
    await mountLab(Page);
    expect((getByRole(body(), 'radio', 'Amazon Linux') as HTMLInputElement).checked).toBe(true);
    expect(options('Architecture')).toEqual(['x86_64', 'arm64']);
    expect(body().textContent).toContain('ami-0a1b2c3d4e5f60718');
    expect(body().textContent).toContain('Free tier eligible');
    expect((getByRole(body(), 'combobox', 'Instance type') as HTMLSelectElement).value).toBe('t3.micro');
    expect((getByRole(body(), 'spinbutton', 'Root volume size (GiB)') as HTMLInputElement).value).toBe('8');
    expect(body().textContent).toContain('Prices are approximate, as of 2025-06-01.');
    expect(getByRole(body(), 'combobox', 'Key pair name').textContent).toContain(
      'Proceed without a key pair (Not recommended)',
    );
  });

  it('lists only instance types of the AMI architecture, and mac types only for macOS', async () => {
    await mountLab(Page);
    expect(options('Instance type')).toEqual(['c5d.large', 'm5.large', 't3.micro']);
    await choose('Architecture', 'arm64');
    expect(options('Instance type')).toEqual(['t4g.micro']);
    getByRole(body(), 'radio', 'macOS').click();
    await flushPromises();
    expect(options('Instance type')).toEqual(['mac2.metal']);
  });

  it('offers only types available in the chosen Availability Zone', async () => {
    await mountLab(Page);
    await choose('Subnet', 'ap-northeast-2b');
    expect(options('Instance type')).toEqual(['c5d.large', 't3.micro']);
  });

  it('offers hibernation only for types that support it, and encrypts the root volume for it', async () => {
    await mountLab(Page);
    expect(getByRole(body(), 'combobox', 'Stop - Hibernate behavior')).toBeTruthy();
    await choose('Stop - Hibernate behavior', 'enable');
    const encrypted = getByRole(body(), 'checkbox', 'Encrypted') as HTMLInputElement;
    expect(encrypted.checked).toBe(true);
    expect(encrypted.disabled).toBe(true);
    expect(body().textContent).toContain('so the root volume must be encrypted');

    await choose('Instance type', 'c5d.large');
    expect(queryAllByRole(body(), 'combobox', 'Stop - Hibernate behavior')).toHaveLength(0);
    expect(body().textContent).toContain('Hibernation is not supported for c5d.large.');
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
    const world = createWorld();
    world.bridge.handle('RunInstances', (input: RunInstancesRequest) => ({
      ReservationId: 'r-0123456789abcdef0',
      Instances: [instance('i-0123456789abcdef0', 'pending', { InstanceType: input.InstanceType })],
    }));
    const { bridge } = await mountLab(Page, { world });
    await type('textbox', 'Name', 'web-1');
    await choose('Instance type', 'm5.large');
    await choose('Subnet', 'ap-northeast-2a');
    await type('spinbutton', 'Root volume size (GiB)', '30');
    await choose('Shutdown behavior', 'terminate');
    await choose('Termination protection', 'enable');
    await choose('Stop - Hibernate behavior', 'enable');
    await type('textbox', 'User data', '#!/bin/bash\necho héllo');
    await type('spinbutton', 'Number of instances', '2');
    expect(body().textContent?.replace(/\s+/g, ' ')).toContain('0.1180 USD per Hour × 2 = 0.2360 USD per Hour');
    await launch();

    expect(bridge.inputsOf('RunInstances')).toEqual([
      {
        ImageId: 'ami-0a1b2c3d4e5f60718',
        InstanceType: 'm5.large',
        MinCount: 2,
        MaxCount: 2,
        InstanceInitiatedShutdownBehavior: 'terminate',
        DisableApiTermination: true,
        DisableApiStop: false,
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { VolumeSize: 30, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
          },
        ],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
        Placement: { AvailabilityZone: 'ap-northeast-2a' },
        HibernationOptions: { Configured: true },
        UserData: btoa(String.fromCharCode(...new TextEncoder().encode('#!/bin/bash\necho héllo'))),
      },
    ]);
    const banner = getByText(body(), 'status', /Successfully initiated launch of instance/);
    expect(banner.textContent).toContain('Successfully initiated launch of instance (i-0123456789abcdef0)');
    expect(getByRole(banner, 'link', 'i-0123456789abcdef0').getAttribute('href')).toBe(
      '#/instances/i-0123456789abcdef0',
    );
    expect(location.hash).toBe('#/instances/i-0123456789abcdef0');
    getByRole(banner, 'button', 'Show CLI command').click();
    await flushPromises();
    const command = banner.querySelector('pre')?.textContent ?? '';
    expect(command).toMatch(/^aws ec2 run-instances --region ap-northeast-2 --image-id ami-0a1b2c3d4e5f60718 /);
    expect(command).toContain("--user-data '#!/bin/bash\necho héllo'");
  });

  it("shows the engine's error when RunInstances fails", async () => {
    const world = createWorld();
    world.bridge.fail(
      'RunInstances',
      'InvalidParameterCombination',
      'The instance type m5.large is not supported in ap-northeast-2b.',
    );
    await mountLab(Page, { world });
    await launch();
    const alerts = queryAllByText(body(), 'alert', /InvalidParameterCombination: The instance type m5.large/);
    expect(alerts.length).toBeGreaterThan(0);
    expect(location.hash).toBe('#/launch');
  });
});
