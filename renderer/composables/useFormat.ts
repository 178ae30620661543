/**
 * Dates, sizes and prices in the UI's language. Making an Intl formatter costs far more than using
 * one (a table of 5,000 launch times spent most of its scrolling making them), so each kind is made
 * once per language and kept; a date it wrote is kept too (instances launched together share their
 * launch time, and a scrolled table writes each again as its row comes back into view).
 */
import { useLabI18n } from '../i18n/use-lab-i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const writtenDates = new Map<Intl.DateTimeFormat, Map<number, string>>();
/** Dates kept per formatter; past this many the oldest half is dropped. */
const MAX_WRITTEN_DATES = 10_000;

function dateTimeFormat(locale: string, dateStyle: 'medium' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}\u0000${dateStyle}`;
  let format = dateTimeFormats.get(key);
  if (!format) dateTimeFormats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'medium' })));
  return format;
}

function writeDate(format: Intl.DateTimeFormat, time: number): string {
  let written = writtenDates.get(format);
  if (!written) writtenDates.set(format, (written = new Map()));
  let text = written.get(time);
  if (text === undefined) {
    if (written.size >= MAX_WRITTEN_DATES) {
      let drop = written.size / 2;
      for (const key of written.keys()) {
        if (drop-- <= 0) break;
        written.delete(key);
      }
    }
    written.set(time, (text = format.format(time)));
  }
  return text;
}

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${digits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
  return format;
}

export function useFormat() {
  const { locale, t } = useLabI18n();

  function dateTime(value: Date | string | number | undefined): string {
    if (value === undefined) return '–';
    const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
    if (Number.isNaN(time)) return '–';
    return writeDate(dateTimeFormat(locale.value, 'medium'), time);
  }

  function time(value: number): string {
    return writeDate(dateTimeFormat(locale.value, 'short'), value);
  }

  function number(value: number, digits = 0): string {
    return numberFormat(locale.value, digits).format(value);
  }

  function gibFromMib(mib: number | undefined): string {
    return mib === undefined ? '–' : number(mib / 1024, 3);
  }

  /** "0.0104 USD per Hour", as the wizard prints on-demand prices. */
  function pricePerHour(usd: number | undefined): string {
    if (usd === undefined) return t('common.priceUnavailable');
    return t('common.pricePerHour', { price: usd.toFixed(4) });
  }

  return { dateTime, time, number, gibFromMib, pricePerHour };
}
