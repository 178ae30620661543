/**
 * Browser mode's door: calls go as POST /api/call (encodeWire JSON), events come over one
 * WebSocket at /api/events that reconnects by itself with a growing delay. Same origin only. The
 * calls made in one tick (the console's start makes ~30 at once) go together as one POST
 * /api/calls: a browser spends milliseconds of its main thread on every request, and holds six
 * open at a time. A call made alone, a large one and ImportLab still go by themselves. Losing
 * the socket, or a call the server never answered, means the lab is unreachable (the console shows
 * "Disconnected — reconnecting"); the socket opening again means it is back.
 */
import { WEB_API_PATHS, WEB_BATCH_LIMITS, type ApiCall, type ApiResult } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { decodeWire, encodeWire } from '../../shared/wire-codec';
import { LAB_UNREACHABLE, type RendererBridge } from './renderer-bridge';

/** The slice of WebSocket the bridge uses, so tests can hand in a fake. */
export interface EventSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface WebBridgeOptions {
  location: Pick<Location, 'protocol' | 'host'>;
  fetch: typeof fetch;
  createSocket: (url: string) => EventSocket;
  setTimer?: (callback: () => void, ms: number) => unknown;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5000;

const MALFORMED: ApiResult = {
  ok: false,
  error: { code: 'InternalError', message: 'The lab answered with malformed JSON.' },
};

/** A call waiting for the end of the tick, with its wire JSON. */
interface Queued {
  body: string;
  resolve: (result: ApiResult) => void;
}

const goesAlone = (call: ApiCall, body: string) =>
  body.length > WEB_BATCH_LIMITS.callChars || (call.service === 'lab' && call.operation === 'ImportLab');

export function createWebBridge(options: WebBridgeOptions): RendererBridge {
  const listeners = new Set<(event: EngineEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let connected = true;
  function setConnected(now: boolean): void {
    if (now === connected) return;
    connected = now;
    connectionListeners.forEach((listener) => listener(now));
  }
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const scheme = options.location.protocol === 'https:' ? 'wss' : 'ws';
  const eventsUrl = `${scheme}://${options.location.host}${WEB_API_PATHS.events}`;
  let socket: EventSocket | undefined;
  let retryMs = FIRST_RETRY_MS;
  let everOpened = false;

  function connect(): void {
    const next = options.createSocket(eventsUrl);
    socket = next;
    next.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      setConnected(true);
      if (everOpened) reconnectListeners.forEach((listener) => listener());
      everOpened = true;
    };
    next.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let event: EngineEvent;
      try {
        event = decodeWire(message.data) as EngineEvent;
      } catch {
        return; // A malformed frame is dropped; the next event carries fresh state.
      }
      listeners.forEach((listener) => listener(event));
    };
    next.onclose = () => {
      if (socket !== next) return;
      socket = undefined;
      setConnected(false);
      setTimer(() => {
        if (!socket && listeners.size > 0) connect();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
    next.onerror = () => next.close();
  }

  /** POSTs `body`; the answer's text, or LAB_UNREACHABLE when the lab itself did not answer. */
  async function post(path: string, body: string): Promise<string | ApiResult> {
    try {
      const response = await options.fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      const text = await response.text();
      if (!response.ok && !text.startsWith('{')) {
        // Not the lab's answer (a proxy's or the network's): the lab itself is out of reach.
        setConnected(false);
        return { ok: false, error: { code: LAB_UNREACHABLE, message: `HTTP ${response.status}: ${text}` } };
      }
      return text;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setConnected(false);
      return { ok: false, error: { code: LAB_UNREACHABLE, message: `The lab did not answer: ${reason}` } };
    }
  }

  /** The lab's answer as wire JSON: one result, or (for a batch) one per call. */
  function decode(text: string): unknown {
    try {
      const decoded = decodeWire(text);
      setConnected(true);
      return decoded;
    } catch {
      return MALFORMED;
    }
  }

  async function callAlone(body: string): Promise<ApiResult> {
    const answer = await post(WEB_API_PATHS.call, body);
    return typeof answer === 'string' ? (decode(answer) as ApiResult) : answer;
  }

  async function callTogether(batch: Queued[]): Promise<void> {
    const answer = await post(WEB_API_PATHS.calls, `[${batch.map((queued) => queued.body).join(',')}]`);
    const decoded = typeof answer === 'string' ? decode(answer) : answer;
    if (Array.isArray(decoded) && decoded.length === batch.length) {
      batch.forEach((queued, index) => queued.resolve(decoded[index] as ApiResult));
    } else {
      // The batch as a whole was refused (or unreadable): every call in it gets that answer.
      const refused = Array.isArray(decoded) ? MALFORMED : (decoded as ApiResult);
      batch.forEach((queued) => queued.resolve(refused));
    }
  }

  let queue: Queued[] = [];
  function flush(): void {
    const due = queue;
    queue = [];
    for (let start = 0; start < due.length; start += WEB_BATCH_LIMITS.calls) {
      const batch = due.slice(start, start + WEB_BATCH_LIMITS.calls);
      if (batch.length === 1) void callAlone(batch[0]!.body).then(batch[0]!.resolve);
      else void callTogether(batch);
    }
  }

  return {
    call(call: ApiCall): Promise<ApiResult> {
      const body = encodeWire(call);
      if (goesAlone(call, body)) return callAlone(body);
      return new Promise((resolve) => {
        // The first call of a tick sends the tick's calls once the code that made them is done.
        if (queue.length === 0) queueMicrotask(flush);
        queue.push({ body, resolve });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          const closing = socket;
          socket = undefined;
          closing.close();
        }
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
