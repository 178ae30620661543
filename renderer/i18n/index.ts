/**
 * vue-i18n in composition mode with Korean and English. The language is `?lang=ko|en` when given,
 * else the one the user picked before, else the OS/browser language (Korean if it starts with "ko").
 */
import { createI18n } from 'vue-i18n';
import en from './locales/en';
import ko from './locales/ko';

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['ko', 'en'];
export const LOCALE_STORAGE_KEY = 'ec2lab.locale';

export interface LocaleEnvironment {
  search: string;
  stored: string | null;
  languages: readonly string[];
}

function isLocale(value: string | null | undefined): value is Locale {
  return value === 'en' || value === 'ko';
}

export function detectLocale(env: LocaleEnvironment = browserEnvironment()): Locale {
  const forced = new URLSearchParams(env.search).get('lang');
  if (isLocale(forced)) return forced;
  if (isLocale(env.stored)) return env.stored;
  const preferred = env.languages[0] ?? '';
  return preferred.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // Storage can be unavailable; the browser language decides then.
  }
}

function browserEnvironment(): LocaleEnvironment {
  const stored = readStoredLocale();
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return { search: location.search, stored, languages };
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Without storage the choice lasts for this session.
  }
  document.documentElement.lang = locale;
}

export function createLabI18n(locale: Locale = detectLocale()) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, ko },
  });
}
