/**
 * The terminals store against real terminal sessions (the lab's shells, in memory): sessions opened
 * and closed, output routed to the right tab (what came before the tab's terminal was there waits,
 * in order), keys sent as they are, a reloaded console finding its sessions again with their
 * Backlog first, `exit` closing a tab from the session's side, and typeInto typing one line at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setBridge } from '../api/bridge';
import { plainText } from '../../electron/shell/test-support/terminal-harness';
import { createEngineLab, type EngineLab } from '../testing/engine-lab';
import { flushPromises } from '../testing/mount-lab';
import { settleUntil } from '../testing/settle-until';
import { useTerminalsStore } from './terminals';

let lab: EngineLab;

/** A tab's terminal: what it was handed, raw and as a reader sees it. */
function screen() {
  const chunks: string[] = [];
  return { writer: (data: string) => chunks.push(data), text: () => plainText(chunks.join('')), chunks };
}

beforeEach(() => {
  lab = createEngineLab();
  setBridge(lab.bridge);
  setActivePinia(createPinia());
});
afterEach(() => lab.shells.close());

describe('terminals store', () => {
  it('opens a laptop session, shows it, and hands its terminal what waited and then every output', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    expect(lab.bridge.inputsOf('OpenTerminal')).toEqual([{ Cols: 80, Rows: 24 }]);
    expect(store.sessions).toEqual([{ SessionId: session.SessionId, Title: 'Laptop', Cols: 80, Rows: 24 }]);
    expect(store.activeId).toBe(session.SessionId);
    expect(store.paneOpen).toBe(true);
    await flushPromises();

    // The prompt came before any terminal showed the session: it waited, and comes first.
    const tab = screen();
    store.attach(session.SessionId, tab.writer);
    expect(tab.text()).toBe('learner@laptop:~$ ');

    await store.write(session.SessionId, 'echo hello\r');
    await settleUntil(() => tab.text().endsWith('hello\nlearner@laptop:~$ '), 'the echo');
    expect(lab.bridge.inputsOf('WriteTerminal')).toEqual([{ SessionId: session.SessionId, Data: 'echo hello\r' }]);
    expect(tab.text()).toBe('learner@laptop:~$ echo hello\nhello\nlearner@laptop:~$ ');
  });

  it('sends keys in the order typed: one call on its way at a time, keys typed meanwhile together', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    const tab = screen();
    store.attach(session.SessionId, tab.writer);
    const held = lab.bridge.hold('WriteTerminal');
    const sent = [...'echo in order\r'].map((key) => store.write(session.SessionId, key));
    await flushPromises();
    expect(lab.bridge.inputsOf('WriteTerminal').map((input) => input.Data)).toEqual(['e']);
    held.release();
    await Promise.all(sent);
    expect(lab.bridge.inputsOf('WriteTerminal').map((input) => input.Data)).toEqual(['e', 'cho in order\r']);
    await settleUntil(() => tab.text().endsWith('in order\nlearner@laptop:~$ '), 'the echo');
  });

  it('routes each output to its own session and nothing to a detached terminal', async () => {
    const store = useTerminalsStore();
    const first = await store.open();
    const second = await store.open();
    await flushPromises();
    expect(store.activeId).toBe(second.SessionId);
    const firstTab = screen();
    const secondTab = screen();
    store.attach(first.SessionId, firstTab.writer);
    store.attach(second.SessionId, secondTab.writer);
    await store.write(first.SessionId, 'echo one\r');
    await store.write(second.SessionId, 'echo two\r');
    await settleUntil(
      () => firstTab.text().includes('\none\n') && secondTab.text().includes('\ntwo\n'),
      'both outputs',
    );
    expect(firstTab.text()).not.toContain('two');
    expect(secondTab.text()).not.toContain('one');

    store.detach(first.SessionId, firstTab.writer);
    const shown = firstTab.text();
    await store.write(first.SessionId, 'echo later\r');
    await flushPromises();
    await settleUntil(() => lab.shells.terminals.session(first.SessionId)!.backlog.includes('later\r\n'), 'the output');
    expect(firstTab.text()).toBe(shown);
    const again = screen();
    store.attach(first.SessionId, again.writer);
    await settleUntil(() => again.text().endsWith('later\nlearner@laptop:~$ '), 'what waited');
    expect(again.text()).toBe('echo later\nlater\nlearner@laptop:~$ ');
  });

  it('closes a tab with CloseTerminal, and one whose shell exited, showing the next tab', async () => {
    const store = useTerminalsStore();
    const first = await store.open();
    const second = await store.open();
    await store.close(second.SessionId);
    await flushPromises();
    expect(lab.bridge.inputsOf('CloseTerminal')).toEqual([{ SessionId: second.SessionId }]);
    expect(store.sessions.map((session) => session.SessionId)).toEqual([first.SessionId]);
    expect(store.activeId).toBe(first.SessionId);

    // `exit` in the laptop shell ends the session from the main process's side.
    await store.write(first.SessionId, 'exit\r');
    await settleUntil(() => store.sessions.length === 0, 'the session to close');
    expect(store.activeId).toBeUndefined();
    expect(store.paneOpen).toBe(false);
  });

  it('finds the open sessions again after a reload, each terminal starting with its Backlog', async () => {
    const before = useTerminalsStore();
    const session = await before.open();
    const tab = screen();
    before.attach(session.SessionId, tab.writer);
    await before.write(session.SessionId, 'echo kept\r');
    await settleUntil(() => tab.text().endsWith('kept\nlearner@laptop:~$ '), 'the echo');

    setActivePinia(createPinia()); // the console reloaded: a fresh store, the same main process
    const store = useTerminalsStore();
    await store.load();
    expect(store.sessions.map((known) => known.SessionId)).toEqual([session.SessionId]);
    expect(store.activeId).toBe(session.SessionId);
    const reloaded = screen();
    store.attach(session.SessionId, reloaded.writer);
    expect(plainText(reloaded.chunks[0]!)).toBe('learner@laptop:~$ echo kept\nkept\nlearner@laptop:~$ ');

    // A session closed while the console was away is gone on the next load.
    lab.shells.terminals.session(session.SessionId)!.close();
    await store.load();
    expect(store.sessions).toEqual([]);
  });

  it('showLaptop reuses the tab shown last, else one at the laptop prompt, and opens one only when none is', async () => {
    const store = useTerminalsStore();
    const opened = await store.showLaptop();
    store.setPaneOpen(false);
    const shown = await store.showLaptop();
    expect(shown.SessionId).toBe(opened.SessionId);
    expect(store.paneOpen).toBe(true);
    expect(lab.bridge.inputsOf('OpenTerminal')).toHaveLength(1);

    // An ssh login in the tab renames it: the laptop's commands must not go to the instance.
    lab.shells.terminals.session(opened.SessionId)!.setTitle('ec2-user@ip-172-31-5-10');
    await settleUntil(() => store.active?.Title === 'ec2-user@ip-172-31-5-10', 'the new title');
    const laptop = await store.showLaptop();
    expect(laptop.SessionId).not.toBe(opened.SessionId);
    expect(store.activeId).toBe(laptop.SessionId);
    const second = await store.open();
    store.select(opened.SessionId);
    expect((await store.showLaptop()).SessionId).toBe(laptop.SessionId);
    expect(second.SessionId).not.toBe(laptop.SessionId);
  });

  it('types text one line at a time, each followed by Enter, so each command runs', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    const tab = screen();
    store.attach(session.SessionId, tab.writer);
    await store.typeInto(session.SessionId, 'cd /\npwd');
    expect(lab.bridge.inputsOf('WriteTerminal').map((input) => input.Data)).toEqual(['cd /\r', 'pwd\r']);
    await settleUntil(() => tab.text().endsWith('pwd\n/\nlearner@laptop:/$ '), 'pwd');
    expect(tab.text()).toBe('learner@laptop:~$ cd /\nlearner@laptop:/$ pwd\n/\nlearner@laptop:/$ ');
  });

  it('tells the session a new size once, and opens the next session at the size last measured', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    await store.resize(session.SessionId, 120, 30);
    await store.resize(session.SessionId, 120, 30);
    expect(lab.bridge.inputsOf('ResizeTerminal')).toEqual([{ SessionId: session.SessionId, Cols: 120, Rows: 30 }]);
    expect((await store.open()).Cols).toBe(120);
    expect(lab.bridge.inputsOf('OpenTerminal').at(-1)).toEqual({ Cols: 120, Rows: 30 });
  });
});
