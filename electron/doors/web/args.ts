/**
 * Browser mode's command line: `node dist/web/main.js [--port N] [--data-dir DIR] [--api-port N]`.
 * Both `--port 8123` and `--port=8123` are accepted.
 */
export interface WebArgs {
  /** 0 picks a free port. */
  port: number;
  /** Undefined means the per-user data directory the desktop app uses. */
  dataDirectory?: string;
  /** For the EC2 Query API server, when one is registered (see electron/host/extra-servers.ts). */
  apiPort?: number;
  help: boolean;
}

export const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR] [--api-port N]

  --port N        port for the lab on 127.0.0.1 (default: a free port)
  --data-dir DIR  where the lab keeps lab.sqlite (default: the desktop app's data directory)
  --api-port N    port for the EC2 Query API, for the AWS CLI and SDKs
  --help          show this help`;

export class ArgsError extends Error {}

function parsePort(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new ArgsError(`${flag} needs a port number (0-65535).`);
  const port = Number(value);
  if (port > 65535) throw new ArgsError(`${flag} needs a port number (0-65535), not ${value}.`);
  return port;
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const equals = word.indexOf('=');
    const flag = word.startsWith('--') && equals > 0 ? word.slice(0, equals) : word;
    const inline = flag === word ? undefined : word.slice(equals + 1);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        args.port = parsePort(flag, value());
        break;
      case '--api-port':
        args.apiPort = parsePort(flag, value());
        break;
      case '--data-dir': {
        const dir = value();
        if (!dir || dir.startsWith('--')) throw new ArgsError('--data-dir needs a directory.');
        args.dataDirectory = dir;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ArgsError(`Unknown argument: ${word}`);
    }
  }
  return args;
}
