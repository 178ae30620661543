/**
 * The EC2 API port setting on the CLI access page: what the learner may type. Ports below 1024 need
 * administrator rights on Linux and macOS, so the lab (like SetApiPort) takes 1024–65535 only.
 */
export const MIN_API_PORT = 1024;
export const MAX_API_PORT = 65535;

export type ApiPortCheck = { port: number } | { error: 'cliAccess.port.notWhole' | 'cliAccess.port.outOfRange' };

/** The port the text names, or the message key saying why it names none. */
export function checkApiPort(text: string): ApiPortCheck {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: 'cliAccess.port.notWhole' };
  const port = Number(trimmed);
  return port < MIN_API_PORT || port > MAX_API_PORT ? { error: 'cliAccess.port.outOfRange' } : { port };
}

/** The port of an endpoint such as http://127.0.0.1:4566/, for an answer without Port. */
export function portOfEndpoint(endpoint: string | undefined): number | undefined {
  const match = endpoint?.match(/^https?:\/\/[^/]*:(\d+)(?:\/|$)/);
  return match ? Number(match[1]) : undefined;
}
