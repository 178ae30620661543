/**
 * `curl` inside an instance: the instance metadata service at 169.254.169.254 (metadata-service.ts)
 * and the instance's own web server (`curl http://localhost/`). The lab has no internet, so other
 * hosts cannot be resolved or reached (the laptop's curl is another command).
 */
import { fail, ok, type CommandContext, type LabCommand } from '../machines/machine';
import type { GuestServices, HttpAnswer } from '../machines/guest-services';
import { normalizePath } from '../machines/guest-fs';
import type { GuestInstance } from './guest-instance';
import { answerMetadata, type MetadataTokens } from './metadata-service';

const METADATA_HOSTS = new Set(['169.254.169.254', 'instance-data', 'instance-data.ec2.internal', '[fd00:ec2::254]']);

interface CurlRequest {
  method?: string;
  headers: Record<string, string>;
  url?: string;
  include: boolean;
  head: boolean;
  silent: boolean;
  failOnError: boolean;
  output?: string;
  writeOut?: string;
}

function parse(args: readonly string[]): CurlRequest | string {
  const request: CurlRequest = { headers: {}, include: false, head: false, silent: false, failOnError: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = () => args[++i];
    if (arg === '-X' || arg === '--request') request.method = next();
    else if (arg === '-H' || arg === '--header') {
      const header = next() ?? '';
      const colon = header.indexOf(':');
      if (colon > 0) request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (arg === '-o' || arg === '--output') request.output = next();
    else if (arg === '-w' || arg === '--write-out') request.writeOut = next();
    else if (arg === '-i' || arg === '--include') request.include = true;
    else if (arg === '-I' || arg === '--head') request.head = true;
    else if (arg === '-f' || arg === '--fail') request.failOnError = true;
    else if (arg === '-s' || arg === '--silent') request.silent = true;
    else if (arg === '-m' || arg === '--max-time' || arg === '--connect-timeout' || arg === '-d' || arg === '--data')
      next();
    else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === 's') request.silent = true;
        else if (flag === 'i') request.include = true;
        else if (flag === 'I') request.head = true;
        else if (flag === 'f') request.failOnError = true;
      }
    } else if (!arg.startsWith('-')) request.url = arg;
  }
  return request.url ? request : "curl: try 'curl --help' or 'curl --manual' for more information\n";
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

export function instanceCurl(guest: GuestInstance, services: GuestServices, tokens: MetadataTokens): LabCommand {
  return (ctx: CommandContext) => {
    const parsed = parse(ctx.request.args);
    if (typeof parsed === 'string') return fail(parsed, 2);
    const url = /^[a-z]+:\/\//i.test(parsed.url!) ? parsed.url! : `http://${parsed.url}`;
    const match = /^(https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/i.exec(url);
    if (!match) return fail(`curl: (3) URL using bad/illegal format or missing URL\n`, 3);
    const [, scheme, host, portText, path = '/'] = match;
    const port = Number(portText ?? (scheme!.toLowerCase() === 'https' ? 443 : 80));
    const method = parsed.method ?? (parsed.head ? 'HEAD' : 'GET');
    const self = new Set(['localhost', '127.0.0.1', '0.0.0.0', guest.facts.privateIp, guest.facts.hostname]);
    let answer: HttpAnswer | undefined;
    if (METADATA_HOSTS.has(host!) && port === 80) {
      answer = answerMetadata(guest, tokens, { method, path, headers: parsed.headers });
    } else if (self.has(host!)) {
      answer = services.http(guest.id, port, method, path);
      if (!answer)
        return fail(
          parsed.silent
            ? ''
            : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`,
          7,
        );
    } else if (/^[\d.]+$/.test(host!)) {
      return fail(
        parsed.silent
          ? ''
          : `curl: (28) Failed to connect to ${host} port ${port} after 130000 ms: Couldn't connect to server\n`,
        28,
      );
    } else {
      return fail(parsed.silent ? '' : `curl: (6) Could not resolve host: ${host}\n`, 6);
    }
    if (parsed.failOnError && answer.status >= 400)
      return fail(parsed.silent ? '' : `curl: (22) The requested URL returned error: ${answer.status}\n`, 22);
    const statusLine = `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`.trimEnd();
    const headerText =
      [
        statusLine,
        ...Object.entries({
          ...answer.headers,
          'Content-Length': String(new TextEncoder().encode(answer.body).length),
        }).map(([k, v]) => `${k}: ${v}`),
      ].join('\r\n') + '\r\n\r\n';
    const body = method === 'HEAD' ? '' : answer.body;
    let stdout = (parsed.include || parsed.head ? headerText : '') + body;
    if (parsed.output && parsed.output !== '-') {
      const target = normalizePath(
        parsed.output.startsWith('/') ? parsed.output : `${ctx.request.cwd}/${parsed.output}`,
      );
      try {
        ctx.machine.fs.write(target, new TextEncoder().encode(stdout), ctx.who, false);
      } catch (error) {
        return fail(
          `curl: (23) Failure writing output to destination, passed ${stdout.length} returned 0\n${(error as Error).message}\n`,
          23,
        );
      }
      stdout = '';
    }
    if (parsed.writeOut)
      stdout += parsed.writeOut.replace(/%\{http_code\}/g, String(answer.status)).replace(/\\n/g, '\n');
    return ok(stdout);
  };
}
