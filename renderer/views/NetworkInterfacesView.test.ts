// @vitest-environment happy-dom
// The Network interfaces page against a real engine: every interface with the console's columns, an
// instance's primary interface and a second one attached later, and the selected interface's details.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import NetworkInterfacesView from './NetworkInterfacesView.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(NetworkInterfacesView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/network-interfaces';
});

describe('NetworkInterfacesView', () => {
  it('lists an instance’s interfaces and shows the selected one’s details', async () => {
    const lab = createEngineLab();
    const instance = lab.launch({ InstanceType: 't3.medium' });
    lab.waitFor(instance.InstanceId!, 'running');
    const primary = instance.NetworkInterfaces![0]!;
    const second = lab.ec2('CreateNetworkInterface', {
      SubnetId: instance.SubnetId,
      Description: 'second',
      TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'backend' }] }],
    }).NetworkInterface!;
    await mountLab(Page, { lab });
    for (const column of ['Network interface ID', 'Subnet ID', 'Instance ID', 'Public IPv4 address']) {
      expect(getByRole(body(), 'columnheader', column)).toBeTruthy();
    }
    const secondRow = getByRole(body(), 'row', new RegExp(second.NetworkInterfaceId!));
    expect(secondRow.textContent).toContain('backend');
    expect(secondRow.textContent).toContain('available');

    // Attached elsewhere, the page follows the engine's events.
    lab.ec2('AttachNetworkInterface', {
      NetworkInterfaceId: second.NetworkInterfaceId,
      InstanceId: instance.InstanceId,
      DeviceIndex: 1,
    });
    await flushPromises();
    expect(getByRole(body(), 'row', new RegExp(second.NetworkInterfaceId!)).textContent).toContain(instance.InstanceId);

    const row = getByRole(body(), 'row', new RegExp(primary.NetworkInterfaceId!));
    expect(row.textContent).toContain(instance.PublicIpAddress);
    expect(row.textContent).toContain(instance.PrivateIpAddress);
    row.click();
    await flushPromises();
    const details = getByRole(body(), 'region', `Network interface: ${primary.NetworkInterfaceId}`);
    expect(details.textContent).toContain(primary.MacAddress);
    expect(details.textContent).toContain(`${instance.InstanceId} at device index 0`);
    expect(details.textContent).toContain(instance.PrivateDnsName);
  });
});
