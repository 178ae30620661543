// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import SettingsView from './SettingsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createWorld } from '../testing/fixtures';
import { flushPromises, mountLab } from '../testing/mount-lab';
import { getByRole, getByText, queryAllByRole } from '../testing/queries';

enableAutoUnmount(afterEach);
const Page = defineComponent(() => () => h('div', [h(FlashBanners), h(SettingsView)]));
const body = () => document.body;

async function click(element: HTMLElement): Promise<void> {
  element.click();
  await flushPromises();
}

describe('SettingsView', () => {
  it('shows where the lab keeps its data', async () => {
    await mountLab(Page);
    expect(body().textContent).toContain('/home/learner/.config/EC2 Lab');
    expect(body().textContent).toContain('/home/learner/.config/EC2 Lab/lab.sqlite');
    expect(body().textContent).toContain('Schema version');
  });

  it('resets only after the word is typed', async () => {
    const world = createWorld();
    world.bridge.handle('ResetLab', () => world.status);
    const { bridge } = await mountLab(Page, { world });
    await click(getByRole(body(), 'button', 'Reset lab'));
    const dialog = getByRole(body(), 'dialog', 'Reset lab?');
    const confirm = getByRole(dialog, 'button', 'Reset') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const input = getByRole(dialog, 'textbox', 'To confirm, type "reset"') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    input.value = 'reset';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    await click(confirm);
    expect(bridge.inputsOf('ResetLab')).toHaveLength(1);
    expect(getByText(body(), 'status', /The lab was reset\./)).toBeTruthy();
    expect(queryAllByRole(body(), 'dialog')).toHaveLength(0);
  });

  it('downloads the export as a file', async () => {
    const world = createWorld();
    world.bridge.handle('ExportLab', () => ({ fileName: 'ec2-lab-2025-05-01.json', content: '{"schemaVersion":1}' }));
    const createObjectURL = vi.fn(() => 'blob:lab');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      await mountLab(Page, { world });
      await click(getByRole(body(), 'button', 'Export lab'));
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked.map((link) => link.download)).toEqual(['ec2-lab-2025-05-01.json']);
    expect(await (createObjectURL.mock.calls[0] as unknown as [Blob])[0].text()).toBe('{"schemaVersion":1}');
  });

  it('imports a chosen file after confirmation and shows the engine error if it is invalid', async () => {
    const world = createWorld();
    world.bridge.fail('ImportLab', 'InvalidLabFile', 'The file is not an EC2 Lab export.');
    const { bridge, wrapper } = await mountLab(Page, { world });
    const input = wrapper.find('input[type="file"]');
    const file = new File(['not json'], 'lab.json', { type: 'application/json' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    const dialog = getByRole(body(), 'dialog', 'Import lab?');
    expect(dialog.textContent).toContain('lab.json');
    await click(getByRole(dialog, 'button', 'Import'));
    expect(bridge.inputsOf('ImportLab')).toEqual([{ content: 'not json' }]);
    expect(getByText(body(), 'alert', /InvalidLabFile: The file is not an EC2 Lab export\./)).toBeTruthy();
  });
});
