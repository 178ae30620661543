/**
 * The terminal sessions the console shows, one tab each in the terminal pane. A session lives in
 * the main process (shared/terminal-operations.ts), line editing and echo included: this store only
 * opens and closes sessions, sends the keys a tab's terminal produced, and hands each tab what its
 * session printed (`terminal-output` events). Output that arrives before a tab's terminal is there
 * (a session just opened, or one found again after a reload with its Backlog) waits here in order.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { TerminalSession } from '../../shared/terminal-operations';
import { terminal } from '../api/client';
import { registerLabData, useEngineEventsStore } from './engine-events';

/** What a tab's terminal does with bytes its session printed. */
export type TerminalWriter = (data: string) => void;

/** A session's title while its shell is the laptop's (shared/terminal-operations.ts): a login shows `user@host`. */
export const LAPTOP_TITLE = 'Laptop';
/** A size to open a session with before the pane has measured its terminal. */
const DEFAULT_SIZE = { Cols: 80, Rows: 24 } as const;
/** At most this much output waits for a terminal that is not showing (the session keeps its own Backlog). */
const MAX_WAITING = 256 * 1024;
/** How long typeInto waits for a command's prompt before it types the next line anyway. */
const PROMPT_WAIT_MS = 5000;

/** Whether output ends with a shell prompt (`…$ ` or `…# `), its colours aside. */
function endsWithPrompt(output: string): boolean {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences
  return /[$#] $/.test(output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
}

export const useTerminalsStore = defineStore('terminals', () => {
  const sessions = ref<TerminalSession[]>([]);
  const activeId = ref<string | undefined>();
  /** Whether the pane shows its tabs (false: collapsed to its header, or never opened). */
  const paneOpen = ref(false);
  /** Counts the requests to put the keyboard in the shown tab's terminal (the Laptop terminal button's). */
  const focusRequests = ref(0);
  const writers = new Map<string, TerminalWriter>();
  const waiting = new Map<string, string[]>();
  /** Who else reads a session's output as it comes (typeInto, waiting for a prompt). */
  const readers = new Map<string, Set<TerminalWriter>>();
  /** The size the pane's terminal last measured, for the next session opened. */
  let size: { Cols: number; Rows: number } = { ...DEFAULT_SIZE };

  const active = computed(() => sessions.value.find((session) => session.SessionId === activeId.value));

  function deliver(sessionId: string, data: string): void {
    readers.get(sessionId)?.forEach((reader) => reader(data));
    const writer = writers.get(sessionId);
    if (writer) {
      writer(data);
      return;
    }
    const queue = waiting.get(sessionId) ?? [];
    queue.push(data);
    let total = queue.reduce((sum, chunk) => sum + chunk.length, 0);
    while (total > MAX_WAITING && queue.length > 1) total -= queue.shift()!.length;
    waiting.set(sessionId, queue);
  }

  function upsert(session: TerminalSession): void {
    const plain: TerminalSession = {
      SessionId: session.SessionId,
      Title: session.Title,
      Cols: session.Cols,
      Rows: session.Rows,
    };
    const index = sessions.value.findIndex((known) => known.SessionId === session.SessionId);
    if (index >= 0) sessions.value.splice(index, 1, plain);
    else sessions.value.push(plain);
  }

  function forget(sessionId: string): void {
    const index = sessions.value.findIndex((session) => session.SessionId === sessionId);
    if (index < 0) return;
    sessions.value.splice(index, 1);
    waiting.delete(sessionId);
    readers.delete(sessionId);
    outboxes.delete(sessionId);
    if (activeId.value === sessionId) {
      activeId.value = sessions.value[Math.min(index, sessions.value.length - 1)]?.SessionId;
    }
    if (sessions.value.length === 0) paneOpen.value = false;
  }

  /** The sessions the main process has open, each with what it printed, so a reloaded console shows them again. */
  async function load(): Promise<void> {
    const { Sessions } = await terminal.DescribeTerminals({});
    const listed = new Set(Sessions.map((session) => session.SessionId));
    for (const known of [...sessions.value]) if (!listed.has(known.SessionId)) forget(known.SessionId);
    for (const session of Sessions) {
      // A tab whose terminal is showing already has its output; one not showing starts from the Backlog,
      // which holds everything printed before this answer (events after it follow in order).
      if (!writers.has(session.SessionId)) waiting.set(session.SessionId, session.Backlog ? [session.Backlog] : []);
      upsert(session);
    }
    if (!activeId.value || !listed.has(activeId.value)) activeId.value = sessions.value[0]?.SessionId;
  }

  /** Opens another laptop shell in a new tab and shows it. */
  async function open(): Promise<TerminalSession> {
    const session = await terminal.OpenTerminal({ ...size });
    upsert(session);
    activeId.value = session.SessionId;
    paneOpen.value = true;
    return session;
  }

  /**
   * Shows the pane with a laptop tab: the tab shown last if it is at the laptop's prompt (no ssh
   * login open in it), else another that is, else a new one.
   */
  async function showLaptop(): Promise<TerminalSession> {
    paneOpen.value = true;
    focusRequests.value++;
    const onLaptop = (session: TerminalSession | undefined) => session?.Title === LAPTOP_TITLE;
    const shown = onLaptop(active.value) ? active.value : sessions.value.find(onLaptop);
    if (shown) {
      activeId.value = shown.SessionId;
      return shown;
    }
    return open();
  }

  /** Closes a tab: its session ends, an ssh login in it included. */
  async function close(sessionId: string): Promise<void> {
    await terminal.CloseTerminal({ SessionId: sessionId });
    forget(sessionId);
  }

  function select(sessionId: string): void {
    if (sessions.value.some((session) => session.SessionId === sessionId)) activeId.value = sessionId;
  }

  function setPaneOpen(open: boolean): void {
    paneOpen.value = open && sessions.value.length > 0;
  }

  /** A tab's terminal shows `sessionId` from now on: first what waited for it, then every output event. */
  function attach(sessionId: string, writer: TerminalWriter): void {
    for (const chunk of waiting.get(sessionId) ?? []) writer(chunk);
    waiting.delete(sessionId);
    writers.set(sessionId, writer);
  }

  /** The tab's terminal went away (the pane collapsed or closed); output waits again. */
  function detach(sessionId: string, writer: TerminalWriter): void {
    if (writers.get(sessionId) === writer) writers.delete(sessionId);
  }

  /** Keys typed into a session that are not sent yet, and the sending under way. */
  interface Outbox {
    keys: string;
    sending?: Promise<void>;
  }
  const outboxes = new Map<string, Outbox>();

  async function drain(sessionId: string, outbox: Outbox): Promise<void> {
    try {
      while (outbox.keys) {
        const keys = outbox.keys;
        outbox.keys = '';
        await terminal.WriteTerminal({ SessionId: sessionId, Data: keys });
      }
    } catch (error) {
      outbox.keys = ''; // the session refused them (it is gone): later keys start afresh
      throw error;
    } finally {
      outbox.sending = undefined;
    }
  }

  /**
   * Sends keys exactly as the terminal produced them; the session echoes what it accepts. One call is
   * on its way per session at a time (calls may overtake each other on the wire, keys must not), and
   * keys typed meanwhile go together in the next. Resolves once these keys were sent.
   */
  function write(sessionId: string, data: string): Promise<void> {
    let outbox = outboxes.get(sessionId);
    if (!outbox) outboxes.set(sessionId, (outbox = { keys: '' }));
    outbox.keys += data;
    outbox.sending ??= drain(sessionId, outbox);
    return outbox.sending;
  }

  /** The terminal of `sessionId` now fits cols × rows (the pane was resized). */
  async function resize(sessionId: string, cols: number, rows: number): Promise<void> {
    size = { Cols: cols, Rows: rows };
    const session = sessions.value.find((known) => known.SessionId === sessionId);
    if (!session || (session.Cols === cols && session.Rows === rows)) return;
    upsert({ ...session, Cols: cols, Rows: rows });
    await terminal.ResizeTerminal({ SessionId: sessionId, Cols: cols, Rows: rows });
  }

  /** Resolves when the session next prints a prompt (its command finished), or after PROMPT_WAIT_MS. */
  function nextPrompt(sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      let tail = '';
      const reader: TerminalWriter = (data) => {
        tail = (tail + data).slice(-256);
        if (endsWithPrompt(tail)) done();
      };
      const timer = setTimeout(() => done(), PROMPT_WAIT_MS);
      function done(): void {
        clearTimeout(timer);
        readers.get(sessionId)?.delete(reader);
        resolve();
      }
      if (!readers.has(sessionId)) readers.set(sessionId, new Set());
      readers.get(sessionId)!.add(reader);
    });
  }

  /**
   * Types `text` into a session as if the learner typed it, one line at a time (each line then Enter),
   * waiting for each command's prompt before the next, so every command runs and shows its own output.
   */
  async function typeInto(sessionId: string, text: string): Promise<void> {
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      const finished = index < lines.length - 1 ? nextPrompt(sessionId) : undefined;
      await write(sessionId, `${line}\r`);
      await finished;
    }
  }

  const events = useEngineEventsStore();
  events.on('terminal-output', (event) => deliver(event.sessionId, event.data));
  events.on('terminal-changed', (event) => upsert(event.session));
  events.on('terminal-closed', (event) => forget(event.sessionId));

  return {
    sessions,
    activeId,
    active,
    paneOpen,
    focusRequests,
    load,
    open,
    showLaptop,
    close,
    select,
    setPaneOpen,
    attach,
    detach,
    write,
    resize,
    typeInto,
  };
});

registerLabData({
  storeId: useTerminalsStore.$id,
  stage: 'data',
  optional: true,
  reload: () => useTerminalsStore().load(),
});
