/**
 * Flash messages, like the console's green and red banners. An error shows AWS's code and message
 * exactly as the engine sent them ("IncorrectInstanceState: Instance 'i-…' cannot be stopped …");
 * the title above it is the UI's own words, translated at render time.
 */
import type { MessageKey } from '../i18n/message-keys';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { isApiError } from '../../shared/errors';

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
}

export const useNotificationsStore = defineStore('notifications', () => {
  const flashes = ref<Flash[]>([]);
  let nextId = 1;

  function push(flash: Omit<Flash, 'id'>): number {
    const id = nextId++;
    flashes.value = [{ ...flash, id }, ...flashes.value].slice(0, 5);
    return id;
  }

  function success(key: MessageKey, params?: Flash['params'], instanceIds?: string[], cliCommand?: string): number {
    return push({ kind: 'success', key, params, instanceIds, cliCommand: cliCommand || undefined });
  }

  function info(key: MessageKey, params?: Flash['params']): number {
    return push({ kind: 'info', key, params });
  }

  /** Shows an error from a client call; `key` is an optional title such as "Failed to stop instance". */
  function error(cause: unknown, key?: MessageKey, params?: Flash['params']): number {
    if (isApiError(cause)) return push({ kind: 'error', key, params, code: cause.code, message: cause.message });
    const message = cause instanceof Error ? cause.message : String(cause);
    return push({ kind: 'error', key, params, message });
  }

  function dismiss(id: number): void {
    flashes.value = flashes.value.filter((flash) => flash.id !== id);
  }

  function clear(): void {
    flashes.value = [];
  }

  return { flashes, success, info, error, dismiss, clear };
});
