/**
 * Browser mode's door: calls go as POST /api/call (encodeWire JSON), events come over one
 * WebSocket at /api/events that reconnects by itself with a growing delay. Same origin only. Losing
 * the socket, or a call the server never answered, means the lab is unreachable (the console shows
 * "Disconnected — reconnecting"); the socket opening again means it is back.
 */
import { WEB_API_PATHS, type ApiCall, type ApiResult } from '../../shared/api';
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

  return {
    async call(call: ApiCall): Promise<ApiResult> {
      let text: string;
      try {
        const response = await options.fetch(WEB_API_PATHS.call, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: encodeWire(call),
        });
        text = await response.text();
        if (!response.ok && !text.startsWith('{')) {
          // Not the lab's answer (a proxy's or the network's): the lab itself is out of reach.
          setConnected(false);
          return { ok: false, error: { code: LAB_UNREACHABLE, message: `HTTP ${response.status}: ${text}` } };
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setConnected(false);
        return { ok: false, error: { code: LAB_UNREACHABLE, message: `The lab did not answer: ${reason}` } };
      }
      try {
        const result = decodeWire(text) as ApiResult;
        setConnected(true);
        return result;
      } catch {
        return { ok: false, error: { code: 'InternalError', message: 'The lab answered with malformed JSON.' } };
      }
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
