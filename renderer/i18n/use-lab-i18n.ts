/**
 * useI18n typed by the English messages: `t` takes only a key that exists (a dotted path to a
 * message of locales/en.ts), so a misspelt literal or a dynamic key built from an unknown value is
 * a type error. Dynamic keys are typed too: `t(`states.${state}`)` checks when `state` is a union
 * whose every member has a message.
 */
import { useI18n } from 'vue-i18n';
import type { Locale } from './index';
import type { MessageSchema } from './locales/en';
import type { MessageKey } from './message-keys';

export type { MessageKey };

type Named = Record<string, unknown>;

export interface LabTranslate {
  (key: MessageKey): string;
  (key: MessageKey, named: Named): string;
  (key: MessageKey, plural: number, options?: Named): string;
  (key: MessageKey, named: Named, plural: number): string;
}

export function useLabI18n() {
  const composer = useI18n<{ message: MessageSchema }, Locale>();
  return {
    locale: composer.locale,
    t: composer.t as LabTranslate,
    /** Whether `key` has a message: for keys that come from data (an AWS code, a region name). */
    te: (key: string): key is MessageKey => composer.te(key),
    /** The message of a key that comes from data, or `fallback` when there is none. */
    tOr: (key: string, fallback: string, named: Named = {}): string =>
      composer.te(key) ? composer.t(key, named) : fallback,
  };
}
