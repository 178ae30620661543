// @vitest-environment happy-dom
import { CURRENT_SCHEMA_VERSION } from '../../electron/engine/state/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enableAutoUnmount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import SettingsView from './SettingsView.vue';
import FlashBanners from '../components/shell/FlashBanners.vue';
import { createEngineLab } from '../testing/engine-lab';
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
    // The in-memory store says where it keeps the state, as the SQLite store names its file.
    expect(body().textContent).toContain(':memory:');
    expect(body().textContent).toContain('Schema version');
  });

  it('resets only after the word is typed', async () => {
    const lab = createEngineLab();
    const launched = lab.launch().InstanceId!;
    const { bridge } = await mountLab(Page, { lab });
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
    expect(lab.ec2('DescribeInstances', {}).Reservations).toEqual([]);
    expect(launched).toMatch(/^i-/);
  });

  it('downloads the export as a file', async () => {
    const lab = createEngineLab();
    lab.launch();
    const createObjectURL = vi.fn(() => 'blob:lab');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      await mountLab(Page, { lab });
      await click(getByRole(body(), 'button', 'Export lab'));
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked.map((link) => link.download)).toEqual(['ec2-lab-20250501T100000.json']);
    const content = await (createObjectURL.mock.calls[0] as unknown as [Blob])[0].text();
    // The file is what the engine exports, and imports back as the same lab.
    expect(JSON.parse(content)).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION });
    const copy = createEngineLab({ seed: 99 });
    copy.lab('ImportLab', { content });
    expect(copy.ec2('DescribeInstances', {})).toEqual(lab.ec2('DescribeInstances', {}));
  });

  it('imports a chosen file after confirmation and shows the engine error if it is invalid', async () => {
    const { bridge, wrapper, lab } = await mountLab(Page);
    const input = wrapper.find('input[type="file"]');
    const file = new File(['not json'], 'lab.json', { type: 'application/json' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    const dialog = getByRole(body(), 'dialog', 'Import lab?');
    expect(dialog.textContent).toContain('lab.json');
    await click(getByRole(dialog, 'button', 'Import'));
    expect(bridge.inputsOf('ImportLab')).toEqual([{ content: 'not json' }]);
    const refusal = lab.engine.dispatch({ service: 'lab', operation: 'ImportLab', input: { content: 'not json' } });
    expect(refusal.ok).toBe(false);
    if (refusal.ok) return;
    const alert = getByText(body(), 'alert', new RegExp(refusal.error.code));
    expect(alert.textContent).toContain(`${refusal.error.code}: ${refusal.error.message}`);
  });

  it('turns the SSH server off and on with its switch', async () => {
    const lab = createEngineLab();
    let enabled = true;
    const calls: boolean[] = [];
    const provider = {
      access: () => ({ Available: true, Enabled: enabled, Listeners: [], Config: '' }),
      setEnabled(next: boolean) {
        calls.push(next);
        enabled = next;
        lab.shells.terminals.setSshAccessProvider(provider); // the server announces its new state
      },
    };
    lab.shells.terminals.setSshAccessProvider(provider);
    try {
      await mountLab(Page, { lab });
      const toggle = getByRole(body(), 'switch', 'SSH server') as HTMLInputElement;
      expect(toggle.checked).toBe(true);
      expect(toggle.disabled).toBe(false);
      await click(toggle);
      expect(calls).toEqual([false]);
      expect(toggle.checked).toBe(false);
      expect(body().textContent).toContain('Off');
      await click(toggle);
      expect(calls).toEqual([false, true]);
      expect(toggle.checked).toBe(true);
    } finally {
      lab.shells.close();
    }
  });

  it('disables the SSH server switch where this host runs no SSH server', async () => {
    const lab = createEngineLab();
    try {
      await mountLab(Page, { lab });
      const toggle = getByRole(body(), 'switch', 'SSH server') as HTMLInputElement;
      expect(toggle.disabled).toBe(true);
      expect(body().textContent).toContain('offered by the EC2 Lab desktop app and browser mode only');
    } finally {
      lab.shells.close();
    }
  });
});
