/** A bare HTTP request (any Host, any bytes), for tests that must send what no SDK would. */
import { request as httpRequest } from 'node:http';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function sendRaw(options: {
  port: number;
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/',
        // Frame any body with a length, GET included (Node's client would send a GET body unframed).
        headers:
          options.body === undefined
            ? options.headers
            : { 'content-length': String(Buffer.byteLength(options.body)), ...options.headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Code and message of an EC2 error envelope, or undefined when the text is not exactly one. */
export function parseErrorEnvelope(xml: string): { code: string; message: string; requestId: string } | undefined {
  const match =
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>([^<]+)<\/Code><Message>([^<]*)<\/Message><\/Error><\/Errors><RequestID>([^<]*)<\/RequestID><\/Response>$/.exec(
      xml,
    );
  return match ? { code: match[1]!, message: match[2]!, requestId: match[3]! } : undefined;
}
