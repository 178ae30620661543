/**
 * The SSH server's lab settings, kept in the data directory: whether it runs at all, and which
 * loopback port each instance got, so `ssh -p 22xx` and a downloaded ssh_config keep working after
 * the app restarts. Ports are chosen from 2200–2999 (the instance id picks the first try, so the
 * same id tends to get the same port even in a fresh data directory).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export const SSH_SETTINGS_FILE_NAME = 'ssh-server-settings.json';
export const FIRST_SSH_PORT = 2200;
export const LAST_SSH_PORT = 2999;

export interface SshSettings {
  enabled: boolean;
  /** Instance id → loopback port. */
  ports: Record<string, number>;
}

/** Where the settings live: a file, or memory (tests). */
export interface SshSettingsStore {
  load(): SshSettings;
  save(settings: SshSettings): void;
}

const isPort = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1024 && (value as number) <= 65535;

export function fileSettingsStore(path: string): SshSettingsStore {
  return {
    load() {
      try {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { enabled?: unknown; ports?: unknown };
        const ports: Record<string, number> = {};
        if (parsed.ports && typeof parsed.ports === 'object')
          for (const [id, port] of Object.entries(parsed.ports))
            if (/^i-[0-9a-f]{8,17}$/.test(id) && isPort(port)) ports[id] = port;
        return { enabled: parsed.enabled !== false, ports };
      } catch {
        return { enabled: true, ports: {} }; // none saved, or unreadable: the defaults apply
      }
    },
    save(settings) {
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}

export function memorySettingsStore(initial: Partial<SshSettings> = {}): SshSettingsStore {
  let settings: SshSettings = { enabled: initial.enabled ?? true, ports: { ...initial.ports } };
  return {
    load: () => structuredClone(settings),
    save: (next) => {
      settings = structuredClone(next);
    },
  };
}

/** The port an instance id tries first (a stable hash of the id into the range). */
export function preferredPort(instanceId: string, first = FIRST_SSH_PORT, last = LAST_SSH_PORT): number {
  let hash = 0;
  for (const char of instanceId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return first + (hash % (last - first + 1));
}
