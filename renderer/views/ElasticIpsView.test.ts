// @vitest-environment happy-dom
// The Elastic IPs page against a real engine: allocate with a Name tag, associate with an instance
// (its auto-assigned address replaced), release refused while associated, disassociate, release; Korean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import ElasticIpsView from './ElasticIpsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(ElasticIpsView)]));
const body = () => document.body;

beforeEach(() => {
  location.hash = '#/elastic-ips';
});

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

async function choose(root: HTMLElement, name: string, value: string): Promise<void> {
  const select = getByRole(root, 'combobox', name) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function action(item: string): Promise<HTMLElement> {
  await click(getByRole(body(), 'button', 'Actions'));
  await click(getByRole(getByRole(body(), 'menu'), 'menuitem', item));
  return getByRole(body(), 'dialog');
}

const menuItem = async (item: string) => {
  await click(getByRole(body(), 'button', 'Actions'));
  const found = getByRole(getByRole(body(), 'menu'), 'menuitem', item);
  await click(getByRole(body(), 'button', 'Actions'));
  return found;
};

describe('ElasticIpsView', () => {
  it('allocates, associates with an instance, and releases only once disassociated', async () => {
    const lab = createEngineLab();
    const instance = lab.launch();
    lab.waitFor(instance.InstanceId!, 'running');
    const { bridge } = await mountLab(Page, { lab });

    await click(getByRole(body(), 'button', 'Allocate Elastic IP address'));
    const allocate = getByRole(body(), 'dialog', 'Allocate Elastic IP address');
    expect(allocate.textContent).toContain('ap-northeast-2');
    const name = getByRole(allocate, 'textbox', 'Name tag - optional') as HTMLInputElement;
    name.value = 'web';
    name.dispatchEvent(new Event('input'));
    await click(getByRole(allocate, 'button', 'Allocate'));
    expect(bridge.inputsOf('AllocateAddress')).toEqual([
      { Domain: 'vpc', TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'web' }] }] },
    ]);
    const [address] = lab.ec2('DescribeAddresses', {}).Addresses!;
    const row = getByRole(body(), 'row', new RegExp(address!.AllocationId!));
    expect(row.textContent).toContain(address!.PublicIp);
    expect(row.textContent).toContain('web');
    expect(body().textContent).toContain(`Elastic IP address ${address!.PublicIp} allocated.`);
    // The new address is selected: associate it with the instance.
    const associate = await action('Associate Elastic IP address');
    await choose(associate, 'Instance', instance.InstanceId!);
    await click(getByRole(associate, 'button', 'Associate'));
    expect(bridge.inputsOf('AssociateAddress')).toEqual([
      { AllocationId: address!.AllocationId, InstanceId: instance.InstanceId },
    ]);
    expect(lab.instance(instance.InstanceId!).PublicIpAddress).toBe(address!.PublicIp);
    expect(getByRole(body(), 'row', new RegExp(address!.AllocationId!)).textContent).toContain(instance.InstanceId);

    // An associated address cannot be released (InvalidIPAddress.InUse): the console does not offer it.
    expect(((await menuItem('Release Elastic IP addresses')) as HTMLButtonElement).disabled).toBe(true);
    const disassociate = await action('Disassociate Elastic IP address');
    expect(disassociate.textContent).toContain(`Disassociate ${address!.PublicIp} from ${instance.InstanceId}?`);
    await click(getByRole(disassociate, 'button', 'Disassociate'));
    expect(lab.ec2('DescribeAddresses', {}).Addresses![0]!.AssociationId).toBeUndefined();
    expect(lab.instance(instance.InstanceId!).PublicIpAddress).not.toBe(address!.PublicIp);

    const release = await action('Release Elastic IP addresses');
    await click(getByRole(release, 'button', 'Release'));
    expect(bridge.inputsOf('ReleaseAddress')).toEqual([{ AllocationId: address!.AllocationId }]);
    expect(lab.ec2('DescribeAddresses', {}).Addresses).toEqual([]);
    expect(getByRole(body(), 'table').textContent).toContain('No Elastic IP addresses in this Region');
  });

  it('shows AWS’s error when an association is refused, and changes nothing', async () => {
    const lab = createEngineLab();
    const first = lab.launch();
    const second = lab.launch();
    lab.waitFor(first.InstanceId!, 'running');
    lab.waitFor(second.InstanceId!, 'running');
    const eip = lab.ec2('AllocateAddress', {});
    lab.ec2('AssociateAddress', { AllocationId: eip.AllocationId, InstanceId: first.InstanceId });
    await mountLab(Page, { lab });
    await click(getByRole(body(), 'row', new RegExp(eip.AllocationId!)));
    const dialog = await action('Associate Elastic IP address');
    await choose(dialog, 'Instance', second.InstanceId!);
    await click(getByRole(dialog, 'button', 'Associate'));
    expect(body().textContent).toContain('Resource.AlreadyAssociated');
    expect(lab.instance(first.InstanceId!).PublicIpAddress).toBe(eip.PublicIp);
  });

  it('speaks Korean', async () => {
    await mountLab(Page, { locale: 'ko' });
    expect(getByRole(body(), 'button', '탄력적 IP 주소 할당')).toBeTruthy();
    expect(queryAllByRole(body(), 'columnheader', '할당된 IPv4 주소')).toHaveLength(1);
  });
});
