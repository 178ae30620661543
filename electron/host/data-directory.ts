/**
 * The per-user data directory: where the lab's database (`lab.sqlite`) lives. It is the directory
 * Electron names `userData` for an app called "EC2 Lab" (Electron docs: app.getPath), computed here
 * without Electron so browser mode opens the very same lab as the desktop app.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'EC2 Lab';

export interface Platform {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const currentPlatform = (): Platform => ({ platform: process.platform, env: process.env, home: homedir() });

/** Electron's `appData`: %APPDATA% on Windows, ~/Library/Application Support on macOS, else XDG config. */
function applicationDataDirectory({ platform, env, home }: Platform): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  return xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config');
}

export function defaultDataDirectory(platform: Platform = currentPlatform()): string {
  const join = platform.platform === 'win32' ? win32.join : posix.join;
  return join(applicationDataDirectory(platform), PRODUCT_NAME);
}
