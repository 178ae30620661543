// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectLocale } from './index';
import en from './locales/en';
import ko from './locales/ko';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function lookup(messages: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
}

describe('language', () => {
  it('?lang forces the language, else the remembered choice, else the browser language', () => {
    expect(detectLocale({ search: '?lang=en', stored: 'ko', languages: ['ko-KR'] })).toBe('en');
    expect(detectLocale({ search: '?lang=ko', stored: 'en', languages: ['en-US'] })).toBe('ko');
    expect(detectLocale({ search: '?lang=fr', stored: 'ko', languages: ['en-US'] })).toBe('ko');
    expect(detectLocale({ search: '', stored: null, languages: ['ko-KR', 'en-US'] })).toBe('ko');
    expect(detectLocale({ search: '', stored: null, languages: ['ko'] })).toBe('ko');
    expect(detectLocale({ search: '', stored: null, languages: ['en-GB', 'ko-KR'] })).toBe('en');
    expect(detectLocale({ search: '', stored: null, languages: [] })).toBe('en');
  });

  it('Korean and English have the same messages, none left empty', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      expect(String(lookup(en, key)).trim(), key).not.toBe('');
      expect(String(lookup(ko, key)).trim(), key).not.toBe('');
    }
  });

  it('every message key the renderer names literally exists', () => {
    const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!../i18n/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const missing: string[] = [];
    const pattern = /\b(?:t|te)\(\s*'([a-zA-Z]+(?:\.[\w-]+)+)'|'((?:flash|launch|tags)\.[\w.]+)'/g;
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1] ?? match[2]!;
        if (lookup(en, key) === undefined) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });
});
