/**
 * The terminals store: sessions opened and closed, output routed to the right tab (what came before
 * the tab's terminal was there waits, in order), keys sent as they are, a reloaded console finding
 * its sessions again with their Backlog first, and typeInto typing one line at a time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setBridge } from '../api/bridge';
import { FakeBridge } from '../testing/fake-bridge';
import { FakeTerminals } from '../testing/fake-terminals';
import { flushPromises } from '../testing/mount-lab';
import { useTerminalsStore } from './terminals';

let bridge: FakeBridge;
let terminals: FakeTerminals;

/** A tab's terminal: what it was handed, joined. */
function screen() {
  const chunks: string[] = [];
  return { writer: (data: string) => chunks.push(data), text: () => chunks.join(''), chunks };
}

beforeEach(() => {
  bridge = new FakeBridge();
  terminals = new FakeTerminals(bridge);
  setBridge(bridge);
  setActivePinia(createPinia());
});

describe('terminals store', () => {
  it('opens a laptop session, shows it, and hands its terminal what waited and then every output', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    await flushPromises();
    expect(bridge.inputsOf('OpenTerminal')).toEqual([{ Cols: 80, Rows: 24 }]);
    expect(store.sessions).toEqual([{ SessionId: session.SessionId, Title: 'Laptop', Cols: 80, Rows: 24 }]);
    expect(store.activeId).toBe(session.SessionId);
    expect(store.paneOpen).toBe(true);

    terminals.print(session.SessionId, 'printed before the tab showed\r\n');
    const tab = screen();
    store.attach(session.SessionId, tab.writer);
    expect(tab.text()).toBe('learner@laptop:~$ printed before the tab showed\r\n');

    await store.write(session.SessionId, 'echo hello\r');
    await flushPromises();
    expect(bridge.inputsOf('WriteTerminal')).toEqual([{ SessionId: session.SessionId, Data: 'echo hello\r' }]);
    expect(tab.text()).toContain('echo hello\r\nhello\r\nlearner@laptop:~$ ');
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
    terminals.print(first.SessionId, 'one');
    terminals.print(second.SessionId, 'two');
    expect(firstTab.text()).toBe('learner@laptop:~$ one');
    expect(secondTab.text()).toBe('learner@laptop:~$ two');

    store.detach(first.SessionId, firstTab.writer);
    terminals.print(first.SessionId, ' later');
    expect(firstTab.text()).toBe('learner@laptop:~$ one');
    const again = screen();
    store.attach(first.SessionId, again.writer);
    expect(again.text()).toBe(' later');
  });

  it('follows title changes and closes: CloseTerminal, the closed event, and the next tab shown', async () => {
    const store = useTerminalsStore();
    const first = await store.open();
    const second = await store.open();
    await flushPromises();
    terminals.retitle(second.SessionId, 'ec2-user@ip-172-31-5-10');
    await flushPromises();
    expect(store.sessions.map((session) => session.Title)).toEqual(['Laptop', 'ec2-user@ip-172-31-5-10']);

    await store.close(second.SessionId);
    await flushPromises();
    expect(bridge.inputsOf('CloseTerminal')).toEqual([{ SessionId: second.SessionId }]);
    expect(store.sessions.map((session) => session.SessionId)).toEqual([first.SessionId]);
    expect(store.activeId).toBe(first.SessionId);

    // `exit` in the laptop shell ends the session from the main process's side.
    terminals.sessions.delete(first.SessionId);
    bridge.emit({ type: 'terminal-closed', sessionId: first.SessionId });
    expect(store.sessions).toEqual([]);
    expect(store.activeId).toBeUndefined();
    expect(store.paneOpen).toBe(false);
  });

  it('finds the open sessions again after a reload, each terminal starting with its Backlog', async () => {
    const before = useTerminalsStore();
    const session = await before.open();
    await flushPromises();
    await before.write(session.SessionId, 'echo kept\r');
    await flushPromises();

    setActivePinia(createPinia()); // the console reloaded: a fresh store, the same main process
    const store = useTerminalsStore();
    await store.load();
    expect(store.sessions.map((known) => known.SessionId)).toEqual([session.SessionId]);
    expect(store.activeId).toBe(session.SessionId);
    terminals.print(session.SessionId, 'after');
    const tab = screen();
    store.attach(session.SessionId, tab.writer);
    expect(tab.chunks[0]).toBe('learner@laptop:~$ echo kept\r\nkept\r\nlearner@laptop:~$ ');
    expect(tab.text().endsWith('after')).toBe(true);

    // A session closed elsewhere while the console was away is gone on the next load.
    terminals.sessions.clear();
    await store.load();
    expect(store.sessions).toEqual([]);
  });

  it('showLaptop reuses the tab shown last and opens one only when there is none', async () => {
    const store = useTerminalsStore();
    const opened = await store.showLaptop();
    store.setPaneOpen(false);
    const shown = await store.showLaptop();
    expect(shown.SessionId).toBe(opened.SessionId);
    expect(store.paneOpen).toBe(true);
    expect(bridge.inputsOf('OpenTerminal')).toHaveLength(1);
  });

  it('types text one line at a time, each followed by Enter', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    await store.typeInto(session.SessionId, 'cd ~/Downloads\nchmod 400 "key.pem"');
    expect(bridge.inputsOf('WriteTerminal').map((input) => input.Data)).toEqual([
      'cd ~/Downloads\r',
      'chmod 400 "key.pem"\r',
    ]);
  });

  it('tells the session a new size once, and opens the next session at the size last measured', async () => {
    const store = useTerminalsStore();
    const session = await store.open();
    await store.resize(session.SessionId, 120, 30);
    await store.resize(session.SessionId, 120, 30);
    expect(bridge.inputsOf('ResizeTerminal')).toEqual([{ SessionId: session.SessionId, Cols: 120, Rows: 30 }]);
    await store.open();
    expect(bridge.inputsOf('OpenTerminal').at(-1)).toEqual({ Cols: 120, Rows: 30 });
  });
});
