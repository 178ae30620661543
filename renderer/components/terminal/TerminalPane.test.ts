/**
 * The terminal pane with the top bar's Laptop terminal button, over the lab's real terminal sessions
 * (its shells in memory): opening the laptop tab, keys typed into xterm reaching the session as
 * they are, the session's output on the screen, "+" for a second tab, tab switching, closing, collapsing, resizing by
 * keyboard, and xterm disposed when a tab goes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import type { EngineLab } from '../../testing/engine-lab';
import { flushPromises, mountLab } from '../../testing/mount-lab';
import { settleUntil } from '../../testing/settle-until';
import { terminalScreen as screenText, typeKeys as type, useXtermLayout } from '../../testing/xterm-layout';
import TopBar from '../shell/TopBar.vue';
import TerminalPane from './TerminalPane.vue';

let lab: EngineLab;
let wrapper: VueWrapper;

const Console = defineComponent({ render: () => [h(TopBar), h(TerminalPane)] });

async function mountConsole(locale: 'en' | 'ko' = 'en') {
  ({ wrapper, lab } = await mountLab(Console, { locale }));
}

/** Opens the laptop tab from the top bar and waits for its prompt on the screen. */
async function openLaptop(): Promise<void> {
  await wrapper.get('button.top-bar__button').trigger('click');
  await settleUntil(() => !!activePanel() && screenText(activePanel()) === 'learner@laptop:~$', 'the prompt');
}

function activePanel(): Element {
  return [...document.querySelectorAll('[role="tabpanel"]')].find(
    (panel) => (panel as HTMLElement).style.display !== 'none',
  )!;
}

useXtermLayout();

beforeEach(() => mountConsole());
afterEach(() => {
  wrapper.unmount();
  lab.shells.close();
});

describe('terminal pane', () => {
  it('opens the laptop tab from the top bar and shows what the session prints', async () => {
    expect(document.querySelector('[role="tablist"]')).toBeNull();
    await openLaptop();
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.text())).toEqual(['Laptop×']);
    expect(tabs[0]!.attributes('aria-selected')).toBe('true');
    expect(lab.bridge.inputsOf('OpenTerminal')).toHaveLength(1);
    expect(screenText(activePanel())).toBe('learner@laptop:~$');

    // The same button again shows the tab that is there instead of opening another.
    await wrapper.get('button.top-bar__button').trigger('click');
    await flushPromises();
    expect(lab.bridge.inputsOf('OpenTerminal')).toHaveLength(1);
  });

  it('sends each key xterm produces as it is and shows the echo and output', async () => {
    await openLaptop();
    type(activePanel(), 'echo hello\r');
    await settleUntil(() => screenText(activePanel()).endsWith('hello\nlearner@laptop:~$'), 'the output');
    const sent = lab.bridge.inputsOf<{ Data: string }>('WriteTerminal').map((input) => input.Data);
    expect(sent.join('')).toBe('echo hello\r');
    expect(screenText(activePanel())).toBe('learner@laptop:~$ echo hello\nhello\nlearner@laptop:~$');
  });

  it('opens a second tab with +, switches, closes with × and with Delete, and disposes xterm', async () => {
    await openLaptop();
    await wrapper.get('button[aria-label="New laptop terminal"]').trigger('click');
    await settleUntil(() => document.querySelectorAll('.xterm').length === 2, 'a second terminal');
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.attributes('aria-selected'))).toEqual(['false', 'true']);
    expect(document.querySelectorAll('.xterm')).toHaveLength(2);

    await wrapper.findAll('[role="tab"]')[0]!.trigger('click');
    expect(wrapper.findAll('[role="tab"]')[0]!.attributes('aria-selected')).toBe('true');

    await wrapper.findAll('.terminal-pane__close')[1]!.trigger('click');
    await settleUntil(() => document.querySelectorAll('.xterm').length === 1, 'the tab to close');
    expect(lab.bridge.inputsOf('CloseTerminal')).toHaveLength(1);
    expect(wrapper.findAll('[role="tab"]')).toHaveLength(1);
    expect(document.querySelectorAll('.xterm')).toHaveLength(1);

    await wrapper.get('[role="tab"]').trigger('keydown', { key: 'Delete' });
    await settleUntil(() => document.querySelectorAll('.xterm').length === 0, 'the last tab to close');
    expect(lab.bridge.inputsOf('CloseTerminal')).toHaveLength(2);
    expect(wrapper.find('.terminal-pane').exists()).toBe(false);
    expect(document.querySelectorAll('.xterm')).toHaveLength(0);
  });

  it('collapses and expands, keeping the screen, refocuses from the top bar, and steps its height with the arrow keys', async () => {
    await openLaptop();
    const toggle = wrapper.get('.terminal-pane__toggle');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const handle = wrapper.get('[role="separator"]');
    const before = Number(handle.attributes('aria-valuenow'));
    await handle.trigger('keydown', { key: 'ArrowUp' });
    expect(Number(handle.attributes('aria-valuenow'))).toBe(before + 24);
    await handle.trigger('keydown', { key: 'ArrowDown' });
    await handle.trigger('keydown', { key: 'ArrowDown' });
    expect(Number(handle.attributes('aria-valuenow'))).toBe(before - 24);

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect((wrapper.get('.terminal-pane__body').element as HTMLElement).style.display).toBe('none');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(screenText(activePanel())).toBe('learner@laptop:~$');

    // Laptop terminal on a collapsed pane expands it and puts the keys in the terminal.
    await toggle.trigger('click');
    (document.activeElement as HTMLElement | null)?.blur();
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleUntil(() => document.activeElement === activePanel()?.querySelector('textarea'), 'the focus');
    expect(toggle.attributes('aria-expanded')).toBe('true');
  });

  it('speaks Korean', async () => {
    wrapper.unmount();
    await mountConsole('ko');
    await openLaptop();
    expect(wrapper.get('button.top-bar__button').text()).toBe('노트북 터미널');
    expect(wrapper.get('.terminal-pane').attributes('aria-label')).toBe('터미널');
    expect(wrapper.get('.terminal-pane__toggle').text()).toBe('접기');
    expect(wrapper.get('[role="tab"]').text()).toBe('노트북×');
    expect(wrapper.get('[role="tabpanel"] [role="region"]').attributes('aria-label')).toBe('터미널: 노트북');
  });
});
