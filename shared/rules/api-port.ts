/**
 * The EC2 API port a learner may choose (SetApiPort and the CLI access page): ports below 1024 need
 * administrator rights on Linux and macOS, so the lab takes 1024–65535 only.
 */
export const MIN_API_PORT = 1024;
export const MAX_API_PORT = 65535;

export function isAllowedApiPort(port: unknown): port is number {
  return Number.isInteger(port) && (port as number) >= MIN_API_PORT && (port as number) <= MAX_API_PORT;
}
