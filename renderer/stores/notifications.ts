/**
 * Flash messages, like the console's green and red banners. An error shows AWS's code and message
 * exactly as the engine sent them ("IncorrectInstanceState: Instance 'i-…' cannot be stopped …");
 * the title above it is the UI's own words, translated at render time. Success and info banners go
 * away by themselves after a while unless the learner is reading them (hover, focus, the CLI command
 * opened); errors stay until dismissed. The same message twice shows once, refreshed at the top.
 */
import type { MessageKey } from '../i18n/message-keys';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { isApiError } from '../../shared/errors';
import { LAB_UNREACHABLE } from '../api/renderer-bridge';

export type FlashKind = 'success' | 'error' | 'info';

export interface Flash {
  id: number;
  kind: FlashKind;
  /** i18n key of the banner's text (or title, for errors). */
  key?: MessageKey;
  params?: Record<string, string | number>;
  /** Instance ids the banner links to. */
  instanceIds?: string[];
  /** The AWS CLI command(s) that do what the console just did, one a line ("Show CLI command"). */
  cliCommand?: string;
  /** For errors: AWS's error code and message, shown verbatim. */
  code?: string;
  message?: string;
  /** For a local problem (the lab unreachable): the console's own words instead of a code and message. */
  detailKey?: MessageKey;
}

/** How long a success or info banner stays when nobody is reading it. */
export const FLASH_LIFETIME_MS = 10_000;
const MAX_FLASHES = 5;

function sameFlash(a: Omit<Flash, 'id'>, b: Omit<Flash, 'id'>): boolean {
  const { id: _a, ...left } = a as Flash;
  const { id: _b, ...right } = b as Flash;
  return JSON.stringify(left) === JSON.stringify(right);
}

export const useNotificationsStore = defineStore('notifications', () => {
  const flashes = ref<Flash[]>([]);
  const expiries = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;

  function push(flash: Omit<Flash, 'id'>): number {
    for (const shown of flashes.value.filter((candidate) => sameFlash(candidate, flash))) dismiss(shown.id);
    const id = nextId++;
    const kept = [{ ...flash, id }, ...flashes.value];
    for (const dropped of kept.slice(MAX_FLASHES)) keep(dropped.id);
    flashes.value = kept.slice(0, MAX_FLASHES);
    if (flash.kind !== 'error')
      expiries.set(
        id,
        setTimeout(() => dismiss(id), FLASH_LIFETIME_MS),
      );
    return id;
  }

  /** The learner is reading this banner: it stays until dismissed. */
  function keep(id: number): void {
    clearTimeout(expiries.get(id));
    expiries.delete(id);
  }

  function success(key: MessageKey, params?: Flash['params'], instanceIds?: string[], cliCommand?: string): number {
    return push({ kind: 'success', key, params, instanceIds, cliCommand: cliCommand || undefined });
  }

  function info(key: MessageKey, params?: Flash['params']): number {
    return push({ kind: 'info', key, params });
  }

  /** Shows an error from a client call; `key` is an optional title such as "Failed to stop instance". */
  function error(cause: unknown, key?: MessageKey, params?: Flash['params']): number {
    if (isApiError(cause) && cause.code === LAB_UNREACHABLE) {
      return push({ kind: 'error', key, params, detailKey: 'connection.callFailed' });
    }
    if (isApiError(cause)) return push({ kind: 'error', key, params, code: cause.code, message: cause.message });
    const message = cause instanceof Error ? cause.message : String(cause);
    return push({ kind: 'error', key, params, message });
  }

  function dismiss(id: number): void {
    keep(id);
    flashes.value = flashes.value.filter((flash) => flash.id !== id);
  }

  function clear(): void {
    for (const flash of flashes.value) keep(flash.id);
    flashes.value = [];
  }

  return { flashes, success, info, error, keep, dismiss, clear };
});
