/**
 * The EC2 API port setting on the CLI access page: what the learner may type, by the same rule as
 * SetApiPort (shared/rules/api-port.ts).
 */
import { MAX_API_PORT, MIN_API_PORT, isAllowedApiPort } from '../../../shared/rules/api-port';

export { MAX_API_PORT, MIN_API_PORT };

export type ApiPortCheck = { port: number } | { error: 'cliAccess.port.notWhole' | 'cliAccess.port.outOfRange' };

/** The port the text names, or the message key saying why it names none. */
export function checkApiPort(text: string): ApiPortCheck {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: 'cliAccess.port.notWhole' };
  const port = Number(trimmed);
  return isAllowedApiPort(port) ? { port } : { error: 'cliAccess.port.outOfRange' };
}

/** The port of an endpoint such as http://127.0.0.1:4566/, for an answer without Port. */
export function portOfEndpoint(endpoint: string | undefined): number | undefined {
  const match = endpoint?.match(/^https?:\/\/[^/]*:(\d+)(?:\/|$)/);
  return match ? Number(match[1]) : undefined;
}
