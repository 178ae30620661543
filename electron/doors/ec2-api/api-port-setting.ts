/**
 * The EC2 API port the learner chose in the lab, kept in the data directory so later starts use it.
 * `--api-port` on the command line wins for one run; without either, 4566.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export const API_PORT_FILE_NAME = 'ec2-api-settings.json';
export const MIN_API_PORT = 1024;
export const MAX_API_PORT = 65535;

export function isChoosablePort(port: unknown): port is number {
  return Number.isInteger(port) && (port as number) >= MIN_API_PORT && (port as number) <= MAX_API_PORT;
}

export function loadApiPort(path: string): number | undefined {
  try {
    const { port } = JSON.parse(readFileSync(path, 'utf8')) as { port?: unknown };
    return isChoosablePort(port) ? port : undefined;
  } catch {
    return undefined; // none saved, or unreadable: the default applies
  }
}

export function saveApiPort(path: string, port: number): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ port }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
