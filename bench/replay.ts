/**
 * Many clients at once without the SDK's own cost: one signed request replayed over `clients`
 * keep-alive connections (raw `node:http`), so the figure is the server's, not the client's.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { SignedRequest } from './wire-client';

/** Requests per second of `clients` connections each sending `signed` in turn until `total` are answered. */
export async function replayThroughput(
  endpoint: string,
  signed: SignedRequest,
  clients: number,
  total: number,
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(endpoint);
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest(
        { agent, hostname, port, method: signed.method, path: signed.path, headers: signed.headers },
        (response) => {
          if (response.statusCode !== 200) reject(new Error(`replay answered ${response.statusCode}`));
          response.resume();
          response.on('end', () => resolve());
        },
      );
      outgoing.on('error', reject);
      outgoing.end(signed.body);
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < total) await once();
    }),
  );
  const rate = Math.round((total / (performance.now() - started)) * 1000);
  agent.destroy();
  return rate;
}
