/** A slow or stalled client cannot hold the EC2 API's port: it is answered 408 and disconnected. */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/engine';
import { MemoryStateStore } from '../../engine/state/state-store';
import { createAccessKeys } from './access-keys';
import { startEc2ApiServer, type Ec2ApiServer } from './ec2-api-server';

let server: Ec2ApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Writes `chunks` one by one, `gapMs` apart, and resolves with what the server sent before it hung up. */
function trickle(port: number, chunks: string[], gapMs: number): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    let index = 0;
    const timer = setInterval(() => {
      if (index < chunks.length && !socket.destroyed) socket.write(chunks[index++]!);
    }, gapMs);
    socket.on('data', (data) => (reply += data.toString('latin1')));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
    socket.on('error', reject);
  });
}

describe('client time limits', () => {
  it('close a client whose headers trickle in', async () => {
    server = await startEc2ApiServer({
      engine: createEngine({ store: new MemoryStateStore() }),
      port: 0,
      credentials: createAccessKeys(),
      timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 },
    });
    const headers = [
      'POST / HTTP/1.1\r\n',
      'Host: 127.0.0.1\r\n',
      ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`),
    ];
    const { reply, closedAfterMs } = await trickle(server.port, headers, 100);
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(reply).toContain('<Code>RequestTimeout</Code>');
    // Well before the 4 s the trickle would take.
    expect(closedAfterMs).toBeLessThan(2_000);
  });
});
