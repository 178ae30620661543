/**
 * WebSocket /api/events: pushes every engine event, as encodeWire(EngineEvent), to every page the
 * server admitted. Messages from the page are ignored; the socket only listens to the engine.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { encodeWire } from '../../../shared/wire-codec';
import type { DoorEngine } from '../door-engine';

/** A page that cannot keep up (this much unsent) is dropped; it reloads its state on reconnect. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface EventSocket {
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createEventSocket(engine: DoorEngine): EventSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const unsubscribe = engine.onEvent((event) => {
    // No page open (the CLI or an SDK at work): nothing to encode.
    if (server.clients.size === 0) return;
    const message = encodeWire(event);
    for (const client of server.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(message);
    }
  });
  server.on('connection', (client) => {
    client.on('error', () => client.terminate());
  });

  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    close() {
      unsubscribe();
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
