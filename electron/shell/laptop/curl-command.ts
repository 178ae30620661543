/**
 * The laptop's `curl` (curl 7.88, curl(1) and libcurl-errors(3)) for http:// URLs of an instance's
 * public address or DNS name: resolution (`(6) Could not resolve host`), then the engine's
 * reachability gate for tcp/port (dropped: `(28) Connection timed out after N milliseconds`),
 * then whether anything listens (`(7) Failed to connect to HOST port 80 after N ms: Couldn't
 * connect to server`), then the instance's web server's answer (GuestServices.http). Flags: -s,
 * -S, -I, -i, -v, -X, -m/--max-time, --connect-timeout.
 */
import type { CommandContext, LabCommand } from '../machines/machine';
import type { ShellWorld } from '../shell-world';
import { ClientOutput, hintLine, type ClientSettings } from './client-options';
import { probe } from './probe';
import { resolveHost } from './resolve-host';

const CURL_VERSION = '7.88.1';
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

interface CurlArguments {
  silent: boolean;
  showErrors: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  method?: string;
  maxSeconds?: number;
  url?: string;
}

function parse(args: string[]): CurlArguments | string {
  const parsed: CurlArguments = { silent: false, showErrors: false, head: false, include: false, verbose: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '-m' || arg === '--max-time' || arg === '--connect-timeout') {
      const value = Number(args[++index]);
      if (!Number.isFinite(value) || value < 0) return 'curl: (2) option -m: expected a proper numerical parameter\n';
      parsed.maxSeconds = value;
    } else if (arg === '-X' || arg === '--request') parsed.method = args[++index];
    else if (arg === '--silent') parsed.silent = true;
    else if (arg === '--head') parsed.head = true;
    else if (arg === '--include') parsed.include = true;
    else if (arg === '--verbose') parsed.verbose = true;
    else if (arg === '--show-error') parsed.showErrors = true;
    else if (/^-[sSIivLfk]+$/.test(arg)) {
      for (const flag of arg.slice(1)) {
        if (flag === 's') parsed.silent = true;
        if (flag === 'S') parsed.showErrors = true;
        if (flag === 'I') parsed.head = true;
        if (flag === 'i') parsed.include = true;
        if (flag === 'v') parsed.verbose = true;
      }
    } else if (arg.startsWith('-'))
      return `curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
    else parsed.url = arg;
  }
  return parsed;
}

export function curlCommand(world: ShellWorld, settings: ClientSettings): LabCommand {
  return async (ctx: CommandContext) => {
    const parsed = parse(ctx.request.args);
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 2 };
    if (!parsed.url) {
      return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    }
    const out = new ClientOutput(undefined);
    const quietErrors = parsed.silent && !parsed.showErrors;
    const failWith = (code: number, message: string, hint?: string) => {
      if (!quietErrors) out.error(`curl: (${code}) ${message}\n${hintLine(ctx.request.env, hint)}`);
      return out.end(code);
    };
    const match = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(parsed.url);
    if (!match) return failWith(3, 'URL using bad/illegal format or missing URL');
    const scheme = (match[1] ?? 'http').toLowerCase();
    const host = match[2]!;
    const port = match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80;
    const path = match[4] ? (match[4].startsWith('/') ? match[4] : `/${match[4]}`) : '/';
    const trace = (line: string) => {
      if (parsed.verbose) out.error(`${line}\n`);
    };
    const resolved = resolveHost(world, host);
    if (!resolved) return failWith(6, `Could not resolve host: ${host}`);
    trace(`*   Trying ${resolved.address}:${port}...`);
    const started = Date.now();
    const reached = probe(world, resolved, 'tcp', port);
    if (reached.kind === 'timeout') {
      const waitMs = parsed.maxSeconds !== undefined ? Math.round(parsed.maxSeconds * 1000) : settings.connectTimeoutMs;
      if (!(await settings.wait(waitMs, ctx.request.signal))) return out.end(130);
      trace(`* Connection timed out after ${waitMs + 1} milliseconds`);
      trace('* Closing connection 0');
      return failWith(28, `Connection timed out after ${waitMs + 1} milliseconds`, reached.why);
    }
    if (reached.kind === 'refused') {
      const elapsed = Math.max(1, Date.now() - started);
      trace(`* connect to ${resolved.address} port ${port} failed: Connection refused`);
      trace(`* Failed to connect to ${host} port ${port} after ${elapsed} ms: Couldn't connect to server`);
      trace('* Closing connection 0');
      return failWith(
        7,
        `Failed to connect to ${host} port ${port} after ${elapsed} ms: Couldn't connect to server`,
        reached.why,
      );
    }
    trace(`* Connected to ${host} (${resolved.address}) port ${port} (#0)`);
    const method = parsed.method ?? (parsed.head ? 'HEAD' : 'GET');
    trace(`> ${method} ${path} HTTP/1.1`);
    trace(`> Host: ${port === 80 ? host : `${host}:${port}`}`);
    trace(`> User-Agent: curl/${CURL_VERSION}`);
    trace('> Accept: */*');
    trace('> ');
    const answer = world.services.http(reached.instanceId, port, method, path);
    if (!answer) return failWith(1, 'Received HTTP/0.9 when not allowed');
    const statusLine = `HTTP/1.1 ${answer.status} ${STATUS_TEXT[answer.status] ?? ''}`.trimEnd();
    const headerLines = [statusLine, ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`)];
    if (parsed.verbose) {
      for (const line of headerLines) out.error(`< ${line}\n`);
      out.error('< \n');
    }
    if (parsed.head || parsed.include) out.out(`${headerLines.join('\r\n')}\r\n\r\n`);
    if (method !== 'HEAD' && !parsed.head) out.out(answer.body);
    trace(`* Connection #0 to host ${host} left intact`);
    return out.end(0);
  };
}
