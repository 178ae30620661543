/**
 * The terminal pane with the top bar's Laptop terminal button: opening the laptop tab, keys typed
 * into xterm reaching the session as they are, the session's output on the screen (its
 * screen-reader rows), "+" for a second tab, tab switching, closing, collapsing, resizing by
 * keyboard, and xterm disposed when a tab goes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { setBridge } from '../../api/bridge';
import { createLabI18n } from '../../i18n';
import { FakeBridge } from '../../testing/fake-bridge';
import { FakeTerminals } from '../../testing/fake-terminals';
import { flushPromises } from '../../testing/mount-lab';
import TopBar from '../shell/TopBar.vue';
import TerminalPane from './TerminalPane.vue';

let bridge: FakeBridge;
let wrapper: VueWrapper;

const Console = defineComponent({ render: () => [h(TopBar), h(TerminalPane)] });

async function mountConsole(locale: 'en' | 'ko' = 'en') {
  bridge = new FakeBridge();
  new FakeTerminals(bridge);
  bridge.handle('DescribeRegions', () => ({ Regions: [] }));
  setBridge(bridge);
  const pinia = createPinia();
  setActivePinia(pinia);
  wrapper = mount(Console, { attachTo: document.body, global: { plugins: [pinia, createLabI18n(locale)] } });
  await flushPromises();
}

/**
 * The text of a terminal's screen, one line each, trailing blanks dropped: the DOM renderer's rows
 * (happy-dom does not run xterm's screen-reader refresh reliably; the e2e tests read those rows in
 * Chromium).
 */
function screenText(panel: Element): string {
  return [...panel.querySelectorAll('.xterm-rows > div')]
    .map((row) => row.textContent?.replace(/\s+$/, '') ?? '')
    .join('\n')
    .trimEnd();
}

/** Waits for what the fake session printed to reach xterm and xterm to draw its rows. */
async function settleScreen(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

function type(panel: Element, text: string): void {
  const textarea = panel.querySelector('textarea')!;
  for (const key of text) {
    const code = key === '\r' ? 13 : key.charCodeAt(0);
    const init = { key: key === '\r' ? 'Enter' : key, keyCode: code, charCode: code, which: code, bubbles: true };
    textarea.dispatchEvent(new KeyboardEvent('keydown', init));
    if (key !== '\r') textarea.dispatchEvent(new KeyboardEvent('keypress', init));
  }
}

function activePanel(): Element {
  return [...document.querySelectorAll('[role="tabpanel"]')].find(
    (panel) => (panel as HTMLElement).style.display !== 'none',
  )!;
}

/**
 * happy-dom lays nothing out, so xterm would measure its cells as 0 × 0 and draw nothing: its
 * measuring span gets the size a 14px monospace font has in a browser (32 "W"s, 8px each, 17px high).
 */
const MEASURED: Record<'offsetWidth' | 'offsetHeight', number> = { offsetWidth: 32 * 8, offsetHeight: 17 };
const layout = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [property, value] of Object.entries(MEASURED)) {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property);
    layout.set(property, original);
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('xterm-char-measure-element') ? value : (original?.get?.call(this) ?? 0);
      },
    });
  }
});
afterAll(() => {
  for (const [property, original] of layout)
    if (original) Object.defineProperty(HTMLElement.prototype, property, original);
});

beforeEach(() => mountConsole());
afterEach(() => wrapper.unmount());

describe('terminal pane', () => {
  it('opens the laptop tab from the top bar and shows what the session prints', async () => {
    expect(document.querySelector('[role="tablist"]')).toBeNull();
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleScreen();
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.text())).toEqual(['Laptop×']);
    expect(tabs[0]!.attributes('aria-selected')).toBe('true');
    expect(bridge.inputsOf('OpenTerminal')).toHaveLength(1);
    expect(screenText(activePanel())).toBe('learner@laptop:~$');

    // The same button again shows the tab that is there instead of opening another.
    await wrapper.get('button.top-bar__button').trigger('click');
    await flushPromises();
    expect(bridge.inputsOf('OpenTerminal')).toHaveLength(1);
  });

  it('sends each key xterm produces as it is and shows the echo and output', async () => {
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleScreen();
    type(activePanel(), 'echo hello\r');
    await settleScreen();
    const sent = bridge.inputsOf<{ Data: string }>('WriteTerminal').map((input) => input.Data);
    expect(sent.join('')).toBe('echo hello\r');
    expect(screenText(activePanel())).toBe('learner@laptop:~$ echo hello\nhello\nlearner@laptop:~$');
  });

  it('opens a second tab with +, switches, closes with × and with Delete, and disposes xterm', async () => {
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleScreen();
    await wrapper.get('button[aria-label="New laptop terminal"]').trigger('click');
    await settleScreen();
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.attributes('aria-selected'))).toEqual(['false', 'true']);
    expect(document.querySelectorAll('.xterm')).toHaveLength(2);

    await wrapper.findAll('[role="tab"]')[0]!.trigger('click');
    expect(wrapper.findAll('[role="tab"]')[0]!.attributes('aria-selected')).toBe('true');

    await wrapper.findAll('.terminal-pane__close')[1]!.trigger('click');
    await settleScreen();
    expect(bridge.inputsOf('CloseTerminal')).toHaveLength(1);
    expect(wrapper.findAll('[role="tab"]')).toHaveLength(1);
    expect(document.querySelectorAll('.xterm')).toHaveLength(1);

    await wrapper.get('[role="tab"]').trigger('keydown', { key: 'Delete' });
    await settleScreen();
    expect(bridge.inputsOf('CloseTerminal')).toHaveLength(2);
    expect(wrapper.find('.terminal-pane').exists()).toBe(false);
    expect(document.querySelectorAll('.xterm')).toHaveLength(0);
  });

  it('collapses and expands, keeping the screen, and steps its height with the arrow keys', async () => {
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleScreen();
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
  });

  it('speaks Korean', async () => {
    wrapper.unmount();
    await mountConsole('ko');
    await wrapper.get('button.top-bar__button').trigger('click');
    await settleScreen();
    expect(wrapper.get('button.top-bar__button').text()).toBe('노트북 터미널');
    expect(wrapper.get('.terminal-pane').attributes('aria-label')).toBe('터미널');
    expect(wrapper.get('.terminal-pane__toggle').text()).toBe('접기');
  });
});
