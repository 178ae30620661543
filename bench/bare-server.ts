/**
 * The physical limit the bench compares the lab with: a bare `node:http` server on loopback that
 * reads each request to its end and answers canned bytes with the lab's headers, doing nothing else.
 * Run as its own process (`node bench/bare-server.ts`), as browser mode is; it prints its port. A
 * POST carrying `x-bench-canned: set` replaces the bytes it answers (the lab's reply for the same call).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let canned = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Response/>');

const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (request.headers['x-bench-canned'] === 'set') {
      canned = Buffer.concat(chunks);
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/xml;charset=UTF-8',
      'Content-Length': canned.length,
      'x-amzn-RequestId': '00000000-0000-4000-8000-000000000000',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(canned);
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`bare server at http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
